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

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.FristInstallningar;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.kalender.LagstadgadeFrister;
import se.stockholm.ks.kalender.Sammantradesplan;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Punktstatus;
import se.stockholm.ks.sammantrade.Sammantradesregister;
import se.stockholm.ks.scenario.Scenario;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The bevakning agrees with the ärenden made in the test: three overdue remisser from two
 * remissinstanser, open ärenden per phase, and the lead times of the real case KS 2025/1513 (run
 * by {@link Scenario}) in working days — through {@code /api/v1/bevakning} and the page, each as
 * its role; the coming meetings of BRB and KS and a held one, with what is missing for each ärende and
 * meeting, the same in REST and on the page. On H2; {@link BevakningPostgresIT} on PostgreSQL.
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
  @Autowired
  Sammantradesplan plan;
  @Autowired
  Sammantradesregister register;
  @Autowired
  Diarium diarium;
  @Autowired
  LagstadgadeFrister lagstadgade;
  @Autowired
  FristInstallningar fristInstallningar;

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
    // the other tests of the class may have left open ärenden: counted from here
    JsonNode bas = api.get("registrator", "/api/v1/bevakning").json();
    long fordelning = antal(bas, "fordelning");
    long remiss = antal(bas, "remiss");
    String a = skrivelse("Skrivelse om parkering");
    fordela(a, svarsdatum, "stadsledningskontoret", "stadsbyggnadskontoret");
    String b = skrivelse("Skrivelse om skolskjutsar");
    fordela(b, svarsdatum, "stadsledningskontoret");
    String c = skrivelse("Skrivelse som inte är fördelad");
    korJobb();

    JsonNode fore = api.get("registrator", "/api/v1/bevakning").json();
    assertThat(antal(fore, "fordelning")).isEqualTo(fordelning + 1);
    assertThat(antal(fore, "remiss")).isEqualTo(remiss + 2);
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
      assertThat(antal(l, "remiss")).isEqualTo(remiss + 2);
      assertThat(antal(l, "fordelning")).isEqualTo(fordelning + 1);
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
    String remisstabell = sida.text().substring(sida.text().indexOf("<table id=\"remisser\""));
    remisstabell = remisstabell.substring(0, remisstabell.indexOf("</table>"));
    assertThat(remisstabell.split("class=\"forsenad\"", -1)).hasSize(4);
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

  @Test
  void meetingsComingAndWhatIsMissingForThem() {
    LocalDate idag = Diarium.idag();
    LocalDate brb = plan.borgarradsberedningen().stream().filter(d -> !d.isBefore(idag)).findFirst().orElseThrow();
    LocalDate ks = plan.kommunstyrelsen().stream().filter(d -> !d.isBefore(idag)).findFirst().orElseThrow();
    LocalDate hallet = plan.kommunstyrelsen().stream().filter(d -> d.isBefore(idag.minusDays(20))).reduce((x, y) -> y)
        .orElseThrow();
    String utanPm = skrivelse("Skrivelse utan promemoria");
    String medPm = skrivelse("Skrivelse med promemoria");
    String tillKs = skrivelse("Skrivelse tillstyrkt i borgarrådsberedningen");
    String beslutad = skrivelse("Skrivelse beslutad, protokollet inte justerat");

    register.anmal(Organ.BRB, brb, Diarienummer.parse(utanPm));
    register.anmal(Organ.BRB, brb, Diarienummer.parse(medPm));
    diarium.registreraHandelse(Diarienummer.parse(medPm), Handelsetyp.PROMEMORIA_UPPRATTAD, "Promemoria upprättad.",
        "rotel1", null, null);
    register.anmal(Organ.KS, ks, Diarienummer.parse(tillKs));
    diarium.registreraHandelse(Diarienummer.parse(tillKs), Handelsetyp.BRB_TILLSTYRKT, "Tillstyrkt.", "brbsekreterare",
        null, null);
    register.anmal(Organ.KS, hallet, Diarienummer.parse(beslutad));
    register.hall(Organ.KS, hallet);
    register.stall(Organ.KS, hallet, Diarienummer.parse(beslutad), Punktstatus.BESLUTAT);

    Api.Svar svar = api.get("registrator", "/api/v1/bevakning");
    assertThat(svar.status()).as(svar.text()).isEqualTo(200);
    JsonNode moten = svar.json().path("sammantraden");
    JsonNode brbMote = mote(moten, "BRB", brb);
    assertThat(brbMote.path("namn").asText()).isEqualTo("borgarrådsberedningen");
    assertThat(brbMote.path("status").asText()).isEqualTo("planerat");
    assertThat(brbMote.path("antalArenden").asInt()).isEqualTo(2);
    assertThat(brbMote.path("saknas")).extracting(b -> b.path("typ").asText()).containsExactly("foredragningslista");
    assertThat(brbMote.path("arenden")).extracting(a -> a.path("diarienummer").asText() + " "
            + typer(a.path("saknas"))).containsExactly(utanPm + " [promemoria]", medPm + " []");
    assertThat(brbMote.at("/arenden/0/saknas/0/senast").asText())
        .isEqualTo(kalender.dragIfranArbetsdagar(brb, fristInstallningar.brbFramforhallning()).toString());

    JsonNode ksMote = mote(moten, "KS", ks);
    assertThat(ksMote.path("arenden")).extracting(a -> a.path("diarienummer").asText() + " "
        + typer(a.path("saknas"))).containsExactly(tillKs + " [arendedokument]");

    JsonNode heldMote = mote(moten, "KS", hallet);
    assertThat(heldMote.path("status").asText()).isEqualTo("hallet");
    assertThat(heldMote.path("saknas")).extracting(b -> b.path("typ").asText() + " " + b.path("senast").asText() + " "
        + b.path("forsenad").asBoolean()).containsExactly("justering " + lagstadgade.justeringSenast(hallet) + " true");
    assertThat(heldMote.path("arenden")).extracting(a -> a.path("status").asText() + " " + typer(a.path("saknas")))
        .containsExactly("beslutat []");
    // the next meetings in the plan are there even before any ärende is anmält
    assertThat(moten).extracting(m -> m.path("organ").asText()).contains("BRB", "KS");
    assertThat(moten).filteredOn(m -> !LocalDate.parse(m.path("datum").asText()).isBefore(idag))
        .extracting(m -> m.path("organ").asText()).filteredOn("KS"::equals).hasSizeGreaterThanOrEqualTo(2);

    // the page shows the same meetings, ärenden and what is missing
    Api.Svar sida = api.get("processagare", "/bevakning");
    assertThat(sida.status()).isEqualTo(200);
    String html = sida.text();
    for (JsonNode m : moten) {
      assertThat(html).contains("data-organ=\"" + m.path("organ").asText() + "\" data-datum=\""
          + m.path("datum").asText() + "\"");
      for (JsonNode a : m.path("arenden")) {
        assertThat(html).contains("data-dnr=\"" + a.path("diarienummer").asText() + "\"");
      }
    }
    for (String typ : List.of("foredragningslista", "promemoria", "tillstyrkan", "arendedokument", "justering")) {
      assertThat(html.split("data-typ=\"" + typ + "\"", -1).length - 1).as(typ).isEqualTo(antalBrister(moten, typ));
    }
    assertThat(html).contains("Promemorian med förslag till beslut är inte upprättad.", "Protokollet är inte justerat.",
        "Borgarrådsberedningen " + brb, "Kommunstyrelsen " + hallet);
  }

  private static JsonNode mote(JsonNode moten, String organ, LocalDate datum) {
    for (JsonNode m : moten) {
      if (m.path("organ").asText().equals(organ) && m.path("datum").asText().equals(datum.toString())) {
        return m;
      }
    }
    throw new AssertionError("Inget sammanträde " + organ + " " + datum + " i " + moten);
  }

  private static List<String> typer(JsonNode brister) {
    List<String> t = new java.util.ArrayList<>();
    brister.forEach(b -> t.add(b.path("typ").asText()));
    return t;
  }

  private static int antalBrister(JsonNode moten, String typ) {
    int n = 0;
    for (JsonNode m : moten) {
      n += (int) typer(m.path("saknas")).stream().filter(typ::equals).count();
      for (JsonNode a : m.path("arenden")) {
        n += (int) typer(a.path("saknas")).stream().filter(typ::equals).count();
      }
    }
    return n;
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
