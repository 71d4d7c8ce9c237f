package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application, Skrivelseprocessen, as it is built ({@code target/skrivelseprocessen-*.jar})
 * and shipped: profile {@code postgres}, plus the demo users and the admin-only demo clock
 * ({@code ks.demo.users}, {@code ks.demo.klocka}) so that the roles can log in and time can pass.
 *
 * <p>A cohort runs as the project's scenario runner runs the real case: the skrivelser come in
 * over {@code POST /api/v1/skrivelser}; each task is claimed and its form submitted by its role;
 * the engine clock is moved to the borgarrådsberedning's and kommunstyrelsen's meeting days, to
 * the justering and anslag, and past the laglighetsprövning, and the timers that fall due are
 * executed. The cases of a cohort share their meetings and one protokoll. The benchmark gives the
 * app a sammanträdesplan of its own (every Wednesday 2030–2039 but holidays, through the
 * environment as the README describes), so that each cohort has meetings of its own: cohort
 * {@code i+1} starts the day after cohort {@code i}'s KS meeting.
 */
public final class Skrivelseappen extends Mal {

  private static final Set<String> HELGDAGAR_ONSDAG = Set.of("01-01", "01-06", "05-01", "06-06", "12-24", "12-25",
      "12-26", "12-31");

  private LocalDate nastaStart = LocalDate.of(2030, 1, 10);
  private int paragraf;
  private String filterId;

  /** @param konf the benchmark's settings */
  public Skrivelseappen(Konfiguration konf) {
    super(konf);
  }

  @Override
  public String namn() {
    return "Skrivelseprocessen";
  }

  @Override
  public String kortnamn() {
    return "app";
  }

  @Override
  public String processnyckel() {
    return "skrivelse";
  }

  /**
   * @return the application's executable jar
   * @throws IOException when it has not been built
   */
  Path jar() throws IOException {
    try (DirectoryStream<Path> d = Files.newDirectoryStream(konf.rot().resolve("target"), "skrivelseprocessen-*.jar")) {
      for (Path p : d) {
        return p;
      }
    }
    throw new IOException("Applikationen är inte byggd: target/skrivelseprocessen-*.jar saknas (./mvnw -DskipTests package)");
  }

  @Override
  public List<String> kommando(int port, int sqlPort) {
    try {
      return Benchmark.javaKommando(jar(), List.of("--server.port=" + port, "--spring.profiles.active=postgres",
          "--ks.demo.users=true", "--ks.demo.klocka=true", "--ks.demo.arenden=false",
          // the postgres profile refuses to start without the city's rotlar: the demo rotlar stand in
          "--spring.config.import=classpath:organisation-demo.yaml", "--ks.organisation.demo=false",
          // no SMTP server in the benchmark: messages stay in the outbox table
          "--ks.meddelanden.transport=utkorg",
          "--bench.sqlraknare.port=" + sqlPort), konf);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Map<String, String> miljo(String dbUrl, String adminLosen) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("SPRING_DATASOURCE_URL", dbUrl);
    m.put("SPRING_DATASOURCE_USERNAME", konf.pgAnvandare());
    m.put("SPRING_DATASOURCE_PASSWORD", "");
    m.put("KS_ADMIN_PASSWORD", adminLosen);
    String plan = sammantradesplan();
    m.put("KS_SAMMANTRADESPLAN_BORGARRADSBEREDNINGEN", plan);
    m.put("KS_SAMMANTRADESPLAN_KOMMUNSTYRELSEN", plan);
    return m;
  }

  /** @return every Wednesday of 2030–2039 that is not a holiday, comma-separated */
  static String sammantradesplan() {
    LocalDate d = LocalDate.of(2030, 1, 2);
    List<String> dagar = new ArrayList<>();
    while (d.getYear() < 2040) {
      if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY && !HELGDAGAR_ONSDAG.contains(d.toString().substring(5))) {
        dagar.add(d.toString());
      }
      d = d.plusDays(1);
    }
    return String.join(",", dagar);
  }

  @Override
  public void forbered(Http http) throws Exception {
    super.forbered(http);
    for (JsonNode f : http.json("GET", "/engine-rest/filter?resourceType=Task", "registrator", null)) {
      if (f.path("name").asText().startsWith("KS kansli")) {
        filterId = f.path("id").asText();
      }
    }
    if (filterId == null) {
      throw new IllegalStateException("ks-kansli:s Tasklist-filter saknas");
    }
  }

