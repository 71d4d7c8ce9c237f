package se.stockholm.ks.earkiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelse;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The archivist's commands through the API: the batch delivery of past ärenden (per ärende
 * delivered, already delivered or failed with a Swedish reason; run twice, nothing twice; by list and
 * by period) and gallring by the informationshanteringsplan (a report of what is due, only for
 * delivered ärenden and only after N years; the decision all or nothing; the content gone (410), the
 * register entry, the event and the decision's rows kept; a new package carries the decision), each
 * only for the group arkivarie.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarkivIT {

  static final Path LEVERANSMAPP;

  static {
    try {
      LEVERANSMAPP = Files.createTempDirectory("earkiv-batch");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void installningar(DynamicPropertyRegistry r) {
    r.add("ks.earkiv.leveransmapp", LEVERANSMAPP::toString);
    r.add("ks.earkiv.informationshanteringsplan.ATERKALLELSE", () -> "gallras efter 2 år");
    r.add("ks.earkiv.informationshanteringsplanens-beteckning", () -> "KS informationshanteringsplan, KS 2024/99");
  }

  @LocalServerPort
  int port;
  @Autowired
  Diarium diarium;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Arkivpaketbyggare byggare;

  Api api;
  final List<String> aterkallade = new ArrayList<>();
  String oppet;

  @org.junit.jupiter.api.BeforeAll
  void arenden() {
    api = new Api(port);
    for (int i = 0; i < 3; i++) {
      Api.Svar svar = skrivelse("Skrivelse " + i + " till e-arkivet");
      String url = svar.json().path("url").asText();
      Api.Svar aterkallad = api.postJson("integration", url + "/aterkallelse", "{\"motivering\":\"Besvarad.\"}");
      assertThat(aterkallad.status()).as(aterkallad.toString()).isEqualTo(200);
      aterkallade.add(svar.json().path("diarienummer").asText());
    }
    oppet = skrivelse("Pågående skrivelse").json().path("diarienummer").asText();
  }

  @Test
  @Order(1)
  void theBatchDeliversEachArendeOnceAndReportsEachOutcome() throws Exception {
    String a = aterkallade.get(0);
    String b = aterkallade.get(1);
    Api.Svar svar = api.postJson("arkivarie", "/api/v1/earkiv/leveranser", """
        {"diarienummer": ["%s", "%s", "%s", "KS 2025/999999", "inget nummer", "%s"]}"""
        .formatted(a, b.replace(' ', '-').replace('/', '-'), oppet, a));
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    JsonNode r = svar.json();
    assertThat(r.path("levererade").asInt()).isEqualTo(2);
    assertThat(r.path("misslyckade").asInt()).isEqualTo(3);
    assertThat(r.path("arenden")).hasSize(5);
    assertThat(utfall(r, a)).isEqualTo("LEVERERAT");
    assertThat(utfall(r, b)).isEqualTo("LEVERERAT");
    assertThat(orsak(r, oppet)).contains("bara avslutade och återkallade");
    assertThat(orsak(r, "KS 2025/999999")).contains("finns inte");
    assertThat(orsak(r, "inget nummer")).contains("Inget giltigt diarienummer");
    for (String dnr : List.of(a, b)) {
      Path fil = LEVERANSMAPP.resolve(arende(r, dnr).path("fil").asText());
      Arkivpaketbyggare.valideraPaket(fil);
      assertThat(arende(r, dnr).path("sha256").asText()).isEqualTo(Arkivpaketbyggare.sha256(Files.readAllBytes(fil)));
      assertThat(leveranser(dnr)).singleElement().asString().contains(arende(r, dnr).path("sha256").asText());
    }

    // again: nothing built, written or logged twice
    Api.Svar igen = api.postJson("arkivarie", "/api/v1/earkiv/leveranser", "{\"diarienummer\": [\"" + a + "\"]}");
    assertThat(utfall(igen.json(), a)).isEqualTo("REDAN_LEVERERAT");
    assertThat(igen.json().path("arenden").get(0).path("sha256").asText())
        .isEqualTo(arende(r, a).path("sha256").asText());
    assertThat(leveranser(a)).hasSize(1);
    try (var filer = Files.list(LEVERANSMAPP)) {
      assertThat(filer.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly(paketnamn(a), paketnamn(b));
    }

    // by period: today's closed ärenden are all three withdrawn ones, the open one is not selected
    LocalDate idag = Diarium.idag();
    Api.Svar period = api.postJson("arkivarie", "/api/v1/earkiv/leveranser",
        "{\"avslutadFran\": \"" + idag + "\", \"avslutadTill\": \"" + idag + "\"}");
    assertThat(period.status()).as(period.toString()).isEqualTo(200);
    assertThat(utfall(period.json(), a)).isEqualTo("REDAN_LEVERERAT");
    assertThat(utfall(period.json(), aterkallade.get(2))).isEqualTo("LEVERERAT");
    assertThat(arende(period.json(), oppet)).isNull();
    // the third is taken back out of the folder and its event, so the gallring test has an undelivered ärende
    Files.delete(LEVERANSMAPP.resolve(paketnamn(aterkallade.get(2))));
    jdbc.sql("delete from arende_handelse where handelsetyp = 'LEVERERAT_TILL_EARKIV' and arende_id = "
        + "(select id from arende where diarienummer = ?)").param(aterkallade.get(2)).update();
  }

  @Test
  @Order(2)
  void badRequestsAreRefusedInSwedishAndOnlyTheArchivistMayDeliver() {
    for (String fel : List.of("{}", "{\"diarienummer\": [], \"avslutadFran\": \"2025-01-01\"}",
        "{\"avslutadFran\": \"2025-01-01\"}", "{\"diarienummer\": []}",
        "{\"avslutadFran\": \"2025-12-31\", \"avslutadTill\": \"2025-01-01\"}")) {
      Api.Svar svar = api.postJson("arkivarie", "/api/v1/earkiv/leveranser", fel);
      assertThat(svar.status()).as(fel + " → " + svar).isEqualTo(400);
      assertThat(svar.contentType()).startsWith("application/problem+json");
    }
    for (String annan : List.of("integration", "registrator", "processagare", "kssekreterare", "admin")) {
      for (String[] anrop : List.of(new String[] {"POST", "/api/v1/earkiv/leveranser", "{\"diarienummer\": [\"KS 2025/1\"]}"},
          new String[] {"GET", "/api/v1/earkiv/gallring", null},
          new String[] {"POST", "/api/v1/earkiv/gallringsbeslut", "{\"handlingar\": [\"KS 2025/1-1\"]}"})) {
        Api.Svar svar = anrop[2] == null ? api.get(annan, anrop[1])
            : api.postJson(annan, anrop[1], anrop[2]);
        assertThat(svar.status()).as(annan + " " + anrop[1]).isEqualTo(403);
        assertThat(svar.text()).contains("arkivarie");
      }
    }
  }

  @Test
  @Order(3)
  void gallringIsReportedWhenDueAndDoneOnlyByTheArchivistsDecision() throws Exception {
    String a = aterkallade.get(0);
    String ejLevererat = aterkallade.get(2);
    String aterkallelseA = a + "-2";
    assertThat(diarium.handling(aterkallelseA).orElseThrow().handlingstyp().name()).isEqualTo("ATERKALLELSE");

    // today: nothing is due yet, and a decision on a handling not due gallrar nothing
    Api.Svar rapport = api.get("arkivarie", "/api/v1/earkiv/gallring");
    assertThat(rapport.status()).as(rapport.toString()).isEqualTo(200);
    assertThat(rapport.json().path("informationshanteringsplan").asText()).isEqualTo("KS informationshanteringsplan, KS 2024/99");
    assertThat(rapport.json().path("planrader").toString()).contains("ATERKALLELSE: gallras efter 2 år", "SKRIVELSE: bevaras");
    assertThat(rapport.json().path("forfallna")).isEmpty();
    Api.Svar forTidigt = api.postJson("arkivarie", "/api/v1/earkiv/gallringsbeslut",
        "{\"handlingar\": [\"" + aterkallelseA + "\"]}");
    assertThat(forTidigt.status()).as(forTidigt.toString()).isEqualTo(409);
    assertThat(forTidigt.text()).contains("tidigast " + Diarium.idag().plusYears(2));

    Date riktig = ClockUtil.getCurrentTime();
    ClockUtil.setCurrentTime(Date.from(riktig.toInstant().plus(Duration.ofDays(2 * 366))));
    try {
      rapport = api.get("arkivarie", "/api/v1/earkiv/gallring");
      List<String> forfallna = new ArrayList<>();
      rapport.json().path("forfallna").forEach(f -> forfallna.add(f.path("dokumentnummer").asText()));
      assertThat(forfallna).as("de levererade ärendenas återkallelser; inte det olevererade, inte skrivelserna")
          .containsExactly(aterkallade.get(0) + "-2", aterkallade.get(1) + "-2");
      assertThat(rapport.json().path("forfallna").get(0).path("planrad").asText())
          .isEqualTo("ATERKALLELSE: gallras efter 2 år");
      // the archivist's page shows the same report; nobody else sees it
      Api.Svar sida = api.get("arkivarie", "/earkiv/gallring");
      assertThat(sida.status()).as(sida.toString()).isEqualTo(200);
      assertThat(sida.text()).contains("data-dokumentnummer=\"" + aterkallelseA + "\"",
          "data-dokumentnummer=\"" + aterkallade.get(1) + "-2\"", "Gallras efter 2 år",
          "KS informationshanteringsplan, KS 2024/99").doesNotContain("data-dokumentnummer=\"" + a + "-1\"");
      assertThat(api.get("registrator", "/earkiv/gallring").status()).isEqualTo(403);
      assertThat(api.get("admin", "/earkiv/gallring").status()).isEqualTo(403);

      // all or nothing: a handling that is kept (bevaras) and one not delivered stop the whole decision
      Api.Svar blandat = api.postJson("arkivarie", "/api/v1/earkiv/gallringsbeslut",
          "{\"handlingar\": [\"" + aterkallelseA + "\", \"" + a + "-1\", \"" + ejLevererat + "-2\"]}");
      assertThat(blandat.status()).as(blandat.toString()).isEqualTo(409);
      assertThat(blandat.text()).contains(a + "-1: SKRIVELSE: bevaras", ejLevererat + "-2: ärendet är inte levererat");
      assertThat(diarium.innehall(aterkallelseA).orElseThrow().text()).isNotNull();

      String sha = diarium.handling(aterkallelseA).orElseThrow().sha256();
      Api.Svar beslut = api.postJson("arkivarie", "/api/v1/earkiv/gallringsbeslut",
          "{\"handlingar\": [\"" + aterkallelseA + "\"], \"motivering\": \"Årlig gallring.\"}");
      assertThat(beslut.status()).as(beslut.toString()).isEqualTo(200);
      long id = beslut.json().path("id").asLong();
      assertThat(beslut.json().path("beslutadAv").asText()).isEqualTo("arkivarie");
      assertThat(beslut.json().path("handlingar").get(0).path("dokumentnummer").asText()).isEqualTo(aterkallelseA);

      // the content is gone, the register entry stays with its checksum; the decision is recorded
      var innehall = diarium.innehall(aterkallelseA).orElseThrow();
      assertThat(innehall.text()).isNull();
      assertThat(innehall.fil()).isNull();
      assertThat(innehall.handling().sha256()).isEqualTo(sha);
      Api.Svar las = api.get("registrator", "/api/v1/arenden/" + a.replace(' ', '-').replace('/', '-') + "/handlingar/2/innehall");
      assertThat(las.status()).as(las.toString()).isEqualTo(410);
      assertThat(las.text()).contains("gallringsbeslut nr " + id);
      Handelse handelse = diarium.handelser(Diarienummer.parse(a)).stream()
          .filter(h -> h.handelsetyp() == Handelsetyp.GALLRAT).findFirst().orElseThrow();
      assertThat(handelse.aktor()).isEqualTo("arkivarie");
      assertThat(handelse.dokumentnummer()).isEqualTo(aterkallelseA);
      assertThat(handelse.beskrivning()).contains("KS informationshanteringsplan, KS 2024/99",
          "ATERKALLELSE: gallras efter 2 år", "gallringsbeslut nr " + id, sha);
      Map<String, Object> rad = jdbc.sql("""
              select b.beslutad_av, b.informationshanteringsplan, b.motivering, g.planrad, g.sha256
              from gallringsbeslut b join gallrad_handling g on g.gallringsbeslut_id = b.id where b.id = ?""")
          .param(id).query().singleRow();
      assertThat(rad.values()).containsExactly("arkivarie", "KS informationshanteringsplan, KS 2024/99",
          "Årlig gallring.", "ATERKALLELSE: gallras efter 2 år", sha);

      // reported no more, and not gallrat twice
      rapport = api.get("arkivarie", "/api/v1/earkiv/gallring");
      assertThat(rapport.text()).doesNotContain(aterkallelseA);
      Api.Svar igen = api.postJson("arkivarie", "/api/v1/earkiv/gallringsbeslut",
          "{\"handlingar\": [\"" + aterkallelseA + "\"]}");
      assertThat(igen.status()).isEqualTo(409);
      assertThat(igen.text()).contains("redan gallrad");

      // a new package of the ärende still validates: the record stays, with the decision and without a file
      Arkivpaket paket = byggare.bygg(Diarienummer.parse(a), Files.createTempDirectory("efter-gallring"));
      Map<String, byte[]> filer = ArkivpaketIT.las(paket.zip());
      Document erms = ArkivpaketIT.dom(filer.get(paket.paketId() + "/metadata/descriptive/ERMS.xml"));
      NodeList records = erms.getElementsByTagNameNS(ArkivpaketIT.ERMS, "record");
      assertThat(records.getLength()).isEqualTo(2);
      Element gallrad = (Element) records.item(1);
      assertThat(ArkivpaketIT.barn(gallrad, "objectId")).isEqualTo(aterkallelseA);
      assertThat(ArkivpaketIT.barn(gallrad, "disposalAction")).isEqualTo("gallras");
      assertThat(ArkivpaketIT.barn(gallrad, "disposalDescription")).contains("gallringsbeslut nr " + id);
      assertThat(gallrad.getElementsByTagNameNS(ArkivpaketIT.ERMS, "appendix").getLength()).isZero();
      assertThat(ArkivpaketIT.barn((Element) records.item(0), "disposalAction")).isEqualTo("bevaras");
      assertThat(filer.keySet().stream().filter(f -> f.contains("/rep1/data/"))).hasSize(1);
    } finally {
      ClockUtil.reset();
    }
  }

  private Api.Svar skrivelse(String rubrik) {
    Api.Svar svar = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik":"%s","avsandare":{"namn":"Jan Jönsson","parti":"L","roll":"oppositionsborgarråd"},
         "inkom":"2025-11-26T10:15:00+01:00","fragor":["Varför?"],"text":"Skrivelsens text."}""".formatted(rubrik));
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    return svar;
  }

  private List<String> leveranser(String dnr) {
    return diarium.handelser(Diarienummer.parse(dnr)).stream()
        .filter(h -> h.handelsetyp() == Handelsetyp.LEVERERAT_TILL_EARKIV).map(Handelse::beskrivning).toList();
  }

  private static String paketnamn(String dnr) {
    return dnr.replaceAll("[^A-Za-z0-9]+", "-") + ".zip";
  }

  private static JsonNode arende(JsonNode svar, String dnr) {
    for (JsonNode n : svar.path("arenden")) {
      if (n.path("diarienummer").asText().equals(dnr)) {
        return n;
      }
    }
    return null;
  }

  private static String utfall(JsonNode svar, String dnr) {
    JsonNode n = arende(svar, dnr);
    assertThat(n).as(dnr + " i " + svar).isNotNull();
    return n.path("utfall").asText();
  }

  private static String orsak(JsonNode svar, String dnr) {
    JsonNode n = arende(svar, dnr);
    assertThat(n).as(dnr + " i " + svar).isNotNull();
    assertThat(n.path("utfall").asText()).isEqualTo("MISSLYCKADES");
    return n.path("orsak").asText();
  }
}
