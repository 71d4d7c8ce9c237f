package se.stockholm.ks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.support.Epostserver;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The real case KS 2025/1513 from skrivelse to closed ärende, driven over HTTP by the same
 * {@link Scenario} the README's command runs, against the application on H2 (and, in
 * {@link ScenarioPostgresIT}, PostgreSQL), its messages sent to a real SMTP server (GreenMail).
 */
@IntegrationTest
class ScenarioIT {

  static final Epostserver SMTP = new Epostserver();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry r) {
    SMTP.starta();
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", SMTP::port);
    r.add("ks.meddelanden.transport", () -> "smtp");
  }

  @Autowired
  JdbcClient jdbc;

  @LocalServerPort
  int port;

  @Autowired
  Diarium diarium;

  @Autowired
  HistoryService historyService;

  @Test
  void theRealCaseRunsFromSkrivelseToClosedArende() throws Exception {
    SMTP.tom(); // the server is shared with ScenarioPostgresIT, whose case has the same diarienummer
    Path ut = Files.createTempDirectory("scenario");
    ByteArrayOutputStream logg = new ByteArrayOutputStream();
    Scenario.Resultat r = new Scenario("http://localhost:" + port, ut,
        new PrintStream(logg, true, StandardCharsets.UTF_8)).kor();
    System.out.println(logg.toString(StandardCharsets.UTF_8));

    assertThat(r.diarienummer()).isEqualTo("KS 2025/1513");
    assertThat(r.status()).isEqualTo("AVSLUTAT");

    var skrivelse = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("skrivelse")
        .processInstanceBusinessKey("KS 2025/1513").singleResult();
    assertThat(skrivelse.getEndTime()).isNotNull();
    assertThat(skrivelse.getEndActivityId()).isEqualTo("EndEvent_ArendeAvslutat");
    assertThat(historyService.createHistoricIncidentQuery().count()).isZero();

    List<String> typerOchDatum = r.handlingar().stream()
        .map(h -> h.path("dokumentnummer").asText() + " " + h.path("handlingstyp").asText() + " " + h.path("datum").asText())
        .toList();
    assertThat(typerOchDatum).containsExactly(
        "KS 2025/1513-1 SKRIVELSE 2025-11-26",
        "KS 2025/1513-2 REMISS 2025-11-26",
        "KS 2025/1513-3 TJANSTUTLATANDE 2025-12-11",
        "KS 2025/1513-4 PROMEMORIA 2026-03-04",
        "KS 2025/1513-5 SARSKILT_UTTALANDE 2026-03-13",
        "KS 2025/1513-6 ARENDEDOKUMENT 2026-03-13",
        "KS 2025/1513-7 SARSKILT_UTTALANDE 2026-03-18",
        "KS 2025/1513-8 PROTOKOLLSUTDRAG 2026-03-26",
        "KS 2025/1513-9 ARENDEDOKUMENT 2026-03-26");
    JsonNode ksUttalande = r.handlingar().get(6);
    assertThat(ksUttalande.path("hanvisarTill").asText()).as("likalydande med BRB:s").isEqualTo("KS 2025/1513-5");
    assertThat(ksUttalande.path("avsandare").asText()).isEqualTo("Jan Jönsson (L)");

    for (JsonNode h : r.handlingar()) {
      var innehall = diarium.innehall(h.path("dokumentnummer").asText()).orElseThrow();
      assertThat(Innehallskontroll.sha256(innehall.bytes())).isEqualTo(h.path("sha256").asText());
      assertThat(innehall.bytes()).hasSize(h.path("storlek").asInt());
    }

    String text;
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(r.arendedokument()))) {
      text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
    assertThat(text).containsSubsequence(
        "PM Rotel I (Dnr KS 2025/1513)",
        "Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris",
        "Skrivelse från Jan Jönsson (L)",
        "Förslag till beslut",
        "Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
        "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria",
        "Föredragande borgarrådet Karin Wanngård",
        "Sammanfattning av ärendet",
        "Beredning",
        "Ärendet har remitterats till stadsledningskontoret",
        "Föredragande borgarrådets synpunkter",
        "Stockholm den 4 mars 2026",
        "Karin Wanngård",
        "Bilaga",
        "dnr KS 2025/1513-1",
        "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.",
        "Särskilt uttalande av borgarrådet Jan Jönsson (L) enligt följande.",
        "Kommunstyrelsen",
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i borgarrådsberedningen.",
        "Ärendet",
        "I skrivelsen ställs följande frågor",
        "Övervägde staden att skicka någon annan representant",
        "Remissammanställning",
        "Stadsledningskontorets tjänsteutlåtande daterat den 11 december 2025 har i huvudsak följande lydelse.");

    assertThat(diarium.handelser(Diarienummer.parse("KS 2025/1513")).stream().map(e -> e.handelsetyp().name()))
        .containsSubsequence("REGISTRERAT", "FORDELAT", "REMITTERAT", "TJANSTUTLATANDE_INKOMMET",
            "PROMEMORIA_UPPRATTAD", "UPPFORT_PA_FOREDRAGNINGSLISTA", "BRB_TILLSTYRKT", "SARSKILT_UTTALANDE_INKOMMET",
            "UPPFORT_PA_FOREDRAGNINGSLISTA", "KS_BESLUT", "PROTOKOLL_JUSTERAT", "PROTOKOLL_ANSLAGET", "LAGA_KRAFT",
            "AVSLUTAT");

    // the messages, in the order sent: remiss, reminder, request for särskilt uttalande to L, decision to the sender
    assertThat(jdbc.sql("select meddelandetyp, mottagare, status from meddelande where diarienummer = ? order by id")
        .param("KS 2025/1513").query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
        .containsExactly("REMISS registrator.slk@ks.demo.example SKICKAT",
            "PAMINNELSE registrator.slk@ks.demo.example SKICKAT",
            "SARSKILT_UTTALANDE kansli.l@ks.demo.example SKICKAT",
            "BESLUT kansli.l@ks.demo.example SKICKAT");
    assertThat(diarium.handelser(Diarienummer.parse("KS 2025/1513")).stream()
        .filter(e -> e.handelsetyp().name().equals("MEDDELANDE_SKICKAT")).map(e -> e.beskrivning()))
        .satisfiesExactly(
            b -> assertThat(b).startsWith("E-post skickad till Stadsledningskontoret <registrator.slk@ks.demo.example>: ”Remiss"),
            b -> assertThat(b).startsWith("E-post skickad till Stadsledningskontoret <registrator.slk@ks.demo.example>: ”Påminnelse"),
            b -> assertThat(b).startsWith("E-post skickad till Liberalerna <kansli.l@ks.demo.example>: ”Särskilt uttalande"),
            b -> assertThat(b).startsWith("E-post skickad till Jan Jönsson (L) <kansli.l@ks.demo.example>: ”Beslut"));
    List<Epostserver.Brev> brev = SMTP.brev().stream().filter(b -> b.amne().contains("KS 2025/1513")).toList();
    assertThat(brev).extracting(b -> b.till().get(0) + " " + b.amne()).containsExactlyInAnyOrder(
        "registrator.slk@ks.demo.example Remiss KS 2025/1513: Skrivelse angående stadens inbjudan till Mayor summit "
            + "combat antisemitism movement i Paris – svar senast 2025-12-19",
        "registrator.slk@ks.demo.example Påminnelse: remissvar i KS 2025/1513 senast 2025-12-19",
        "kansli.l@ks.demo.example Särskilt uttalande i KS 2025/1513: lämna texten senast 2026-03-16",
        "kansli.l@ks.demo.example Beslut i KS 2025/1513: Skrivelse angående stadens inbjudan till Mayor summit "
            + "combat antisemitism movement i Paris");
    Epostserver.Brev uttalande = brev.stream().filter(b -> b.amne().startsWith("Särskilt")).findFirst().orElseThrow();
    assertThat(uttalande.text()).contains("Liberalerna har anmält ett särskilt uttalande", "KS 2025/1513",
        "senast den 16 mars 2026", "Lämna särskilt uttalande");
    Epostserver.Brev beslut = brev.stream().filter(b -> b.amne().startsWith("Beslut")).findFirst().orElseThrow();
    assertThat(beslut.text()).contains("Till Jan Jönsson (L).", "KS 2025/1513-8",
        "http://localhost:8080/arenden/KS-2025-1513");
    assertThat(beslut.bilagor()).singleElement().asString().startsWith("KS-2025-1513-8").endsWith(".pdf");
    assertThat(new String(beslut.bilageinnehall().get(0), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    var utdrag = r.handlingar().get(7);
    assertThat(utdrag.path("status").asText()).isEqualTo("EXPEDIERAD");
    assertThat(utdrag.path("mottagare").asText()).isEqualTo("Jan Jönsson (L)");

    // the seed's meetings as meetings: each föredragningslista holds the ärende, the KS protokoll has § 12
    // with the beslut and the likalydande särskilt uttalande, worded as the protokollsutdrag registered
    JsonNode brb = api("/api/v1/sammantraden/BRB/2026-03-11");
    assertThat(brb.path("status").asText()).isEqualTo("HALLET");
    assertThat(brb.path("arenden").get(0).path("diarienummer").asText()).isEqualTo("KS 2025/1513");
    assertThat(brb.path("arenden").get(0).path("status").asText()).isEqualTo("TILLSTYRKT");
    assertThat(pdfText(brb, "FOREDRAGNINGSLISTA")).contains("Föredragningslista", "Borgarrådsberedningen",
        "Dnr KS 2025/1513", "Föredragande borgarråd: Karin Wanngård", "Förslag till beslut");
    JsonNode ks = api("/api/v1/sammantraden/kommunstyrelsen/2026-03-18");
    assertThat(ks.path("status").asText()).isEqualTo("ANSLAGET");
    assertThat(ks.path("justeringsdatum").asText()).isEqualTo("2026-03-25");
    assertThat(ks.path("anslagsdatum").asText()).isEqualTo("2026-03-26");
    assertThat(ks.path("arenden").get(0).path("paragraf").asText()).isEqualTo("§ 12");
    assertThat(ks.path("arenden").get(0).path("status").asText()).isEqualTo("BESLUTAT");
    assertThat(ks.path("dokument").findValuesAsText("typ"))
        .containsExactly("FOREDRAGNINGSLISTA", "PROTOKOLL", "ANSLAGSBEVIS");
    assertThat(pdfText(ks, "FOREDRAGNINGSLISTA")).contains("Föredragningslista", "Kommunstyrelsen", "1. ",
        "Dnr KS 2025/1513");
    String protokoll = pdfText(ks, "PROTOKOLL");
    String paragraf12 = "§ 12 Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris "
        + "Dnr KS 2025/1513 Beslut Skrivelsen besvaras med hänvisning till vad som sägs i promemorian. "
        + "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
        + "borgarrådsberedningen.";
    assertThat(protokoll).contains("Protokoll", "Kommunstyrelsen", "Sammanträde i Stockholm den 18 mars 2026",
        "Justerare: Karin Wanngård och Jan Jönsson", paragraf12, "Justerat den 25 mars 2026");
    String registrerat;
    try (PDDocument pdf = Loader.loadPDF(diarium.innehall("KS 2025/1513-8").orElseThrow().bytes())) {
      registrerat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
    assertThat(registrerat).as("the protokollsutdrag registered in the ärende").contains(paragraf12);
    assertThat(pdfText(ks, "ANSLAGSBEVIS")).contains("Anslagsbevis", "Sammanträdesdatum: 18 mars 2026",
        "Paragrafer: § 12", "Protokollet justerades den 25 mars 2026", "Datum då anslaget sätts upp: 26 mars 2026");
  }

  private JsonNode api(String path) throws Exception {
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("integration:demo".getBytes(StandardCharsets.UTF_8))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
  }

  private String pdfText(JsonNode sammantrade, String typ) throws Exception {
    String url = null;
    for (JsonNode d : sammantrade.path("dokument")) {
      if (typ.equals(d.path("typ").asText())) {
        url = d.path("url").asText();
      }
    }
    assertThat(url).as(typ).isNotNull();
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + url))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("integration:demo".getBytes(StandardCharsets.UTF_8))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(r.body())) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }
}
