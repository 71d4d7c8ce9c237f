package se.stockholm.ks.sammantrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.diarium.Avsandare;
import se.stockholm.ks.diarium.Beslut;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.NyttArende;
import se.stockholm.ks.support.IntegrationTest;

/**
 * A kommunstyrelsen meeting of ten days ago, justerat and anslaget, over real HTTP through every
 * door: {@code /api/v1/sammantraden} (as the integration, without login, bad input), the
 * secretary's page, and the public anslagstavla — which answers without login and shows the
 * anslagsbevis only: no rubrik, no diarienummer, no protokoll.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SammantradeIT {

  static final String HEMLIG_RUBRIK = "Skrivelse om stadens upphandling av larmtjänster";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  Diarium diarium;
  @Autowired
  Sammantradesregister register;
  @Autowired
  Sammantradesdokument dokument;

  LocalDate mote;
  Diarienummer dnr;
  Diarienummer bordlagt;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void enJusteradOchAnslagenSammantradesdag() {
    mote = LocalDate.now(Diarium.STOCKHOLM).minusDays(10);
    dnr = diarium.registreraArende(new NyttArende("SKRIVELSE", HEMLIG_RUBRIK, OffsetDateTime.now().minusDays(40),
        new Avsandare("Åsa Öberg", "MP", "ledamot"), "registrator")).diarienummer();
    bordlagt = diarium.registreraArende(new NyttArende("SKRIVELSE", "Skrivelse om bänkar", OffsetDateTime.now().minusDays(40),
        new Avsandare("Åsa Öberg", "MP", "ledamot"), "registrator")).diarienummer();
    register.anmal(Organ.KS, mote, dnr);
    register.anmal(Organ.KS, mote, bordlagt);
    register.hall(Organ.KS, mote);
    diarium.registreraBeslut(dnr, new Beslut("KS", mote, "§ " + register.paragraf(Organ.KS, mote, dnr).orElseThrow(),
        "Skrivelsen anses besvarad."), "kssekreterare");
    register.stall(Organ.KS, mote, dnr, Punktstatus.BESLUTAT);
    register.stall(Organ.KS, mote, bordlagt, Punktstatus.BORDLAGT);
    register.justera(Organ.KS, mote, mote.plusDays(5), "Jan Jönsson (L)");
    dokument.upprattaProtokoll(mote, null, "it-protokoll", null);
    register.ansla(Organ.KS, mote, mote.plusDays(6));
    dokument.upprattaAnslagsbevis(mote, "it-anslagsbevis");
  }

  @Test
  void theMeetingPortalReadsTheListTheParagraphsTheStateAndTheDocuments() throws Exception {
    HttpResponse<String> r = get("/api/v1/sammantraden/KS/" + mote, "integration");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode m = JSON.readTree(r.body());
    assertThat(m.path("status").asText()).isEqualTo("ANSLAGET");
    assertThat(m.path("arenden").get(0).path("diarienummer").asText()).isEqualTo(dnr.toString());
    assertThat(m.path("arenden").get(0).path("paragraf").asText()).isEqualTo("§ 12");
    assertThat(m.path("arenden").get(1).path("paragraf").asText()).isEqualTo("§ 13");
    assertThat(m.path("arenden").get(1).path("status").asText()).isEqualTo("BORDLAGT");
    assertThat(m.path("dokument").findValuesAsText("typ")).containsExactly("PROTOKOLL", "ANSLAGSBEVIS");
    String url = m.path("dokument").get(0).path("url").asText();
    HttpResponse<byte[]> pdf = http.send(request(url, "integration").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(text(pdf.body())).contains("§ 12", HEMLIG_RUBRIK, "Skrivelsen anses besvarad.", "§ 13",
        "Kommunstyrelsen beslutade att bordlägga ärendet.");
    // the same under the organ's name
    assertThat(get("/api/v1/sammantraden/kommunstyrelsen/" + mote, "integration").statusCode()).isEqualTo(200);
  }

  @Test
  void badOrMissingMeetingsAreClearSwedishErrorsAndNoLoginIs401() throws Exception {
    assertThat(get("/api/v1/sammantraden/KS/" + mote, null).statusCode()).isEqualTo(401);
    HttpResponse<String> okantOrgan = get("/api/v1/sammantraden/KF/2026-03-18", "integration");
    assertThat(okantOrgan.statusCode()).isEqualTo(404);
    assertThat(okantOrgan.body()).contains("Okänt organ 'KF'");
    HttpResponse<String> datum = get("/api/v1/sammantraden/KS/18-03-2026", "integration");
    assertThat(datum.statusCode()).isEqualTo(400);
    assertThat(datum.body()).contains("ÅÅÅÅ-MM-DD");
    assertThat(get("/api/v1/sammantraden/KS/2026-03-19", "integration").statusCode()).isEqualTo(404);
    HttpResponse<String> planerat = get("/api/v1/sammantraden/BRB/2027-12-08", "integration");
    assertThat(planerat.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(planerat.body()).path("status").asText()).isEqualTo("PLANERAT");
    assertThat(get("/api/v1/sammantraden/KS/" + mote + "/dokument/9", "integration").statusCode()).isEqualTo(404);
  }

  @Test
  void theAnslagstavlaOpensWithoutLoginAndShowsOnlyTheAnslagsbevis() throws Exception {
    HttpResponse<String> sida = get("/anslagstavla", null);
    assertThat(sida.statusCode()).isEqualTo(200);
    assertThat(sida.body()).contains("Anslagstavla", mote.toString(), "§§ 12–13", mote.plusDays(5).toString(),
        mote.plusDays(6).toString(), "/anslagstavla/kommunstyrelsen/" + mote + "/anslagsbevis.pdf")
        .doesNotContain(HEMLIG_RUBRIK, dnr.toString(), "Skrivelse om bänkar", "/api/v1/");
    HttpResponse<byte[]> bevis = http.send(request("/anslagstavla/kommunstyrelsen/" + mote + "/anslagsbevis.pdf", null)
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bevis.statusCode()).isEqualTo(200);
    assertThat(text(bevis.body())).contains("Anslagsbevis", "Paragrafer: §§ 12–13", "Sista dag för överklagande")
        .doesNotContain(HEMLIG_RUBRIK, dnr.toString());
    // nothing else of the meeting is served without login
    assertThat(get("/anslagstavla/kommunstyrelsen/" + mote + "/protokoll.pdf", null).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/sammantraden/KS/" + mote + "/dokument/1", null).statusCode()).isEqualTo(401);
    assertThat(get("/sammantraden/KS/" + mote, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theSecretarysPageShowsTheListAndWhatIsMissing() throws Exception {
    HttpResponse<String> sida = get("/sammantraden/KS/" + mote, "kssekreterare");
    assertThat(sida.statusCode()).isEqualTo(200);
    assertThat(sida.body()).contains("Kommunstyrelsens sammanträde " + mote, "Anslaget", dnr.toString(), "§ 12",
        "beslutat", "§ 13", "bordlagt", "Protokoll, kommunstyrelsens sammanträde");
    // the ärende's page links its meetings and their documents
    HttpResponse<String> arende = get("/arenden/" + dnr.urlForm(), "kssekreterare");
    assertThat(arende.statusCode()).isEqualTo(200);
    assertThat(arende.body()).contains("Föredragningslistor och protokoll", "/sammantraden/kommunstyrelsen/" + mote,
        "§ 12", "/api/v1/sammantraden/kommunstyrelsen/" + mote + "/dokument/1", "Anslagsbevis");
  }

  private HttpResponse<String> get(String path, String anvandare) throws Exception {
    return http.send(request(path, anvandare).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path, String anvandare) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (anvandare != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
    }
  }
}