  @Override
  public String startaEtt(int nummer) throws Exception {
    return starta(nummer, LocalDateTime.now(Arendedata.STOCKHOLM).minusHours(1));
  }

  private String starta(int nummer, LocalDateTime inkom) throws Exception {
    return http.json("POST", "/api/v1/skrivelser", "integration", Arendedata.skrivelse(nummer, inkom))
        .path("diarienummer").asText();
  }

  private void klocka(LocalDateTime tid) throws Exception {
    http.json("PUT", "/api/v1/demo/klocka", "admin",
        Map.of("tid", tid.atZone(Arendedata.STOCKHOLM).toOffsetDateTime().toString()));
  }

  /** Puts the engine's clock back to real time. */
  @Override
  public void efterLivscykel() throws Exception {
    http.json("DELETE", "/api/v1/demo/klocka", "admin", null);
  }

  private LocalDate frist(String dnr, String namn) throws Exception {
    String url = dnr.replace(' ', '-').replace('/', '-');
    String v = http.json("GET", "/api/v1/arenden/" + url, "integration", null).path("frister").path(namn).asText("");
    if (v.isEmpty() || "null".equals(v)) {
      throw new IllegalStateException(dnr + " saknar fristen " + namn);
    }
    return LocalDate.parse(v);
  }

  @Override
  public void kohort(int nummer, int storlek, ExecutorService pool) throws Exception {
    LocalDate s = nastaStart;
    klocka(s.atTime(10, 0));
    List<String> dnr = java.util.Collections.synchronizedList(new ArrayList<>());
    parallellt(pool, IntStream.range(0, storlek).boxed().toList(),
        i -> dnr.add(starta(nummer * 100_000 + i, s.atTime(9, 0))));

    List<JsonNode> t = vantaUppgifter("Task_FordelaArende", "registrator", storlek, pool);
    String svarsdatum = http.json("GET", "/engine-rest/task/" + t.get(0).path("id").asText() + "/variables/svarsdatum",
        "registrator", null).path("value").asText();
    t = steg(t, "registrator", i -> Arendedata.fordela(svarsdatum), "Task_SkrivTjanstutlatande", "handlaggare", storlek,
        pool);
    t = steg(t, "handlaggare", i -> Arendedata.tjanstutlatande(s), "Task_UpprattaPromemoria", "rotel1", storlek, pool);
    parallellt(pool, t, x -> slutfor(x, "rotel1", Arendedata.promemoria(s)));

    vantaJobb("Event_BrbSammantrade", storlek, pool);
    LocalDate brb = frist(dnr.get(0), "brbSammantrade");
    klocka(brb.atTime(12, 0));
    t = vantaUppgifter("Task_RegistreraUtfallIBrb", "brbsekreterare", storlek, pool);
    t = steg(t, "brbsekreterare", i -> Arendedata.utfallIBrb(), "Task_LamnaSarskiltUttalande", "liberalerna", storlek,
        pool);
    parallellt(pool, t, x -> slutfor(x, "liberalerna", Arendedata.sarskiltUttalande()));

    vantaJobb("Event_KsSammantrade", storlek, pool);
    LocalDate ks = frist(dnr.get(0), "ksSammantrade");
    klocka(ks.atTime(12, 0));
    t = vantaUppgifter("Task_RegistreraBeslutIKs", "kssekreterare", storlek, pool);
    List<Integer> paragrafer = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      paragrafer.add(++paragraf);
    }
    List<JsonNode> beslut = t;
    parallellt(pool, IntStream.range(0, t.size()).boxed().toList(),
        i -> slutfor(beslut.get(i), "kssekreterare", Arendedata.beslutIKs(paragrafer.get(i))));

