package se.stockholm.ks.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The real case KS 2025/1513 (docs/exempelarende) — a skrivelse from oppositionsborgarrådet Jan Jönsson (L) about
 * the city's invitation to the mayors' summit against antisemitism in Paris — driven from skrivelse
 * to closed ärende against a RUNNING application, over HTTP only: the skrivelse comes in as an
 * integration would send it ({@code POST /api/v1/skrivelser}), and every task is taken and
 * completed by the official of its role, as that role's user, through the task and form endpoints
 * Tasklist itself uses ({@code /engine-rest/task/{id}/claim} and {@code /submit-form}).
 *
 * <p>Time passes on the case's own dates (2025-11-26 … 2026-04-17) through the demo clock
 * ({@code PUT /api/v1/demo/klocka}, administrators only, local profile); timers that fall due are
 * executed as the tests execute them ({@code POST /engine-rest/job/{id}/execute}). The clock is
 * reset at the end.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java@scenario} (the application must be running, see
 * README) — optional arguments: base URL (default {@code http://localhost:8080}) and output folder
 * (default {@code target/scenario}).
 */
public final class Scenario {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String LOSEN = "demo";

  private final String bas;
  private final Path utmapp;
  private final PrintStream ut;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> kandaHandlingar = new TreeSet<>();
  private String dnr;
  private String urlDnr;
  private boolean motornKorJobb;
  private boolean motornKand;

  /** What the run produced. */
  public record Resultat(String diarienummer, String status, List<JsonNode> handlingar, Path arendedokument,
                         Path protokollsutdrag) {
  }

  /**
   * @param bas the application's base URL, e.g. {@code http://localhost:8080}
   * @param utmapp where the generated documents are saved
   * @param ut where the steps are printed
   */
  public Scenario(String bas, Path utmapp, PrintStream ut) {
    this.bas = bas.endsWith("/") ? bas.substring(0, bas.length() - 1) : bas;
    this.utmapp = utmapp;
    this.ut = ut;
  }

  /**
   * Runs the scenario.
   *
   * @param args base URL and output folder, both optional
   * @throws Exception when a step fails
   */
  public static void main(String[] args) throws Exception {
    String bas = args.length > 0 ? args[0] : "http://localhost:8080";
    Path ut = Path.of(args.length > 1 ? args[1] : "target/scenario");
    Resultat r = new Scenario(bas, ut, System.out).kor();
    System.out.println();
    System.out.println("Klart: " + r.diarienummer() + " är " + r.status().toLowerCase() + ".");
  }

  /**
   * Runs the case from skrivelse to closed ärende.
   *
   * @return what the run produced
   * @throws Exception when a step fails
   */
  public Resultat kor() throws Exception {
    try {
      forstaHalvan();
      return andraHalvan(dnr);
    } finally {
      anrop("DELETE", "/api/v1/demo/klocka", "admin", null);
    }
  }

  /**
   * The first half, from skrivelse to the borgarrådsberedning's outcome (2026-03-11). The demo clock stays
   * where the case is (in the database, so an application started later on the same database follows it).
   *
   * @return the ärende's diarienummer, for {@link #andraHalvan(String)}
   * @throws Exception when a step fails
   */
  public String forstaHalvan() throws Exception {
    rubrik("Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris (KS 2025/1513)");
    motor();
    inkommer();
    fordelas();
    tjanstutlatande();
    promemoria();
    foredragningslistan("BRB", "2026-03-11", "brbsekreterare", LocalDateTime.of(2026, 3, 9, 9, 0));
    borgarradsberedningen();
    return dnr;
  }

  /**
   * The second half, from the särskilt uttalande to the closed ärende, possibly against another application
   * on the same database (README, "Processmotorer": the switch from Camunda to Operaton). Leaves the demo clock
   * as {@link #kor()} does not: the caller resets it.
   *
   * @param diarienummer the ärende {@link #forstaHalvan()} registered
   * @return what the run produced
   * @throws Exception when a step fails
   */
  public Resultat andraHalvan(String diarienummer) throws Exception {
    if (!motornKand) {
      motor();
    }
    dnr = diarienummer;
    urlDnr = dnr.replace(' ', '-').replace('/', '-');
    // what the first half registered is not new (when another Scenario ran it)
    anrop("GET", "/api/v1/arenden/" + urlDnr + "/handlingar", "integration", null)
        .forEach(h -> kandaHandlingar.add(h.path("dokumentnummer").asText()));
    sarskiltUttalande();
    foredragningslistan("KS", "2026-03-18", "kssekreterare", LocalDateTime.of(2026, 3, 16, 9, 0));
    kommunstyrelsen();
    protokollet();
    laglighetsprovning();
    return resultat();
  }

  /** Resets the demo clock to the real time. */
  public void aterstallKlockan() throws Exception {
    anrop("DELETE", "/api/v1/demo/klocka", "admin", null);
  }

  private void motor() throws Exception {
    motornKorJobb = anrop("GET", "/api/v1/demo/klocka", "admin", null).path("jobbutforareAktiv").asBoolean();
    motornKand = true;
    ut.println(motornKorJobb ? "Processmotorns jobbutförare kör tidsstyrda och asynkrona steg när klockan flyttas."
        : "Scenariot kör tidsstyrda och asynkrona steg själv när de förfaller (jobbutföraren är avstängd).");
  }

  // --- the steps ----------------------------------------------------------------------------------

  private void inkommer() throws Exception {
    klocka(LocalDateTime.of(2025, 11, 26, 10, 15));
    ObjectNode s = json.createObjectNode();
    s.put("rubrik", "Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris");
    ObjectNode avs = s.putObject("avsandare");
    avs.put("namn", "Jan Jönsson");
    avs.put("parti", "L");
    avs.put("roll", "oppositionsborgarråd");
    s.put("inkom", "2025-11-26T10:15:00+01:00");
    var fragor = s.putArray("fragor");
    fragor.add("Hur ser majoriteten att samarbetet med andra organisationer kompletterar deltagande i en "
        + "konferens som specifikt fokuserar på antisemitism?");
    fragor.add("Varför är det inte viktigt för majoriteten att delta på politisk nivå?");
    fragor.add("Var det avgörande att finansborgarrådet skulle erbjudas en aktiv roll i konferensen för att "
        + "man skulle delta?");
    fragor.add("Övervägde staden att skicka någon annan representant?");
    s.put("text", "Finansborgarrådet tackade nej till att delta i 2025 Paris Mayors Summit Against Antisemitism "
        + "den 19–20 november 2025. Liberalerna efterfrågar svar på varför, utifrån stadens prioriteringar, "
        + "representation och internationella samverkan.");
    JsonNode svar = anrop("POST", "/api/v1/skrivelser", "integration", s);
    dnr = svar.path("diarienummer").asText();
    urlDnr = dnr.replace(' ', '-').replace('/', '-');
    steg("Skrivelsen inkommer från e-tjänsten", "integration", null);
    if (!"KS 2025/1513".equals(dnr)) {
      ut.println("    (Diarienumret blev " + dnr + ": ärendet har körts förut på denna instans, så löpnumret gick vidare.)");
    }
  }

  private void fordelas() throws Exception {
    JsonNode t = uppgift(dnr, "Task_FordelaArende", "registrator");
    slutfor(t, "registrator", Map.of(
        "rotel", str("rotel-i"),
        "remissinstanser", jsonVar("[\"stadsledningskontoret\"]"),
        "svarsdatum", str("2025-12-19")));
  }

  private void tjanstutlatande() throws Exception {
    // Tuesday 16 December, three working days before svarsdatum: the reminder goes to stadsledningskontoret
    // (by e-mail; the local profile keeps it in the outbox, /meddelanden). The tjänsteutlåtande, dated
    // 11 December, is registered that day.
    klocka(LocalDateTime.of(2025, 12, 16, 9, 0));
    JsonNode t = uppgift(dnr, "Task_SkrivTjanstutlatande", "handlaggare");
    slutfor(t, "handlaggare", Map.of(
        "tjanstutlatandeDatum", str("2025-12-11"),
        "tjanstutlatandeText", str("Internationell strategi för Stockholms stad (KS 2021/154) slår fast att beslut om "
            + "deltagande i konferenser och andra evenemang utomlands på kommunstyrelsens uppdrag är delegerat till "
            + "finansborgarrådet och behandlas av stadens internationella beredning, för en enhetlig och långsiktig "
            + "bedömning av stadens internationella åtaganden.\n\n"
            + "Avböjandet av deltagande vid mötet i Paris förklaras av att 1) det inte fanns något konferensprogram "
            + "att ta ställning till, 2) finansborgarrådet inte erbjöds en aktiv roll i programmet och inbjudan inte "
            + "var överförbar, samt 3) staden arbetar mot hatbrott, bland annat antisemitiska, inom Nordic Safe "
            + "Cities och Strong Cities Network.")));
  }

  private void promemoria() throws Exception {
    klocka(LocalDateTime.of(2026, 3, 4, 9, 0));
    JsonNode t = uppgift(dnr, "Task_UpprattaPromemoria", "rotel1");
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("forslagTillBeslut", str("Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria"));
    v.put("sammanfattning", str("Jan Jönsson (L) har i en skrivelse till kommunstyrelsen ställt frågan om varför "
        + "finansborgarrådet avstod från att delta i Paris Mayors Summit Against Antisemitism 2025 utifrån "
        + "frågeställningar om stadens prioriteringar, representation och internationella samverkan."));
    v.put("beredning", str("Stadsledningskontoret hänvisar till den internationella beredningen, där inbjudningar "
        + "hanteras. Deltagandet avböjdes eftersom program saknades, ingen aktiv roll erbjöds och frågan hanteras "
        + "genom andra internationella nätverk där staden redan är aktiv."));
    v.put("synpunkter", str("Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället. Staden "
        + "arbetar långsiktigt mot antisemitism, bland annat genom handlingsplanen mot rasism från maj 2025.\n\n"
        + "Stadens deltagande i internationella konferenser bereds i den internationella beredningen enligt "
        + "Internationell strategi för Stockholms stad (dnr KS 2021/154). Avböjandet grundade sig på en samlad "
        + "bedömning: program saknades, inbjudan var inte överförbar och ingen aktiv roll erbjöds.\n\n"
        + "Staden arbetar samtidigt internationellt mot hat och extremism genom Nordic Safe Cities och Strong "
        + "Cities Network."));
    v.put("arendebeskrivning", str("Oppositionsborgarrådet Jan Jönsson (L) efterfrågar svar på varför "
        + "finansborgarrådet tackat nej till att delta i Mayor summit combat antisemitism movement, som ägde rum i "
        + "Paris den 19–20 november 2025. Ärendet behandlades i Internationella beredningen, IB5/2025 (KS 2025/52)."));
    v.put("promemoriaDatum", str("2026-03-04"));
    v.put("undertecknare", str("Karin Wanngård"));
    slutfor(t, "rotel1", v);
  }

  /** The meeting's secretary fixes its föredragningslista (written as PDF/A, noted in each ärende). */
  private void foredragningslistan(String organ, String datum, String sekreterare, LocalDateTime nar) throws Exception {
    klocka(nar);
    JsonNode t = uppgift("Föredragningslista " + organ + " " + datum, "Task_FaststallForedragningslistan", sekreterare);
    slutfor(t, sekreterare, Map.of());
  }

  private void borgarradsberedningen() throws Exception {
    klocka(LocalDateTime.of(2026, 3, 11, 8, 30));
    JsonNode t = uppgift(dnr, "Task_RegistreraUtfallIBrb", "brbsekreterare");
    slutfor(t, "brbsekreterare", Map.of(
        "brbUtfall", str("TILLSTYRKER"),
        "brbSarskildaUttalanden", jsonVar("[\"L\"]")));
  }

  private void sarskiltUttalande() throws Exception {
    klocka(LocalDateTime.of(2026, 3, 13, 11, 0));
    JsonNode t = uppgift(dnr, "Task_LamnaSarskiltUttalande", "liberalerna");
    slutfor(t, "liberalerna", Map.of(
        "uttalandeLedamot", str("Jan Jönsson"),
        "uttalandeText", str("Vi noterar majoritetens svar, men vill påminna om att Malmö valde att prioritera "
            + "deltagande vid samma konferens. Om inbjudan var riktad till finansborgarrådet borde det ha varit "
            + "möjligt att utse en annan representant, eller låta oppositionen representera Stockholm.\n\n"
            + "Handlingsplaner och nätverk räcker inte; det krävs också tydlig närvaro i internationella "
            + "sammanhang där frågan står i centrum. När antisemitismen diskuteras på denna nivå ska Sveriges "
            + "huvudstad vara närvarande och tydlig.")));
  }

  private void kommunstyrelsen() throws Exception {
    klocka(LocalDateTime.of(2026, 3, 18, 9, 30));
    JsonNode t = uppgift(dnr, "Task_RegistreraBeslutIKs", "kssekreterare");
    slutfor(t, "kssekreterare", Map.of(
        "ksBeslut", str("BESLUT"),
        "beslutstext", str("Skrivelsen besvaras med hänvisning till vad som sägs i promemorian."),
        "paragraf", str("§ 12"),
        "ksSarskildaUttalanden", jsonVar("[{\"ledamot\":\"Jan Jönsson\",\"parti\":\"L\",\"likalydande\":true}]"),
        "ksReservationer", jsonVar("[]")));
  }

  private void protokollet() throws Exception {
    klocka(LocalDateTime.of(2026, 3, 25, 15, 0));
    JsonNode j = uppgift("KS 2026-03-18", "Task_JusteraProtokollet", "kssekreterare");
    slutfor(j, "kssekreterare", Map.of("justeringsdatum", str("2026-03-25"),
        "justerare", str("Karin Wanngård och Jan Jönsson")));
    klocka(LocalDateTime.of(2026, 3, 26, 9, 0));
    JsonNode a = uppgift("KS 2026-03-18", "Task_AnslaProtokollet", "kssekreterare");
    slutfor(a, "kssekreterare", Map.of("anslagsdatum", str("2026-03-26")));
  }

  private void laglighetsprovning() throws Exception {
    JsonNode arende = anrop("GET", "/api/v1/arenden/" + urlDnr, "integration", null);
    String sista = arende.path("frister").path("laglighetsprovningSistaDag").asText();
    ut.printf("%n  Tiden för laglighetsprövning löper till och med %s (kommunallagen 13 kap 5 §).%n", sista);
    klocka(java.time.LocalDate.parse(sista).plusDays(1).atTime(9, 0));
    korJobb();
    for (int i = 0; i < 60; i++) {
      arende = anrop("GET", "/api/v1/arenden/" + urlDnr, "integration", null);
      if ("AVSLUTAT".equals(arende.path("status").asText())) {
        break;
      }
      korJobb();
      Thread.sleep(500);
    }
    steg("Beslutet har vunnit laga kraft; ärendet avslutas", "systemet", null);
  }

  private Resultat resultat() throws Exception {
    JsonNode arende = anrop("GET", "/api/v1/arenden/" + urlDnr, "integration", null);
    List<JsonNode> handlingar = new ArrayList<>();
    arende.path("handlingar").forEach(handlingar::add);
    Path dokument = null;
    Path utdrag = null;
    Files.createDirectories(utmapp);
    for (JsonNode h : handlingar) {
      String typ = h.path("handlingstyp").asText();
      if ("ARENDEDOKUMENT".equals(typ) || "PROTOKOLLSUTDRAG".equals(typ)) {
        byte[] bytes = hamta(h.path("innehall").asText(), "integration");
        Path fil = utmapp.resolve(h.path("filnamn").asText(h.path("dokumentnummer").asText().replace('/', '-') + ".pdf"));
        Files.write(fil, bytes);
        if ("ARENDEDOKUMENT".equals(typ)) {
          dokument = fil;
        } else {
          utdrag = fil;
        }
      }
    }
    ut.printf("%nÄrendet %s: %s%n", dnr, arende.path("status").asText());
    for (JsonNode h : handlingar) {
      ut.printf("  %-18s %-20s %s  %s%n", h.path("dokumentnummer").asText(), h.path("handlingstyp").asText(),
          h.path("datum").asText(), h.path("rubrik").asText());
    }
    if (dokument != null) {
      ut.printf("%nÄrendedokumentet: %s%n  (också på %s/arenden/%s)%n", dokument.toAbsolutePath(), bas, urlDnr);
    }
    if (utdrag != null) {
      ut.printf("Protokollsutdraget: %s%n", utdrag.toAbsolutePath());
    }
    return new Resultat(dnr, arende.path("status").asText(), handlingar, dokument, utdrag);
  }

  // --- HTTP ---------------------------------------------------------------------------------------

  private JsonNode uppgift(String affarsnyckel, String aktivitet, String anvandare) throws Exception {
    String q = "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(affarsnyckel, StandardCharsets.UTF_8)
        + "&taskDefinitionKey=" + aktivitet;
    for (int i = 0; i < 120; i++) {
      JsonNode list = anrop("GET", q, anvandare, null);
      if (list.size() > 0) {
        return list.get(0);
      }
      korJobb();
      Thread.sleep(250);
    }
    throw new IllegalStateException("Uppgiften " + aktivitet + " dök aldrig upp för " + anvandare + " i " + affarsnyckel);
  }

  private void slutfor(JsonNode task, String anvandare, Map<String, Object> variabler) throws Exception {
    String id = task.path("id").asText();
    String due = task.path("due").isNull() ? null : task.path("due").asText(null);
    anrop("POST", "/engine-rest/task/" + id + "/claim", anvandare, json.createObjectNode().put("userId", anvandare));
    ObjectNode body = json.createObjectNode();
    body.set("variables", json.valueToTree(variabler));
    anrop("POST", "/engine-rest/task/" + id + "/submit-form", anvandare, body);
    korJobb();
    steg(task.path("name").asText(), anvandare, due);
  }

  /**
   * Lets every job that is due by the engine's clock (asynchronous steps and timers) run: the
   * engine's job executor does it when it is active (we wait), otherwise we execute them.
   */
  private void korJobb() throws Exception {
    if (motornKorJobb) {
      for (int i = 0; i < 300; i++) {
        if (anrop("GET", "/engine-rest/job/count?executable=true&withException=false&noRetriesLeft=false", "admin", null)
            .path("count").asLong() == 0) {
          return;
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("Jobbutföraren har inte kört förfallna jobb på en minut");
    }
    for (int varv = 0; varv < 50; varv++) {
      JsonNode jobb = anrop("GET", "/engine-rest/job?executable=true&withException=false&noRetriesLeft=false", "admin", null);
      if (jobb.size() == 0) {
        return;
      }
      for (JsonNode j : jobb) {
        HttpResponse<String> r = skicka("POST", "/engine-rest/job/" + j.path("id").asText() + "/execute", "admin", null);
        if (r.statusCode() >= 300 && r.statusCode() != 404) {
          JsonNode fel = json.readTree(r.body());
          if (!(fel.path("type").asText() + fel.path("message").asText()).contains("OptimisticLocking")) {
            throw new IllegalStateException("Jobbet " + j.path("id").asText() + " misslyckades: " + r.body());
          }
        }
      }
    }
  }

  private void klocka(LocalDateTime tid) throws Exception {
    korJobb();
    String iso = tid.atZone(STOCKHOLM).toOffsetDateTime().toString();
    anrop("PUT", "/api/v1/demo/klocka", "admin", json.createObjectNode().put("tid", iso));
    ut.printf("%n— %s —%n", tid.toLocalDate());
    korJobb();
  }

  private void steg(String namn, String roll, String forfaller) throws Exception {
    JsonNode handlingar = anrop("GET", "/api/v1/arenden/" + urlDnr + "/handlingar", "integration", null);
    List<String> nya = new ArrayList<>();
    for (JsonNode h : handlingar) {
      if (kandaHandlingar.add(h.path("dokumentnummer").asText())) {
        nya.add(h.path("dokumentnummer").asText() + " " + h.path("handlingstyp").asText().toLowerCase().replace('_', ' '));
      }
    }
    ut.printf("  %-45s %-16s förfaller %-10s %s%n", namn, roll,
        forfaller == null ? "–" : forfaller.substring(0, 10),
        nya.isEmpty() ? "" : "→ registrerat: " + String.join(", ", nya));
  }

  private void rubrik(String text) {
    ut.println(text);
    ut.println("Mot " + bas + " (HTTP); varje steg görs av sin roll.");
  }

  private JsonNode anrop(String metod, String path, String anvandare, JsonNode body) throws Exception {
    HttpResponse<String> r = skicka(metod, path, anvandare, body);
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(metod + " " + path + " som " + anvandare + " gav " + r.statusCode() + ": " + r.body());
    }
    return r.body() == null || r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
  }

  private HttpResponse<String> skicka(String metod, String path, String anvandare, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bas + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", basic(anvandare)).header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json").method(metod, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    } else {
      b.method(metod, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private byte[] hamta(String path, String anvandare) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(bas + path)).header("Authorization", basic(anvandare))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " gav " + r.statusCode());
    }
    return r.body();
  }

  private static String basic(String anvandare) {
    return "Basic " + Base64.getEncoder().encodeToString((anvandare + ":" + LOSEN).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> str(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static Map<String, Object> jsonVar(String value) {
    return Map.of("value", value, "type", "Json");
  }
}
