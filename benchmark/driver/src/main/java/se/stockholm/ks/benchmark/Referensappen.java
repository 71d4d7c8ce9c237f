package se.stockholm.ks.benchmark;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reference (benchmark/referens): a bare Camunda 7.24 Spring Boot app whose model has the
 * skrivelse case's six user tasks and nothing else. Driven the same way as the application: a
 * case is started over REST by the integration user (here the engine's own start endpoint, with
 * the case's rubrik and sender as variables), and each task is claimed and its form submitted by
 * the same role with the same form variables. A lookup reads the case's historic process instance
 * by business key and its variables.
 */
public final class Referensappen extends Mal {

  private String filterId;

  /** @param konf the benchmark's settings */
  public Referensappen(Konfiguration konf) {
    super(konf);
  }

  @Override
  public String namn() {
    return "Referens (bar Camunda)";
  }

  @Override
  public String kortnamn() {
    return "referens";
  }

  @Override
  public String processnyckel() {
    return "referens";
  }

  @Override
  public List<String> kommando(int port, int sqlPort) {
    return Benchmark.javaKommando(konf.rot().resolve("benchmark/referens/target/referens.jar"),
        List.of("--server.port=" + port, "--bench.sqlraknare.port=" + sqlPort), konf);
  }

  @Override
  public Map<String, String> miljo(String dbUrl, String adminLosen) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("SPRING_DATASOURCE_URL", dbUrl);
    m.put("SPRING_DATASOURCE_USERNAME", konf.pgAnvandare());
    m.put("SPRING_DATASOURCE_PASSWORD", "");
    m.put("KS_ADMIN_PASSWORD", adminLosen);
    return m;
  }

  @Override
  public void forbered(Http http) throws Exception {
    super.forbered(http);
    for (JsonNode f : http.json("GET", "/engine-rest/filter?resourceType=Task", "registrator", null)) {
      if (f.path("name").asText().startsWith("ks-kansli")) {
        filterId = f.path("id").asText();
      }
    }
    if (filterId == null) {
      throw new IllegalStateException("ks-kansli:s filter saknas i referensen");
    }
  }

  @Override
  public String startaEtt(int nummer) throws Exception {
    String nyckel = "REF-" + nummer;
    Map<String, Object> s = Arendedata.skrivelse(nummer, java.time.LocalDateTime.now(Arendedata.STOCKHOLM));
    @SuppressWarnings("unchecked")
    Map<String, String> avs = (Map<String, String>) s.get("avsandare");
    Map<String, Object> variabler = new LinkedHashMap<>();
    variabler.put("diarienummer", str(nyckel));
    variabler.put("rubrik", str((String) s.get("rubrik")));
    variabler.put("avsandareNamn", str(avs.get("namn")));
    variabler.put("avsandareParti", str(avs.get("parti")));
    variabler.put("avsandareRoll", str(avs.get("roll")));
    http.json("POST", "/engine-rest/process-definition/key/referens/start", "integration",
        Map.of("businessKey", nyckel, "variables", variabler));
    return nyckel;
  }

  @Override
  public void kohort(int nummer, int storlek, ExecutorService pool) throws Exception {
    LocalDate idag = LocalDate.now(Arendedata.STOCKHOLM);
    parallellt(pool, IntStream.range(0, storlek).boxed().toList(), i -> startaEtt(1_000_000 + nummer * 100_000 + i));
    List<JsonNode> t = vantaUppgifter("Task_FordelaArende", "registrator", storlek, pool);
    t = steg(t, "registrator", i -> Arendedata.fordela(idag.plusDays(21).toString()), "Task_SkrivTjanstutlatande",
        "handlaggare", storlek, pool);
    t = steg(t, "handlaggare", i -> Arendedata.tjanstutlatande(idag), "Task_UpprattaPromemoria", "rotel1", storlek, pool);
    t = steg(t, "rotel1", i -> Arendedata.promemoria(idag), "Task_RegistreraUtfallIBrb", "brbsekreterare", storlek, pool);
    t = steg(t, "brbsekreterare", i -> Arendedata.utfallIBrb(), "Task_LamnaSarskiltUttalande", "liberalerna", storlek,
        pool);
    t = steg(t, "liberalerna", i -> Arendedata.sarskiltUttalande(), "Task_RegistreraBeslutIKs", "kssekreterare", storlek,
        pool);
    List<JsonNode> beslut = t;
    parallellt(pool, IntStream.range(0, t.size()).boxed().toList(),
        i -> slutfor(beslut.get(i), "kssekreterare", Arendedata.beslutIKs(i + 1)));
    vanta("avslutade fall", pool, () -> {
      try {
        return oppna() == 0;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Override
  public void tasklist() throws Exception {
    tasklistFilter(filterId);
  }

  @Override
  public void uppslag(String nyckel) throws Exception {
    JsonNode pi = http.json("GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + url(nyckel),
        "integration", null);
    if (pi.size() != 1) {
      throw new IllegalStateException("Fel antal instanser för " + nyckel + ": " + pi.size());
    }
    http.json("GET", "/engine-rest/history/variable-instance?processInstanceIdIn=" + pi.get(0).path("id").asText()
        + "&deserializeValues=false", "integration", null);
  }

  @Override
  public List<String> stangda(Connection c) throws Exception {
    return Databas.texter(c, "select business_key_ from act_hi_procinst where proc_def_key_ = 'referens' "
        + "and id_ = root_proc_inst_id_ and end_time_ is not null");
  }

  @Override
  public void kopieraStangda(Connection c, int kopior, Consumer<String> logg) throws Exception {
    Databas.kopieraHistorik(c, processnyckel(), kopior, "gammal || '~' || k", logg);
  }
}
