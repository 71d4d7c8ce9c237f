package se.stockholm.ks.remiss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Late remissvar, extensions and withdrawal as the officials meet them, through the doors they use:
 * the engine's REST API (as Tasklist does), the ärende API and the ärende page, each as its role.
 * The engine clock is moved past svarsdatum; the application runs for real on H2.
 */
@IntegrationTest
class RemissvarIT {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  Arbetsdagskalender kalender;
  @Autowired
  Frister frister;

  Api api;
  String dnr;
  String url;
  LocalDate svarsdatum;

  @BeforeEach
  void enSkrivelseRemitteradTillStadsledningskontoret() {
    api = new Api(port);
    Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik": "Skrivelse om sena remissvar", "avsandare": {"namn": "Jan Jönsson", "parti": "L"},
         "text": "Hur hanteras remissvar som kommer efter svarsdatum?"}""");
    assertThat(registrerad.status()).isEqualTo(201);
    dnr = registrerad.json().path("diarienummer").asText();
    url = dnr.replace(' ', '-').replace('/', '-');
    svarsdatum = kalender.laggTillArbetsdagar(Diarium.idag(), 15);
    Api.Svar fordelat = api.postJson("registrator", "/engine-rest/task/" + uppgift("registrator", "Task_FordelaArende")
        + "/submit-form", """
        {"variables": {"rotel": {"value": "rotel-i"},
          "remissinstanser": {"value": "[\\"stadsledningskontoret\\"]", "type": "Json"},
          "svarsdatum": {"value": "%s"}}}""".formatted(svarsdatum));
    assertThat(fordelat.status()).as(fordelat.text()).isEqualTo(204);
    korJobb();
  }

  @AfterEach
  void aterstallKlockan() {
    ClockUtil.reset();
  }

  @Test
  void aTjanstutlatandeAfterSvarsdatumIsRegisteredWhileTheKansliHasNotDecided() {
    svarsdatumPasserar();
    assertThat(uppgifter("registrator", "Task_HanteraForsenatRemissvar")).hasSize(1);
    String tu = uppgift("handlaggare", "Task_SkrivTjanstutlatande");

    Api.Svar svar = api.postJson("handlaggare", "/engine-rest/task/" + tu + "/submit-form", """
        {"variables": {"tjanstutlatandeText": {"value": "Sent svar från stadsledningskontoret."},
          "tjanstutlatandeDatum": {"value": "%s"}}}""".formatted(Diarium.idag()));
    assertThat(svar.status()).as(svar.text()).isEqualTo(204);
    korJobb();

    assertThat(uppgifter("registrator", "Task_HanteraForsenatRemissvar")).as("kansliets uppgift avslutad").isEmpty();
    JsonNode arende = api.get("integration", "/api/v1/arenden/" + url).json();
    assertThat(arende.path("handlingar")).extracting(h -> h.path("handlingstyp").asText())
        .containsExactly("SKRIVELSE", "REMISS", "TJANSTUTLATANDE");
    assertThat(arende.path("handelser")).extracting(h -> h.path("typ").asText())
        .contains("SVARSDATUM_PASSERAT", "TJANSTUTLATANDE_INKOMMET").doesNotContain("REMISSVAR_UTEBLEV");
    assertThat(arende.path("aktuellaSteg")).extracting(s -> s.path("aktivitet").asText())
        .containsExactly("Task_UpprattaPromemoria");
  }

  @Test
  void anExtensionIsAnExpedieradHandlingAndTheNewSvarsdatumShowsEverywhere() {
    svarsdatumPasserar();
    LocalDate nytt = kalender.laggTillArbetsdagar(Diarium.idag(), 5);

    Api.Svar svar = api.postJson("registrator", "/engine-rest/task/"
        + uppgift("registrator", "Task_HanteraForsenatRemissvar") + "/submit-form", """
        {"variables": {"forsenatRemissvarAtgard": {"value": "FORLANG"}, "nyttSvarsdatum": {"value": "%s"}}}"""
        .formatted(nytt));
    assertThat(svar.status()).as(svar.text()).isEqualTo(204);
    korJobb();

    JsonNode arende = api.get("integration", "/api/v1/arenden/" + url).json();
    JsonNode besked = arende.path("handlingar").get(2);
    assertThat(besked.path("handlingstyp").asText()).isEqualTo("FORLANGNING");
    assertThat(besked.path("status").asText()).isEqualTo("EXPEDIERAD");
    assertThat(besked.path("mottagare").asText()).isEqualTo("Stadsledningskontoret");
    assertThat(besked.path("dokumentnummer").asText()).isEqualTo(dnr + "-3");
    assertThat(api.get("integration", "/api/v1/arenden/" + url + "/handlingar/3/innehall").text())
        .contains("Nytt svarsdatum: den " + se.stockholm.ks.kalender.Datumformat.lopandeText(nytt),
            "(tidigare den " + se.stockholm.ks.kalender.Datumformat.lopandeText(svarsdatum) + ")");
    assertThat(arende.path("frister").path("svarsdatum").asText()).isEqualTo(nytt.toString());
    JsonNode steg = arende.path("aktuellaSteg");
    assertThat(steg).filteredOn(s -> s.path("aktivitet").asText().equals("Task_SkrivTjanstutlatande")).singleElement()
        .satisfies(s -> assertThat(s.path("forfaller").asText()).startsWith(nytt + "T23:59:59"));

    String sida = api.get("registrator", "/arenden/" + url).text();
    assertThat(sida).contains("Förlängt svarsdatum", "Svarsdatum för remissvar</dt><dd>" + nytt);
    JsonNode tu = api.get("handlaggare", "/engine-rest/task?processInstanceBusinessKey=" + enc(dnr)
        + "&taskDefinitionKey=Task_SkrivTjanstutlatande").json();
    assertThat(tu).hasSize(1);
    assertThat(tu.get(0).path("due").asText()).startsWith(nytt + "T23:59:59");
  }

  @Test
  void aWithdrawnArendeLeavesKommunstyrelsensFöredragningslistaAndKeepsNoFutureFrister() {
    // the ärende goes through remiss, promemoria and borgarrådsberedningen to kommunstyrelsen's agenda
    slutfor("Task_SkrivTjanstutlatande", Map.of("tjanstutlatandeText", "Svar.", "tjanstutlatandeDatum",
        Diarium.idag().toString()));
    slutfor("Task_UpprattaPromemoria", Map.of("sammanfattning", "Sammanfattning.", "synpunkter", "Synpunkter.",
        "promemoriaDatum", Diarium.idag().toString()));
    LocalDate brb = LocalDate.parse(frister.forstaBrbSammantrade(Diarium.idag()));
    klockan(brb, 8);
    slutfor("Task_RegistreraUtfallIBrb", Map.of("brbUtfall", "TILLSTYRKER",
        "brbSarskildaUttalanden", SpinValues.jsonValue("[]").create()));
    LocalDate ks = LocalDate.parse(frister.forstaKsSammantrade(brb));
    JsonNode fore = api.get("integration", "/api/v1/arenden/" + url).json();
    assertThat(fore.path("frister").path("ksSammantrade").asText()).isEqualTo(ks.toString());

    Api.Svar aterkallat = api.postJson("integration", "/api/v1/arenden/" + url + "/aterkallelse",
        "{\"motivering\": \"Frågan är besvarad.\"}");

    assertThat(aterkallat.status()).as(aterkallat.text()).isEqualTo(200);
    JsonNode efter = api.get("integration", "/api/v1/arenden/" + url).json();
    assertThat(efter.path("status").asText()).isEqualTo("ATERKALLAT");
    assertThat(efter.path("frister").has("ksSammantrade")).as("inget kommande sammanträde").isFalse();
    assertThat(efter.path("frister").path("brbSammantrade").asText()).as("det som hände står kvar")
        .isEqualTo(brb.toString());
    assertThat(efter.path("handelser")).filteredOn(h -> h.path("typ").asText().equals("AVFORT_FRAN_FOREDRAGNINGSLISTA"))
        .extracting(h -> h.path("beskrivning").asText()).containsExactly("Ärendet avfört från föredragningslistan för "
            + "kommunstyrelsens sammanträde " + ks + " (skrivelsen återkallad).");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void svarsdatumPasserar() {
    ClockUtil.setCurrentTime(new Date(frister.svarsdatumPasserat(svarsdatum.toString()).getTime() + 3_600_000));
    korJobb();
  }

  private void klockan(LocalDate dag, int timme) {
    ClockUtil.setCurrentTime(Date.from(dag.atTime(timme, 0).atZone(STOCKHOLM).toInstant()));
    korJobb();
  }

  private void slutfor(String aktivitet, Map<String, Object> varden) {
    korJobb();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey(aktivitet).singleResult();
    assertThat(task).as(aktivitet).isNotNull();
    taskService.complete(task.getId(), varden);
    korJobb();
  }

  private String uppgift(String anvandare, String aktivitet) {
    JsonNode lista = uppgifter(anvandare, aktivitet);
    assertThat(lista).as(anvandare + " ser " + aktivitet).hasSize(1);
    return lista.get(0).path("id").asText();
  }

  private JsonNode uppgifter(String anvandare, String aktivitet) {
    return api.get(anvandare, "/engine-rest/task?processInstanceBusinessKey=" + enc(dnr) + "&taskDefinitionKey="
        + aktivitet).json();
  }

  private static String enc(String dnr) {
    return dnr.replace(" ", "%20").replace("/", "%2F");
  }

  private void korJobb() {
    for (int i = 0; i < 50; i++) {
      List<Job> jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      jobb.forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}