    vanta("alla beslut anmälda till protokollet", pool, () -> {
      try {
        return http.json("GET", "/engine-rest/event-subscription/count?eventType=message&activityId=Event_ProtokollAnslaget",
            "admin", null).path("count").asLong() >= storlek;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    LocalDate justering = ks.plusDays(7);
    klocka(justering.atTime(15, 0));
    t = vantaUppgifter("Task_JusteraProtokollet", "kssekreterare", 1, pool);
    slutfor(t.get(0), "kssekreterare", Arendedata.justera(justering));
    LocalDate anslag = justering.plusDays(1);
    klocka(anslag.atTime(9, 0));
    t = vantaUppgifter("Task_AnslaProtokollet", "kssekreterare", 1, pool);
    slutfor(t.get(0), "kssekreterare", Arendedata.ansla(anslag));

    vantaJobb("Event_LaglighetsprovningUtgangen", storlek, pool);
    LocalDate sista = frist(dnr.get(0), "laglighetsprovningSistaDag");
    klocka(sista.plusDays(1).atTime(9, 0));
    vanta("avslutade ärenden", pool, () -> {
      try {
        return oppna() == 0 && http.json("GET", "/engine-rest/process-instance/count", "admin", null)
            .path("count").asLong() == 0;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    nastaStart = ks.plusDays(1);
  }

  @Override
  public void tasklist() throws Exception {
    tasklistFilter(filterId);
  }

  @Override
  public void uppslag(String nyckel) throws Exception {
    JsonNode a = http.json("GET", "/api/v1/arenden/" + nyckel.replace(' ', '-').replace('/', '-'), "integration", null);
    if (!nyckel.equals(a.path("diarienummer").asText())) {
      throw new IllegalStateException("Fel ärende: " + a);
    }
  }

  @Override
  public List<String> stangda(Connection c) throws Exception {
    return Databas.texter(c, "select diarienummer from arende where status = 'AVSLUTAT'");
  }

  /**
   * Copies the closed cases in Camunda's history tables (see {@link Databas#kopieraHistorik}) and
   * in the diarium's tables: ärende, handlingar, händelser and beslut, with new diarienummer
   * ({@code KS 1900/…} to {@code KS 1999/…}, years no real case of the run has) and the copies'
   * process instance ids. The content of file handlingar (the generated PDFs, kept out of line
   * by PostgreSQL's TOAST and not read by a lookup) is not copied; their size and checksum are.
   */
  @Override
  public void kopieraStangda(Connection c, int kopior, Consumer<String> logg) throws Exception {
    Databas.kopieraHistorik(c, processnyckel(), kopior,
        "'KS ' || (1900 + (k - 1) % 100) || '/' || (((k - 1) / 100) * antal + idx)", logg);
    kopieraDiarium(c, "arende", "a.diarienummer = c.gammal", "a", kopior, logg);
    for (String tabell : List.of("handling", "arende_handelse", "arende_beslut")) {
      kopieraDiarium(c, tabell, "t.arende_id = a.id", "t", kopior, logg);
    }
  }

  private static void kopieraDiarium(Connection c, String tabell, String koppling, String alias, int kopior,
                                     Consumer<String> logg) throws Exception {
    List<String> kolumner = Databas.kolumner(c, tabell).stream().filter(k -> !k.equals("id")).toList();
    String a = alias;
    String val = kolumner.stream().map(k -> switch (k) {
      case "diarienummer" -> "c.ny";
      case "ar" -> "cast(split_part(split_part(c.ny, ' ', 2), '/', 1) as integer)";
      case "lopnummer" -> tabell.equals("arende") ? "cast(split_part(c.ny, '/', 2) as integer)" : a + ".lopnummer";
      case "arende_id" -> "n.id";
      case "process_instance_id" -> Databas.ny(a + ".process_instance_id", "c.k");
      case "dokumentnummer", "hanvisar_till" -> "case when " + a + "." + k + " like c.gammal || '-%' then c.ny || substr("
          + a + "." + k + ", length(c.gammal) + 1) else " + a + "." + k + " end";
      case "kalla_nyckel" -> "case when " + a + ".kalla_nyckel is null then null else " + a + ".kalla_nyckel || '~' || c.k end";
      case "fil_innehall" -> "null";
      default -> a + "." + k;
    }).collect(Collectors.joining(", "));
    String fran = tabell.equals("arende")
        ? "arende a join bench_kopia c on " + koppling
        : tabell + " t join arende a on " + koppling + " join bench_kopia c on a.diarienummer = c.gammal "
            + "join arende n on n.diarienummer = c.ny";
    String sql = "insert into " + tabell + " (" + String.join(", ", kolumner) + ") select " + val + " from " + fran
        + " where c.k between ? and ?";
    long rader = 0;
    long t0 = System.nanoTime();
    for (int f = 1; f <= kopior; f += 10) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(1, f);
        ps.setInt(2, Math.min(kopior, f + 9));
        rader += ps.executeUpdate();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("analyze " + tabell);
    }
    logg.accept(String.format("  %s: %,d rader kopierade (%.1f s)", tabell, rader, (System.nanoTime() - t0) / 1e9));
  }
}
