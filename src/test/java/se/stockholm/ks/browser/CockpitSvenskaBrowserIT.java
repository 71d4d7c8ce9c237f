package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Cockpit and the Welcome page in a browser set to English (US), as the process owner and the
 * administrator meet them: Swedish all the same (no English menu word), the city's name in the header
 * instead of Camunda's, no Camunda 8 banner, and dates as ÅÅÅÅ-MM-DD. A skrivelse is registered and
 * sent on remiss, and its remiss's reminder timer fails for good (no retries left), so that Cockpit has
 * a process instance with an incident to show. Screenshots in {@code target/screenshots/cockpit-svenska/}.
 */
@IntegrationTest
@KraverChromium
class CockpitSvenskaBrowserIT {

  private static final Path BILDER = Path.of("target", "screenshots", "cockpit-svenska");
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final By ANVANDARNAMN = By.cssSelector("input[ng-model='username']");
  private static final By LOSENORD = By.cssSelector("input[ng-model='password']");

  /** Cockpit's and Welcome's English words, as whole words: none may show. */
  private static final Pattern ENGELSKA = Pattern.compile("\\b(Dashboard|Processes|Decisions|Human Tasks|Deployments"
      + "|Batches|More|Running Process Instances|Open Incidents|Open Human Tasks|Process Definitions|Metrics"
      + "|Incidents|Variables|Called Process Instances|User Tasks|Jobs|Instance ID|Business Key|Definition Version"
      + "|Log out|My profile|Welcome|Applications|Profile|Change password|Tasklist|Loading|deployed|running"
      + "|Statistics|Right Now|Last 7 days|Cancel|Retry|Message|Timestamp|Activity|Failing Activity|Action"
      + "|Search|Add criteria|Documentation|Links|Powered by|Date and Time|Failed Job|Message is null|reset zoom|zoom in"
      + "|zoom out)\\b");
  private static final Pattern ISO_DATUM = Pattern.compile("\\b20\\d\\d-[01]\\d-[0-3]\\d\\b");
  private static final Pattern ANNAT_DATUM = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"
      + "|\\b(January|February|March|April|May|June|July|August|September|October|November|December)\\b");

  @LocalServerPort
  int port;
  @Autowired
  FormService formService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;

  private Webblasare b;
  private String cockpit;
  private String dnr;
  private Incident incident;

  @BeforeEach
  void ettArendeMedEnIncident() throws Exception {
    Api api = new Api(port);
    Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik": "Skrivelse om belysning i Vasaparken", "avsandare": {"namn": "Jan Jönsson", "parti": "L"},
         "text": "Vad gör staden?"}""");
    assertThat(registrerad.status()).as(registrerad.text()).isEqualTo(201);
    dnr = registrerad.json().path("diarienummer").asText();
    korJobb();
    LocalDate svarsdatum = new Arbetsdagskalender().laggTillArbetsdagar(LocalDate.now(STOCKHOLM), 20);
    slutfor("Task_FordelaArende", "registrator", Map.of("rotel", "rotel-i",
        "remissinstanser", SpinValues.jsonValue("[\"stadsledningskontoret\"]").create(),
        "svarsdatum", svarsdatum.toString()));

    // a job that fails for good: the remiss's timer with no retries left
    String remiss = runtimeService.createProcessInstanceQuery().processDefinitionKey("remiss")
        .processInstanceBusinessKey(dnr).singleResult().getId();
    Job timer = managementService.createJobQuery().processInstanceId(remiss).timers().list().get(0);
    managementService.setJobRetries(timer.getId(), 0);
    incident = runtimeService.createIncidentQuery().processInstanceId(remiss).singleResult();
    assertThat(incident).isNotNull();

    // Cockpit's Uppgifter page counts the open tasks per candidate group: the process owner may read the
    // count through the engine's REST API too; officials and operations may not
    Api.Svar perGrupp = api.get("processagare", "/engine-rest/task/report/candidate-group-count");
    assertThat(perGrupp.status()).as(perGrupp.text()).isEqualTo(200);
    assertThat(perGrupp.json().findValuesAsText("groupName")).contains("stadsledningskontoret");
    for (String annan : List.of("registrator", "handlaggare", "drift", "integration")) {
      assertThat(api.get(annan, "/engine-rest/task/report/candidate-group-count").status()).as(annan).isEqualTo(403);
    }

    b = new Webblasare(BILDER, 1400, 1000, true);
    cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  @AfterEach
  void stang() throws Exception {
    identityService.clearAuthentication();
    if (b != null) {
      b.close();
    }
  }

  @Test
  void theProcessOwnerAndTheAdministratorSeeCockpitAndWelcomeInSwedish() throws Exception {
    try {
      b.oppna(cockpit);
      b.vanta().until(d -> b.synliga(ANVANDARNAMN).size() == 1);
      assertThat(b.<String>js("return navigator.language;")).as("the browser is English").startsWith("en");
      assertThat(b.driver().findElement(By.cssSelector("form button[type='submit']")).getText().trim())
          .isEqualTo("Logga in");
      assertThat(b.driver().findElement(ANVANDARNAMN).getAttribute("placeholder")).isEqualTo("Användarnamn");
      svenskt("inloggningen");
      b.bild("01-cockpit-inloggning");

      loggaIn("processagare");
      oversikten();
      b.bild("02-processagare-oversikt");

      b.oppna(cockpit + "#/processes");
      b.vanta().until(d -> text().contains("processdefinitioner driftsatta"));
      b.vanta().until(d -> !b.synliga(By.linkText("skrivelse")).isEmpty()
          || text().contains("Skrivelse") || text().contains("skrivelse"));
      svenskt("processerna");
      b.bild("03-processagare-processer");

      // the remiss's definition: its instances with their start times
      b.oppna(cockpit + "#/process-definition/" + incident.getProcessDefinitionId() + "/runtime");
      b.vanta().until(d -> text().contains("Processinstanser") && text().contains(dnr));
      assertThat(text()).contains("Pågående instanser:", "Jobbdefinitioner", "Starttid");
      assertThat(ISO_DATUM.matcher(text()).find()).as("the instances' start as ÅÅÅÅ-MM-DD").isTrue();
      assertThat(ANNAT_DATUM.matcher(text()).find()).as("no English date").isFalse();
      svenskt("processdefinitionen");
      b.bild("04-processagare-processdefinition");

      processinstansenMedIncidenten();
      b.bild("05-processagare-processinstans-med-incident");

      b.oppna(cockpit + "#/tasks");
      // the open tasks per type and per candidate group, without an error
      b.vanta().until(d -> text().contains("Tilldelning per typ") && text().contains("Tilldelning per grupp")
          && text().contains("utan ansvarig") && text().toLowerCase().contains("stadsledningskontoret"));
      assertThat(b.synliga(By.cssSelector(".alert-danger"))).as("no error on the Uppgifter page").isEmpty();
      svenskt("uppgifterna");
      b.bild("06-processagare-uppgifter");

      welcome("processagare");
      b.bild("07-processagare-welcome");

      loggaIn("admin");
      oversikten();
      assertThat(text()).contains("Driftsättningar");
      b.klicka(b.driver().findElement(By.cssSelector("[cam-widget-header] .sections-menu .dropdown-toggle")));
      b.vanta().until(d -> !b.synliga(By.linkText("Batchar")).isEmpty());
      svenskt("menyn Mer");
      b.bild("08-admin-oversikt-menyn-mer");
      b.klicka(b.driver().findElement(By.cssSelector("[cam-widget-header] .sections-menu .dropdown-toggle")));

      b.oppna(cockpit + "#/repository");
      b.vanta().until(d -> text().contains("skrivelseprocessen") && text().contains("Välj en resurs i listan"));
      assertThat(text()).contains("Driftsättningstid", "Tid:", "Källa:", "skrivelse.bpmn");
      svenskt("driftsättningarna");
      assertThat(ISO_DATUM.matcher(text()).find()).as("the deployments' dates as ÅÅÅÅ-MM-DD").isTrue();
      b.bild("09-admin-driftsattningar");

      processinstansenMedIncidenten();
      b.bild("10-admin-processinstans-med-incident");

      welcome("admin");
      assertThat(text()).contains("Admin", "Cockpit", "Uppgiftslista");
      b.bild("11-admin-welcome");
    } catch (Throwable t) {
      b.sparaSidan("FEL");
      throw t;
    }
  }

  private void oversikten() {
    b.oppna(cockpit + "#/dashboard");
    b.vanta().until(d -> text().contains("Pågående processinstanser") && text().contains("Öppna incidenter"));
    List<String> meny = b.synliga(By.cssSelector("[cam-widget-header] .sections-menu a")).stream()
        .map(WebElement::getText).map(String::trim).filter(s -> !s.isEmpty()).toList();
    assertThat(meny).contains("Processer", "Uppgifter");
    assertThat(b.driver().findElement(By.cssSelector("[cam-widget-header] .navbar-brand")).getText())
        .contains("Stockholms stad", "Kommunstyrelsen").doesNotContain("Camunda");
    assertThat(b.driver().getTitle()).contains("Kommunstyrelsen").doesNotContain("Camunda");
    assertThat(b.synliga(By.cssSelector(".ce-eol-banner"))).as("no Camunda 8 banner").isEmpty();
    svenskt("översikten");
  }

  /** The remiss with its incident: the incident's time as ÅÅÅÅ-MM-DD HH:mm. */
  private void processinstansenMedIncidenten() {
    b.oppna(cockpit + "#/process-instance/" + incident.getProcessInstanceId() + "/runtime?tab=incidents-tab");
    b.vanta().until(d -> text().contains(dnr) && text().contains("Misslyckat jobb"));
    String sida = text();
    assertThat(sida).contains("Incidenter", "Instansens id:", "Affärsnyckel:", "Påminnelse före svarsdatum",
        "Inget meddelande.");
    assertThat(ISO_DATUM.matcher(sida).find()).as("a date as ÅÅÅÅ-MM-DD").isTrue();
    assertThat(ANNAT_DATUM.matcher(sida).find()).as("no English date").isFalse();
    svenskt("processinstansen");
  }

  private void welcome(String anvandare) {
    b.oppna("http://localhost:" + port + "/camunda/app/welcome/default/");
    b.vanta().until(d -> text().contains("Tjänster") && text().contains("Byt lösenord"));
    assertThat(text()).contains("Cockpit", "Profil");
    assertThat(b.driver().getTitle()).contains("Kommunstyrelsen").doesNotContain("Camunda");
    assertThat(b.synliga(By.cssSelector(".ce-eol-banner"))).isEmpty();
    svenskt("welcome som " + anvandare);
  }

  private void loggaIn(String anvandare) {
    b.driver().manage().deleteAllCookies();
    b.oppna("about:blank");
    b.oppna(cockpit);
    b.vanta().until(d -> b.synliga(ANVANDARNAMN).size() == 1 && b.synliga(LOSENORD).size() == 1
        && "complete".equals(b.js("return document.readyState;")));
    b.vanta().until(d -> {
      b.skrivIn(ANVANDARNAMN, anvandare);
      b.skrivIn(LOSENORD, "demo");
      return anvandare.equals(d.findElement(ANVANDARNAMN).getAttribute("value"));
    });
    b.klicka(b.driver().findElement(By.cssSelector("form button[type='submit']")));
    b.vanta().until(ExpectedConditions.invisibilityOfElementLocated(ANVANDARNAMN));
    b.vanta().until(d -> !b.synliga(By.cssSelector("[cam-widget-header] .navbar-brand")).isEmpty());
  }

  /** No English word of Cockpit or Welcome in what the page shows, nor in its tooltips. */
  private void svenskt(String sida) {
    String text = text();
    var engelska = ENGELSKA.matcher(text);
    assertThat(engelska.find() ? engelska.group() : null).as("%s: English in: %s", sida, text).isNull();
    List<String> titlar = b.js("return Array.prototype.map.call(document.querySelectorAll('[title]'),"
        + " function (e) { return e.offsetParent !== null ? e.getAttribute('title') : ''; });");
    assertThat(titlar.stream().filter(t -> ENGELSKA.matcher(t).find()).toList()).as(sida + ": tooltips").isEmpty();
  }

  private String text() {
    return b.js("return document.body.innerText;");
  }

  private void slutfor(String aktivitet, String anvandare, Map<String, Object> varden) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey(aktivitet).singleResult();
    assertThat(task).as(dnr + ": " + aktivitet).isNotNull();
    identityService.setAuthentication(anvandare, identityService.createGroupQuery().groupMember(anvandare).list()
        .stream().map(Group::getId).toList());
    try {
      taskService.claim(task.getId(), anvandare);
      formService.submitTaskForm(task.getId(), Variables.fromMap(varden));
    } finally {
      identityService.clearAuthentication();
    }
    korJobb();
  }

  private void korJobb() {
    for (int varv = 0; varv < 100; varv++) {
      List<Job> jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      jobb.forEach(j -> managementService.executeJob(j.getId()));
    }
    throw new IllegalStateException("Jobben tar aldrig slut");
  }
}
