package se.stockholm.ks.diarium;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Secrecy marks (issue 18): the registrator marks a handling or an ärende secret with its OSL
 * reference; the content is then refused (403 problem+json) to everyone outside the groups that
 * handle the ärende — through the API and the ärende's page — and read by those groups; marking and
 * unmarking are events naming who did it; a bad reference is a 400 and marks nothing; only the
 * registrator marks.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SekretessIT {

  static final String HEMLIGT = "Uppgifter om enskilds personliga förhållanden: Åsa Öberg";

  @LocalServerPort
  int port;
  @Autowired
  Diarium diarium;
  @Autowired
  IdentityService identityService;

  Api api;
  Diarienummer dnr;
  String url;

  @BeforeAll
  void arende() {
    api = new Api(port);
    Arende a = diarium.registreraArende(new NyttArende("SKRIVELSE", "Skrivelse om boendestöd",
        OffsetDateTime.of(2025, 3, 4, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm").getRules()
            .getOffset(java.time.LocalDateTime.of(2025, 3, 4, 10, 0))), new Avsandare("Jan Jönsson", "L", "ledamot"), null));
    dnr = a.diarienummer();
    url = "/api/v1/arenden/" + dnr.urlForm();
    diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN,
        "Skrivelse om boendestöd", LocalDate.of(2025, 3, 4), "Skrivelsens text").withAvsandare("Jan Jönsson (L)"));
    diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG, HandlingStatus.INKOMMEN,
        "Brev från enskild", LocalDate.of(2025, 3, 5), HEMLIGT).withAvsandare("Åsa Öberg"));
    diarium.fordela(dnr, "rotel-i", "Karin Wanngård");
    diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.REMISS, HandlingStatus.EXPEDIERAD,
        "Remiss till Stadsledningskontoret", LocalDate.of(2025, 3, 6), "Remisstext").withMottagare("Stadsledningskontoret"));
    // an official of another remissinstans, which this ärende was not remitted to
    if (identityService.createUserQuery().userId("sbk").count() == 0) {
      User u = identityService.newUser("sbk");
      u.setPassword(Api.LOSENORD);
      u.setFirstName("Stina");
      u.setLastName("Byggare");
      identityService.saveUser(u);
      identityService.createMembership("sbk", "stadsbyggnadskontoret");
    }
  }

  String innehall(String anvandare, int nummer) {
    Api.Svar s = api.get(anvandare, url + "/handlingar/" + nummer + "/innehall");
    return s.status() + (s.status() == 200 ? ":" + s.text() : ":" + s.contentType());
  }

  @Test
  void aSecretHandlingIsReadOnlyByTheGroupsHandlingTheArende() {
    assertThat(innehall("processagare", 2)).isEqualTo("200:" + HEMLIGT);

    Api.Svar markerat = api.send("registrator", "PUT", url + "/handlingar/2/sekretess", "application/json",
        "{\"hanvisning\":\"OSL 26 kap. 1 §\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(markerat.status()).as(markerat.toString()).isEqualTo(200);
    JsonNode h2 = markerat.json().get("handlingar").get(1);
    assertThat(h2.get("sekretess").asText()).isEqualTo("OSL 26 kap. 1 §");

    // the groups that handle the ärende: the registrator, the rotel, the remissinstans it went to, the secretaries
    for (String behorig : List.of("registrator", "rotel1", "handlaggare", "brbsekreterare", "kssekreterare", "admin")) {
      assertThat(innehall(behorig, 2)).as(behorig).isEqualTo("200:" + HEMLIGT);
    }
    // everyone else: 403 problem+json, through every door
    for (String obehorig : List.of("processagare", "integration", "liberalerna", "sbk")) {
      assertThat(innehall(obehorig, 2)).as(obehorig).isEqualTo("403:application/problem+json");
      Api.Svar problem = api.get(obehorig, url + "/handlingar/2/innehall");
      assertThat(problem.json().get("detail").asText()).contains("sekretess").contains("OSL 26 kap. 1 §");
      assertThat(problem.text()).doesNotContain(HEMLIGT);
      // the other handlingar stay readable
      assertThat(innehall(obehorig, 1)).as(obehorig).isEqualTo("200:Skrivelsens text");
      // the list tells that it is secret and gives no address to its content
      JsonNode lista = api.get(obehorig, url + "/handlingar").json();
      assertThat(lista.get(1).get("sekretess").asText()).isEqualTo("OSL 26 kap. 1 §");
      assertThat(lista.get(1).path("innehall").isMissingNode()).isTrue();
      // the ärende's page: no link to the content, the mark shown
      Api.Svar sida = api.get(obehorig, "/arenden/" + dnr.urlForm());
      assertThat(sida.status()).isEqualTo(200);
      assertThat(sida.text()).contains("Sekretess: OSL 26 kap. 1 §").doesNotContain(url + "/handlingar/2/innehall")
          .doesNotContain(HEMLIGT);
    }
    assertThat(api.get("rotel1", "/arenden/" + dnr.urlForm()).text()).contains(url + "/handlingar/2/innehall");

    // the event log names who marked it
    JsonNode handelser = api.get("registrator", url + "/handelser").json();
    assertThat(handelser.findValuesAsText("typ")).contains("SEKRETESS_MARKERAD");
    JsonNode markering = sista(handelser, "SEKRETESS_MARKERAD");
    assertThat(markering.get("aktor").asText()).isEqualTo("registrator");
    assertThat(markering.get("beskrivning").asText()).contains("OSL 26 kap. 1 §").contains(dnr.dokumentnummer(2));

    // the same mark again: nothing new in the log
    int antal = handelser.size();
    api.send("registrator", "PUT", url + "/handlingar/2/sekretess", "application/json",
        "{\"hanvisning\":\"OSL 26 kap. 1 §\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(api.get("registrator", url + "/handelser").json().size()).isEqualTo(antal);

    // unmarked: readable again, and the log says who lifted it
    assertThat(api.send("registrator", "DELETE", url + "/handlingar/2/sekretess", null, null).status()).isEqualTo(200);
    assertThat(innehall("processagare", 2)).isEqualTo("200:" + HEMLIGT);
    JsonNode havd = sista(api.get("registrator", url + "/handelser").json(), "SEKRETESS_HAVD");
    assertThat(havd.get("aktor").asText()).isEqualTo("registrator");
  }

  @Test
  void aSecretArendeCoversEveryHandlingAlsoLaterOnes() {
    Arende a = diarium.registreraArende(new NyttArende("SKRIVELSE", "Skrivelse om skyddat boende",
        OffsetDateTime.now(), new Avsandare("Lisa Larsson", "M", "ledamot"), null));
    String u = "/api/v1/arenden/" + a.diarienummer().urlForm();
    diarium.registreraHandling(a.diarienummer(), NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN,
        "Skrivelse om skyddat boende", LocalDate.now(), "Text 1"));
    Api.Svar s = api.send("registrator", "PUT", u + "/sekretess", "application/json",
        "{\"hanvisning\":\"  OSL 21 kap.   3 § \"}".getBytes(StandardCharsets.UTF_8));
    assertThat(s.status()).as(s.toString()).isEqualTo(200);
    assertThat(s.json().get("sekretess").asText()).isEqualTo("OSL 21 kap. 3 §");
    diarium.registreraHandling(a.diarienummer(), NyHandling.text(Handlingstyp.OVRIG, HandlingStatus.INKOMMEN,
        "Komplettering", LocalDate.now(), "Text 2"));
    for (int n : new int[] {1, 2}) {
      assertThat(api.get("processagare", u + "/handlingar/" + n + "/innehall").status()).isEqualTo(403);
      assertThat(api.get("registrator", u + "/handlingar/" + n + "/innehall").status()).isEqualTo(200);
    }
    assertThat(api.send("registrator", "DELETE", u + "/sekretess", null, null).status()).isEqualTo(200);
    assertThat(api.get("processagare", u + "/handlingar/2/innehall").status()).isEqualTo(200);
  }

  @Test
  void onlyTheRegistratorMarksAndABadReferenceMarksNothing() {
    for (String annan : List.of("processagare", "integration", "handlaggare", "rotel1")) {
      Api.Svar s = api.send(annan, "PUT", url + "/handlingar/1/sekretess", "application/json",
          "{\"hanvisning\":\"OSL 21 kap. 7 §\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(s.status()).as(annan).isEqualTo(403);
      assertThat(s.contentType()).startsWith("application/problem+json");
      assertThat(api.send(annan, "DELETE", url + "/sekretess", null, null).status()).as(annan).isEqualTo(403);
    }
    for (String dalig : List.of("{}", "{\"hanvisning\":\"\"}", "{\"hanvisning\":\"hemligt\"}",
        "{\"hanvisning\":\"OSL 21 kap\"}", "{\"hanvisning\":\"OSL " + "1".repeat(120) + " kap. 7 §\"}")) {
      Api.Svar s = api.send("registrator", "PUT", url + "/handlingar/1/sekretess", "application/json",
          dalig.getBytes(StandardCharsets.UTF_8));
      assertThat(s.status()).as(dalig).isEqualTo(400);
      assertThat(s.contentType()).startsWith("application/problem+json");
      assertThat(s.json().get("detail").asText()).contains("OSL 21 kap. 7 §");
    }
    assertThat(api.send("registrator", "PUT", url + "/handlingar/99/sekretess", "application/json",
        "{\"hanvisning\":\"OSL 21 kap. 7 §\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
    assertThat(api.get("processagare", url + "/handlingar/1/innehall").status()).isEqualTo(200);
    assertThat(api.get("registrator", url + "/handlingar").json().get(0).path("sekretess").isMissingNode()).isTrue();
  }

  private static JsonNode sista(JsonNode handelser, String typ) {
    JsonNode sista = null;
    for (JsonNode h : handelser) {
      if (typ.equals(h.get("typ").asText())) {
        sista = h;
      }
    }
    assertThat(sista).as(typ).isNotNull();
    return sista;
  }
}
