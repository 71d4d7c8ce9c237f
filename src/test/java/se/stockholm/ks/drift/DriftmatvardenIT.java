package se.stockholm.ks.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The operations metrics: {@code /actuator/prometheus} answers only the group {@code drift} (and the
 * administrators), its gauges move when a case moves, and REST calls and documents are timed. The
 * application runs for real on H2; the gauges' cache is off.
 */
@IntegrationTest
@AutoConfigureObservability(tracing = false) // Spring Boot's tests leave the Prometheus export off otherwise
@TestPropertySource(properties = "ks.drift.matvarden-cache=0s")
class DriftmatvardenIT {

  static final String PROMETHEUS = "/actuator/prometheus";

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  Arbetsdagskalender kalender;
  @Autowired
  Frister frister;

  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @AfterEach
  void aterstallKlockan() {
    ClockUtil.reset();
  }

  @Test
  void onlyOperationsReadTheMetrics() throws Exception {
    Api.Svar utan = api.get(null, PROMETHEUS);
    assertThat(utan.status()).isEqualTo(401);
    assertThat(utan.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(utan.contentType()).startsWith("application/problem+json");
    assertThat(utan.text()).doesNotContain("ks_arenden_oppna");

    Api.Svar fel = api.send(null, "GET", PROMETHEUS, null, null,
        "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("drift:fel".getBytes()));
    assertThat(fel.status()).isEqualTo(401);

    for (String annan : List.of("processagare", "registrator", "integration", "handlaggare")) {
      Api.Svar svar = api.get(annan, PROMETHEUS);
      assertThat(svar.status()).as(annan).isEqualTo(403);
      assertThat(svar.text()).as(annan).doesNotContain("ks_arenden_oppna");
    }
    assertThat(api.get("admin", PROMETHEUS).status()).isEqualTo(200);

    assertThat(api.get("registrator", "/api/v1/bevakning").status()).isEqualTo(200); // a timed REST call
    Api.Svar drift = api.get("drift", PROMETHEUS);
    assertThat(drift.status()).isEqualTo(200);
    assertThat(drift.text()).contains("ks_arenden_oppna{", "ks_remisser_forsenade", "ks_incidenter_oppna",
        "ks_jobb_vantande", "ks_jobb_misslyckade", "ks_dokument_generering_seconds", "jvm_memory_used_bytes");
    // every ks_ metric the Grafana dashboard draws is there
    String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("docs/grafana-skrivelseprocessen.json"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(ks_[a-z_]+?)(_bucket|_count)?\\{").matcher(dashboard);
    int antal = 0;
    while (m.find()) {
      String namn = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      assertThat(Prometheustext.varde(drift.text(), namn, "application=\"skrivelseprocessen\""))
          .as(namn + " in the dashboard").isNotNaN();
      antal++;
    }
    assertThat(antal).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theGaugesMoveWhenACaseMoves() {
    String fore = metrics();
    double fordelning = varde(fore, "ks_arenden_oppna", "fas=\"fordelning\"");
    double remiss = varde(fore, "ks_arenden_oppna", "fas=\"remiss\"");

    Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik": "Skrivelse om mätvärden", "avsandare": {"namn": "Jan Jönsson", "parti": "L"},
         "text": "Hur många ärenden finns i varje fas?"}""");
    assertThat(registrerad.status()).as(registrerad.text()).isEqualTo(201);
    String dnr = registrerad.json().path("diarienummer").asText();
    String url = dnr.replace(' ', '-').replace('/', '-');
    assertThat(varde(metrics(), "ks_arenden_oppna", "fas=\"fordelning\"")).isEqualTo(fordelning + 1);

    LocalDate svarsdatum = kalender.laggTillArbetsdagar(Diarium.idag(), 15);
    JsonNode uppgift = api.get("registrator", "/engine-rest/task?processInstanceBusinessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F") + "&taskDefinitionKey=Task_FordelaArende").json();
    Api.Svar fordelat = api.postJson("registrator", "/engine-rest/task/" + uppgift.get(0).path("id").asText()
        + "/submit-form", """
        {"variables": {"rotel": {"value": "rotel-i"},
          "remissinstanser": {"value": "[\\"stadsledningskontoret\\"]", "type": "Json"},
          "svarsdatum": {"value": "%s"}}}""".formatted(svarsdatum));
    assertThat(fordelat.status()).as(fordelat.text()).isEqualTo(204);

    // the group drift reads nothing in the engine
    Api.Svar instanser = api.get("drift", "/engine-rest/process-instance");
    assertThat(instanser.status() == 403 || instanser.json().isEmpty()).as(instanser.text()).isTrue();
    assertThat(api.get("processagare", "/engine-rest/process-instance").json()).isNotEmpty();
    assertThat(api.get("drift", "/api/v1/arenden/" + url).status()).isIn(403, 404);

    String fordelad = metrics();
    assertThat(varde(fordelad, "ks_arenden_oppna", "fas=\"fordelning\"")).isEqualTo(fordelning);
    assertThat(varde(fordelad, "ks_arenden_oppna", "fas=\"remiss\"")).isEqualTo(remiss + 1);
    assertThat(varde(fordelad, "ks_jobb_vantande")).as("the remiss waits for the job executor").isGreaterThanOrEqualTo(1);
    korJobb();
    assertThat(varde(metrics(), "ks_jobb_vantande")).isZero();
    double forsenade = varde(metrics(), "ks_remisser_forsenade");

    ClockUtil.setCurrentTime(new Date(frister.svarsdatumPasserat(svarsdatum.toString()).getTime() + 3_600_000));
    assertThat(varde(metrics(), "ks_remisser_forsenade")).isEqualTo(forsenade + 1);

    // a job that fails for good: no retries left, an incident
    double misslyckade = varde(metrics(), "ks_jobb_misslyckade");
    double incidenter = varde(metrics(), "ks_incidenter_oppna");
    Job timer = managementService.createJobQuery().timers().list().get(0);
    managementService.setJobRetries(timer.getId(), 0);
    String efter = metrics();
    assertThat(varde(efter, "ks_jobb_misslyckade")).isEqualTo(misslyckade + 1);
    assertThat(varde(efter, "ks_incidenter_oppna")).isEqualTo(incidenter + 1);

    // REST calls are timed per door, resource and status
    assertThat(api.get("integration", "/api/v1/arenden/" + url).status()).isEqualTo(200);
    String anrop = metrics();
    assertThat(varde(anrop, "ks_rest_anrop_seconds_count", "dorr=\"api-v1\"", "metod=\"GET\"", "resurs=\"arenden\"",
        "status=\"200\"")).isGreaterThanOrEqualTo(1);
    assertThat(varde(anrop, "ks_rest_anrop_seconds_count", "dorr=\"engine-rest\"", "metod=\"POST\"",
        "resurs=\"task\"", "status=\"204\"")).isGreaterThanOrEqualTo(1);
  }

  private String metrics() {
    Api.Svar svar = api.get("drift", PROMETHEUS);
    assertThat(svar.status()).isEqualTo(200);
    return svar.text();
  }

  private static double varde(String text, String namn, String... etiketter) {
    double v = Prometheustext.varde(text, namn, etiketter);
    assertThat(v).as(namn + " " + String.join(",", etiketter)).isNotNaN();
    return v;
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
