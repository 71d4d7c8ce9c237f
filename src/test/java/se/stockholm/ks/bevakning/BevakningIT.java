package se.stockholm.ks.bevakning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.scenario.Scenario;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The bevakning agrees with the ärenden made in the test: three overdue remisser from two
 * remissinstanser, open ärenden per phase, and the lead times of the real case KS 2025/1513 (run
 * by {@link Scenario}) in working days — through {@code /api/v1/bevakning} and the page, each as
 * its role. On H2; {@link BevakningPostgresIT} on PostgreSQL.
 */
@IntegrationTest
class BevakningIT {

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
  void threeOverdueRemisserFromTwoRemissinstanser() {
    LocalDate svarsdatum = kalender.laggTillArbetsdagar(Diarium.idag(), 15);
    String a = skrivelse("Skrivelse om parkering");
    fordela(a, svarsdatum, "stadsledningskontoret", "stadsbyggnadskontoret");
    String b = skrivelse("Skrivelse om skolskjutsar");
    fordela(b, svarsdatum, "stadsledningskontoret");
    String c = skrivelse("Skrivelse som inte är fördelad");
    korJobb();

    JsonNode fore = api.get("registrator", "/api/v1/bevakning").json();
    assertThat(antal(fore, "fordelning")).isEqualTo(1);
    assertThat(antal(fore, "remiss")).isEqualTo(2);
    assertThat(fore.path("remisser")).as("svarsdatum is three weeks ahead").isEmpty();

    ClockUtil.setCurrentTime(new Date(frister.svarsdatumPasserat(svarsdatum.toString()).getTime() + 3_600_000));
    korJobb();

    for (String anvandare : List.of("registrator", "processagare", "admin")) {
      Api.Svar svar = api.get(anvandare, "/api/v1/bevakning");
      assertThat(svar.status()).as(anvandare + ": " + svar.text()).isEqualTo(200);
      JsonNode l = svar.json();
      assertThat(l.path("remisser")).hasSize(3);
      assertThat(l.path("remisser")).allSatisfy(r -> {
        assertThat(r.path("forsenad").asBoolean()).isTrue();
        assertThat(r.path("forfaller").asText()).isEqualTo(svarsdatum.toString());
      });
      assertThat(l.path("remisser")).extracting(r -> r.path("diarienummer").asText() + " " + r.path("grupp").asText())
          .containsExactlyInAnyOrder(a + " stadsledningskontoret", a + " stadsbyggnadskontoret",
              b + " stadsledningskontoret");
      assertThat(l.path("remisser")).extracting(r -> r.path("rubrik").asText()).contains("Skrivelse om skolskjutsar");
      assertThat(l.path("remissinstanser")).extracting(r -> r.path("namn").asText() + " " + r.path("forsenade").asInt()
          + " " + r.path("dennaVecka").asInt())
          .containsExactlyInAnyOrder("Stadsledningskontoret 2 0", "Stadsbyggnadskontoret 1 0");
      assertThat(antal(l, "remiss")).isEqualTo(2);
      assertThat(antal(l, "fordelning")).isEqualTo(1);
    }
    assertThat(c).isNotBlank();

    for (String annan : List.of("handlaggare", "integration", "drift", "liberalerna")) {
      Api.Svar svar = api.get(annan, "/api/v1/bevakning");
      assertThat(svar.status()).as(annan).isEqualTo(403);
      assertThat(svar.contentType()).startsWith("application/problem+json");
      assertThat(api.get(annan, "/bevakning").status()).as(annan).isEqualTo(403);
    }
    assertThat(api.get(null, "/api/v1/bevakning").status()).isEqualTo(401);
    assertThat(api.get(null, "/bevakning").status()).isEqualTo(401);
    // a browser without a session is sent to the webapps' login, not asked for Basic credentials
    for (String sida : List.of("/bevakning", "/arenden/" + a.replace(' ', '-').replace('/', '-'))) {
      Api.Svar webblasare = api.get(null, sida, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
      assertThat(webblasare.status()).as(sida).isEqualTo(302);
      assertThat(webblasare.header("Location")).as(sida).endsWith("/camunda/app/tasklist/default/");
      assertThat(webblasare.header("WWW-Authenticate")).as(sida).isNull();
    }
    assertThat(api.get(null, "/api/v1/bevakning", "Accept", "text/html").status()).isEqualTo(401);

    Api.Svar sida = api.get("processagare", "/bevakning");
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.text()).contains("Bevakning", "Stadsledningskontoret", "Stadsbyggnadskontoret", a, b,
        "href=\"/arenden/" + a.replace(' ', '-').replace('/', '-') + "\"", "Försenad");
    assertThat(sida.text().split("class=\"forsenad\"", -1)).hasSize(4);
  }

