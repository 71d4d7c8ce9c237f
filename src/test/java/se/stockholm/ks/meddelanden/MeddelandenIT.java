package se.stockholm.ks.meddelanden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Datumformat;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.Epostserver;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The messages against a real SMTP server (GreenMail in this JVM): the remiss, the reminder, the
 * notice to KS kansli and the extension reach their mailboxes with dnr, due date, link and
 * attachments; a server that is down makes the step retry and end as an incident with nothing in
 * the case lost, and a retry once it is back sends exactly one message; a message already sent, or
 * left half-sent by a node that stopped, is not sent again by the application. (The request for
 * särskilt uttalande and the decision notice: {@code ScenarioIT}.)
 */
@IntegrationTest
class MeddelandenIT {

  static final Epostserver SMTP = new Epostserver();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry r) {
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", SMTP::port);
    r.add("ks.meddelanden.transport", () -> "smtp");
  }

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  Arbetsdagskalender kalender;
  @Autowired
  Frister frister;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Utskick utskick;

  Api api;
  String dnr;
  String url;
  LocalDate svarsdatum;

  @BeforeEach
  void enSkrivelse() {
    SMTP.starta();
    SMTP.tom();
    api = new Api(port);
    Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik": "Skrivelse om e-post från kommunstyrelsen", "avsandare": {"namn": "Åsa Öberg", "parti": "MP"},
         "text": "Hur når kommunstyrelsens ärenden dem som ska svara?"}""");
    assertThat(registrerad.status()).isEqualTo(201);
    dnr = registrerad.json().path("diarienummer").asText();
    url = dnr.replace(' ', '-').replace('/', '-');
    svarsdatum = kalender.laggTillArbetsdagar(Diarium.idag(), 15);
  }

  @AfterEach
  void aterstall() {
    ClockUtil.reset();
    SMTP.starta();
  }

  @Test
  void theRemissTheReminderTheKansliNoticeAndTheExtensionReachTheirMailboxes() {
    fordela();
    korJobb();

    List<Epostserver.Brev> brev = brev();
    assertThat(brev).hasSize(1);
    Epostserver.Brev remiss = brev.get(0);
    assertThat(remiss.till()).containsExactly("registrator.slk@ks.demo.example");
    assertThat(remiss.fran()).contains("kommunstyrelsen@ks.demo.example");
    assertThat(remiss.amne()).isEqualTo("Remiss " + dnr + ": Skrivelse om e-post från kommunstyrelsen – svar senast "
        + svarsdatum);
    assertThat(remiss.text()).contains("Kommunstyrelsen remitterar ärende " + dnr
            + ", Skrivelse om e-post från kommunstyrelsen, till stadsledningskontoret för yttrande.",
        "Svara senast den " + Datumformat.lopandeText(svarsdatum), "Skriv tjänsteutlåtande",
        "http://localhost:8080/arenden/" + url, "http://localhost:8080/camunda/app/tasklist/default/");
    assertThat(remiss.html()).contains(dnr, Datumformat.lopandeText(svarsdatum),
        "<a href=\"http://localhost:8080/arenden/" + url + "\">");
    assertThat(remiss.bilagor()).containsExactly(url + "-2.txt", url + "-1.txt");
    assertThat(new String(remiss.bilageinnehall().get(0), StandardCharsets.UTF_8)).contains("för yttrande",
        "Svar senast den " + Datumformat.lopandeText(svarsdatum));
    assertThat(remiss.messageId()).endsWith(".skrivelseprocessen@ks.demo.example>");
    JsonNode handelse = meddelandehandelser().get(0);
    assertThat(handelse.path("beskrivning").asText()).isEqualTo("E-post skickad till Stadsledningskontoret "
        + "<registrator.slk@ks.demo.example>: ”" + remiss.amne() + "”.");

    // the reminder, three working days before svarsdatum
    klockan(frister.paminnelsetid(svarsdatum.toString()).getTime() + 60_000);
    assertThat(brev()).hasSize(2);
    Epostserver.Brev paminnelse = brev("Påminnelse");
    assertThat(paminnelse.till()).containsExactly("registrator.slk@ks.demo.example");
    assertThat(paminnelse.amne()).isEqualTo("Påminnelse: remissvar i " + dnr + " senast " + svarsdatum);
    assertThat(paminnelse.text()).contains(dnr, "Svarsdatum är den " + Datumformat.lopandeText(svarsdatum),
        "http://localhost:8080/arenden/" + url);

    // svarsdatum passes: KS kansli is told, and decides within its deadline
    klockan(frister.svarsdatumPasserat(svarsdatum.toString()).getTime() + 60_000);
    assertThat(brev()).hasSize(3);
    Epostserver.Brev kansli = brev("Svarsdatum passerat");
    assertThat(kansli.till()).containsExactly("ks-kansli@ks.demo.example");
    assertThat(kansli.amne()).startsWith("Svarsdatum passerat: Stadsledningskontoret i " + dnr + " – besluta senast ");
    assertThat(kansli.text()).contains("Svarsdatum den " + Datumformat.lopandeText(svarsdatum) + " har passerat",
        "Hantera försenat remissvar", dnr);

    // the extension goes to the remissinstans with the notice attached
    LocalDate nytt = kalender.laggTillArbetsdagar(Diarium.idag(), 5);
    Api.Svar svar = api.postJson("registrator", "/engine-rest/task/" + uppgift("registrator",
        "Task_HanteraForsenatRemissvar") + "/submit-form", """
        {"variables": {"forsenatRemissvarAtgard": {"value": "FORLANG"}, "nyttSvarsdatum": {"value": "%s"}}}"""
        .formatted(nytt));
    assertThat(svar.status()).as(svar.text()).isEqualTo(204);
    korJobb();
    assertThat(brev()).hasSize(4);
    Epostserver.Brev forlangning = brev("Förlängt svarsdatum");
    assertThat(forlangning.till()).containsExactly("registrator.slk@ks.demo.example");
    assertThat(forlangning.amne()).isEqualTo("Förlängt svarsdatum " + dnr + ": nytt svarsdatum " + nytt);
    assertThat(forlangning.text()).contains("Nytt svarsdatum är den " + Datumformat.lopandeText(nytt),
        "tidigare den " + Datumformat.lopandeText(svarsdatum), dnr + "-3");
    assertThat(forlangning.bilagor()).containsExactly(url + "-3.txt");

    assertThat(meddelandehandelser()).extracting(h -> h.path("dokumentnummer").asText(null))
        .containsExactly(dnr + "-2", dnr + "-2", null, dnr + "-3");
    korJobb();
    assertThat(brev()).as("inget skickas två gånger").hasSize(4);
  }

  @Test
  void anSmtpServerThatIsDownEndsAsAnIncidentAndARetryOnceItIsBackSendsExactlyOneMessage() {
    SMTP.stoppa();
    fordela();
    korJobb();

    Job jobb = jobb("Task_EpostaRemiss");
    assertThat(jobb).as("e-poststeget väntar på ett nytt försök").isNotNull();
    assertThat(jobb.getRetries()).isEqualTo(4);
    assertThat(jobb.getExceptionMessage()).contains("kunde inte skickas", "Kunde inte ansluta till SMTP-servern");
    int forsok = 1;
    while (incident() == null) {
      assertThat(forsok).as("försök före incidenten").isLessThan(10);
      klockan(ClockUtil.getCurrentTime().getTime() + 61_000);
      forsok++;
    }
    assertThat(forsok).as("R5/PT1M: ett försök och fem omförsök... eller fem försök i allt").isBetween(5, 6);
    Incident incident = incident();
    assertThat(incident.getActivityId()).isEqualTo("Task_EpostaRemiss");
    assertThat(incident.getIncidentMessage()).contains("E-post till registrator.slk@ks.demo.example (Remiss, " + dnr
        + ") kunde inte skickas");

    // nothing in the case is lost: the remiss stays registered, the message waits as not sent
    JsonNode arende = api.get("integration", "/api/v1/arenden/" + url).json();
    assertThat(arende.path("handlingar")).extracting(h -> h.path("handlingstyp").asText())
        .containsExactly("SKRIVELSE", "REMISS");
    assertThat(status()).isEqualTo("EJ_SKICKAT");
    assertThat(brev()).isEmpty();

    // the server is back: Retry in Cockpit (retries set to 1) sends it once
    SMTP.starta();
    managementService.setJobRetries(incident.getConfiguration(), 1);
    klockan(ClockUtil.getCurrentTime().getTime() + 61_000);
    assertThat(brev()).hasSize(1);
    assertThat(incident()).isNull();
    assertThat(status()).isEqualTo("SKICKAT");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("remiss").processInstanceBusinessKey(dnr)
        .count()).isEqualTo(1);
    korJobb();
    assertThat(brev()).hasSize(1);
  }

  @Test
  void aMessageAlreadySentIsNotSentAgainByARetriedOrSecondAttempt() {
    fordela();
    korJobb();
    assertThat(brev()).hasSize(1);
    String nyckel = jdbc.sql("select nyckel from meddelande where diarienummer = ?").param(dnr).query(String.class)
        .single();
    Meddelande igen = new Meddelande(nyckel, se.stockholm.ks.diarium.Diarienummer.parse(dnr), Meddelandetyp.REMISS,
        "registrator.slk@ks.demo.example", "Stadsledningskontoret", "Remiss", "text", "<p>text</p>", List.of(), null);

    Utskick.Resultat resultat = utskick.skicka(igen);

    assertThat(resultat.redan()).isTrue();
    assertThat(resultat.status()).isEqualTo(Meddelandestatus.SKICKAT);
    assertThat(brev()).hasSize(1);
  }

  @Test
  void aMessageLeftBeingSentByANodeThatStoppedIsNotSentAgainUntilAnAdministratorDecides() {
    fordela();
    // run jobs until the e-mail step waits: the remiss process exists, its message not yet
    for (int i = 0; i < 20 && jobb("Task_EpostaRemiss") == null; i++) {
      korEttVarv(managementService.createJobQuery().executable().list());
    }
    String pi = remissinstans();
    String nyckel = "REMISS:" + pi + ":registrator.slk@ks.demo.example";
    // a node began sending 10 minutes ago and stopped before it could mark the message sent
    jdbc.sql("""
            insert into meddelande (nyckel, message_id, diarienummer, meddelandetyp, mottagare, mottagare_namn, amne,
              text_innehall, html_innehall, status, forsok, skapad, skickas_sedan, nod)
            values (?, '<x@ks.demo.example>', ?, 'REMISS', 'registrator.slk@ks.demo.example', 'Stadsledningskontoret',
              'Remiss', 'text', '<p>text</p>', 'SKICKAS', 1, ?, ?, 'nod-b/4711')""")
        .params(nyckel, dnr, OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10))
        .update();

    korJobb();
    Job jobb = jobb("Task_EpostaRemiss");
    assertThat(jobb.getExceptionMessage()).contains("Det är oklart om e-posten till registrator.slk@ks.demo.example");
    assertThat(status()).isEqualTo("OKLART");
    assertThat(brev()).as("skickas inte av sig självt").isEmpty();
    managementService.setJobRetries(jobb.getId(), 1);
    klockan(ClockUtil.getCurrentTime().getTime() + 61_000);
    assertThat(brev()).isEmpty();

    // the outbox shows it; a non-administrator may neither see nor decide
    assertThat(api.get("registrator", "/meddelanden").status()).isEqualTo(403);
    long id = jdbc.sql("select id from meddelande where nyckel = ?").param(nyckel).query(Long.class).single();
    assertThat(api.postJson("registrator", "/meddelanden/" + id + "/skicka-igen", "{}").status()).isEqualTo(403);
    Api.Svar sida = api.get("admin", "/meddelanden?dnr=" + dnr.replace(" ", "%20").replace("/", "%2F"));
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.text()).contains("Oklart om det skickades", "POST /meddelanden/" + id + "/skicka-igen");

    Api.Svar beslut = api.postJson("admin", "/meddelanden/" + id + "/skicka-igen", "{}");
    assertThat(beslut.status()).as(beslut.text()).isEqualTo(200);
    assertThat(api.postJson("admin", "/meddelanden/" + id + "/skicka-igen", "{}").status()).as("bara en gång")
        .isEqualTo(409);
    managementService.setJobRetries(jobb.getId(), 1);
    klockan(ClockUtil.getCurrentTime().getTime() + 61_000);
    assertThat(brev()).hasSize(1);
    assertThat(status()).isEqualTo("SKICKAT");
  }

  @Test
  void aMessageBeingSentNowByAnotherNodeIsLeftToIt() {
    fordela();
    for (int i = 0; i < 20 && jobb("Task_EpostaRemiss") == null; i++) {
      korEttVarv(managementService.createJobQuery().executable().list());
    }
    String pi = remissinstans();
    jdbc.sql("""
            insert into meddelande (nyckel, message_id, diarienummer, meddelandetyp, mottagare, mottagare_namn, amne,
              text_innehall, html_innehall, status, forsok, skapad, skickas_sedan, nod)
            values (?, '<x@ks.demo.example>', ?, 'REMISS', 'registrator.slk@ks.demo.example', 'Stadsledningskontoret',
              'Remiss', 'text', '<p>text</p>', 'SKICKAS', 1, ?, ?, 'nod-b/4711')""")
        .params("REMISS:" + pi + ":registrator.slk@ks.demo.example", dnr, OffsetDateTime.now(ZoneOffset.UTC),
            OffsetDateTime.now(ZoneOffset.UTC))
        .update();

    korJobb();

    Job jobb = jobb("Task_EpostaRemiss");
    assertThat(jobb.getExceptionMessage()).contains("skickas just nu av nod-b/4711");
    assertThat(jobb.getRetries()).isEqualTo(4);
    assertThat(status()).isEqualTo("SKICKAS");
    assertThat(brev()).isEmpty();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void fordela() {
    Api.Svar fordelat = api.postJson("registrator", "/engine-rest/task/" + uppgift("registrator", "Task_FordelaArende")
        + "/submit-form", """
        {"variables": {"rotel": {"value": "rotel-i"},
          "remissinstanser": {"value": "[\\"stadsledningskontoret\\"]", "type": "Json"},
          "svarsdatum": {"value": "%s"}}}""".formatted(svarsdatum));
    assertThat(fordelat.status()).as(fordelat.text()).isEqualTo(204);
  }

  /** This test's messages (other tests' cases share the server and may send when the clock moves). */
  private List<Epostserver.Brev> brev() {
    return SMTP.brev().stream().filter(b -> b.amne().contains(dnr)).toList();
  }

  /** GreenMail lists messages per mailbox, not in the order received: found by subject. */
  private Epostserver.Brev brev(String amnetBorjar) {
    List<Epostserver.Brev> b = brev().stream().filter(x -> x.amne().startsWith(amnetBorjar)).toList();
    assertThat(b).as(amnetBorjar).hasSize(1);
    return b.get(0);
  }

  /** @param aktivitet a step of this test's remiss @return its job, or null */
  private Job jobb(String aktivitet) {
    return managementService.createJobQuery().processInstanceId(remissinstans()).activityId(aktivitet).singleResult();
  }

  private String remissinstans() {
    var pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("remiss").processInstanceBusinessKey(dnr)
        .singleResult();
    return pi == null ? "finns-inte" : pi.getId();
  }

  private Incident incident() {
    return runtimeService.createIncidentQuery().processInstanceId(remissinstans()).singleResult();
  }

  private String status() {
    return jdbc.sql("select status from meddelande where diarienummer = ?").param(dnr).query(String.class).single();
  }

  private List<JsonNode> meddelandehandelser() {
    JsonNode arende = api.get("integration", "/api/v1/arenden/" + url).json();
    List<JsonNode> h = new java.util.ArrayList<>();
    arende.path("handelser").forEach(e -> {
      if (e.path("typ").asText().equals("MEDDELANDE_SKICKAT")) {
        h.add(e);
      }
    });
    return h;
  }

  private void klockan(long millis) {
    ClockUtil.setCurrentTime(new Date(millis));
    korJobb();
  }

  private String uppgift(String anvandare, String aktivitet) {
    JsonNode lista = api.get(anvandare, "/engine-rest/task?processInstanceBusinessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F") + "&taskDefinitionKey=" + aktivitet).json();
    assertThat(lista).as(anvandare + " ser " + aktivitet).hasSize(1);
    return lista.get(0).path("id").asText();
  }

  /** Runs due jobs as the job executor would: a failing job counts down its retries. */
  private void korJobb() {
    for (int i = 0; i < 50; i++) {
      List<Job> jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      korEttVarv(jobb);
    }
  }

  private void korEttVarv(List<Job> jobb) {
    for (Job j : jobb) {
      try {
        managementService.executeJob(j.getId());
      } catch (RuntimeException e) {
        // the engine has recorded the failure on the job (retries, exception message)
      }
    }
  }
}