  @Test
  void leadTimesOfTheRealCaseInWorkingDays() throws Exception {
    ByteArrayOutputStream logg = new ByteArrayOutputStream();
    Scenario.Resultat r = new Scenario("http://localhost:" + port, Files.createTempDirectory("bevakning"),
        new PrintStream(logg, true, StandardCharsets.UTF_8)).kor();
    assertThat(r.status()).isEqualTo("AVSLUTAT");

    JsonNode l = api.get("processagare", "/api/v1/bevakning/ledtider?fran=2025-11-01&till=2025-11-30").json();
    assertThat(l.path("arenden").asInt()).isEqualTo(1);
    // Counted by hand from inkom Wednesday 2025-11-26 (not counted): Monday–Friday, less julafton,
    // juldagen, annandag jul, nyårsafton, nyårsdagen and trettondedag jul. Fördelad and remitterad the
    // same day; promemoria 2026-03-04; BRB 2026-03-11; KS 2026-03-18; anslaget 2026-03-26, three weeks
    // for laglighetsprövning to 2026-04-16, avslutat 2026-04-17 (Långfredag 04-03 and annandag påsk
    // 04-06 are not working days).
    assertThat(l.path("ledtider")).extracting(t -> t.path("milstolpe").asText() + " " + t.path("antal").asInt() + " "
            + t.path("median").asDouble() + " " + t.path("percentil90").asInt())
        .containsExactly("fordelning 1 0.0 0", "remiss 1 0.0 0", "promemoria 1 64.0 64", "brb 1 69.0 69",
            "ks 1 74.0 74", "avslutat 1 94.0 94");
    assertThat(api.get("registrator", "/api/v1/bevakning/ledtider?fran=2025-11-27&till=2025-12-31").json()
        .path("arenden").asInt()).as("inkom 2025-11-26 is outside").isZero();
    assertThat(api.get("registrator", "/api/v1/bevakning/ledtider?fran=2025-12-01&till=2025-11-01").status())
        .isEqualTo(400);
    assertThat(api.get("registrator", "/api/v1/bevakning/ledtider?fran=1-dec").status()).isEqualTo(400);
    Api.Svar sida = api.get("registrator", "/bevakning?fran=2025-11-01&till=2025-11-30");
    assertThat(sida.text()).contains("1 ärenden kom in 2025-11-01 – 2025-11-30", "<td class=\"tal\">94,0</td>");
  }

  static long antal(JsonNode lage, String fas) {
    for (JsonNode f : lage.path("oppnaPerFas")) {
      if (f.path("fas").asText().equals(fas)) {
        return f.path("antal").asLong();
      }
    }
    throw new AssertionError("Ingen fas " + fas + " i " + lage);
  }

  private String skrivelse(String rubrik) {
    Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik": "%s", "avsandare": {"namn": "Jan Jönsson", "parti": "L"}, "text": "Fråga."}""".formatted(rubrik));
    assertThat(registrerad.status()).as(registrerad.text()).isEqualTo(201);
    return registrerad.json().path("diarienummer").asText();
  }

  private void fordela(String dnr, LocalDate svarsdatum, String... remissinstanser) {
    JsonNode uppgift = api.get("registrator", "/engine-rest/task?processInstanceBusinessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F") + "&taskDefinitionKey=Task_FordelaArende").json();
    String lista = String.join(",", java.util.Arrays.stream(remissinstanser).map(s -> "\\\"" + s + "\\\"").toList());
    Api.Svar fordelat = api.postJson("registrator", "/engine-rest/task/" + uppgift.get(0).path("id").asText()
        + "/submit-form", """
        {"variables": {"rotel": {"value": "rotel-i"},
          "remissinstanser": {"value": "[%s]", "type": "Json"},
          "svarsdatum": {"value": "%s"}}}""".formatted(lista, svarsdatum));
    assertThat(fordelat.status()).as(fordelat.text()).isEqualTo(204);
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
