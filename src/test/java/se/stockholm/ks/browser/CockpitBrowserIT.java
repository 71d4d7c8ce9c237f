package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import se.stockholm.ks.support.IntegrationTest;

/**
 * Every process model as the process owner sees it in Cockpit, with running instances so that the
 * tokens show: four skrivelser are taken (through the forms, as their roles) to the remiss, to
 * borgarrådsberedningen, to kommunstyrelsen and past the beslut (the protokoll waiting for its
 * justering). For each of skrivelse, remiss, borgarradsberedning, kommunstyrelsen and protokoll,
 * {@code processagare} opens the definition; the test checks that bpmn-js drew every shape and
 * flow of the model's diagram interchange (no more, no fewer, no error) with the token counts on
 * the right activities, and saves the diagram, maximized at full scale, as
 * {@code target/screenshots/cockpit/<key>.png} to be looked at.
 */
@IntegrationTest
@KraverChromium
class CockpitBrowserIT {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final Path BILDER = Path.of("target", "screenshots", "cockpit");
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";

  /** Where each model has its running instances' tokens: activity id → number of instances. */
  private static final Map<String, Map<String, String>> POLLETTER = new LinkedHashMap<>();

  static {
    POLLETTER.put("skrivelse", Map.of("CallActivity_Remiss", "1", "CallActivity_Borgarradsberedning", "1",
        "CallActivity_Kommunstyrelsen", "1", "Event_ProtokollAnslaget", "1"));
    POLLETTER.put("remiss", Map.of("Task_SkrivTjanstutlatande", "1"));
    POLLETTER.put("borgarradsberedning", Map.of("Task_RegistreraUtfallIBrb", "1"));
    POLLETTER.put("kommunstyrelsen", Map.of("Task_RegistreraBeslutIKs", "1"));
    POLLETTER.put("protokoll", Map.of("Task_JusteraProtokollet", "1"));
  }

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  FormService formService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;

  private Webblasare b;

  @BeforeEach
  void arendenPaVarjeStallePaVagen() {
    klocka(LocalDateTime.of(2026, 1, 7, 10, 0));
    String remiss = registrera("Skrivelse om cykelbanor på Sveavägen", "Anna Lindqvist", "M");
    String brb = registrera("Skrivelse om simundervisning för nyanlända elever", "Karl Berg", "C");
    String ks = registrera("Skrivelse om stadens kostnader för konsulttjänster", "Erik Holm", "KD");
    String beslutat = registrera("Skrivelse om belysning i Vasaparken", "Jan Jönsson", "L");
    fordela(remiss, "2026-03-02");
    for (String dnr : List.of(brb, ks, beslutat)) {
      fordela(dnr, "2026-01-19");
    }
    klocka(LocalDateTime.of(2026, 1, 16, 14, 0));
    for (String dnr : List.of(brb, ks, beslutat)) {
      slutfor(dnr, "Task_SkrivTjanstutlatande", "handlaggare", Map.of("tjanstutlatandeDatum", "2026-01-16",
          "tjanstutlatandeText", "Stadsledningskontoret har inget att invända."));
    }
    klocka(LocalDateTime.of(2026, 1, 21, 10, 0));
    for (String dnr : List.of(brb, ks, beslutat)) {
      slutfor(dnr, "Task_UpprattaPromemoria", "rotel1", Map.of(
          "forslagTillBeslut", "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.",
          "sammanfattning", "Skrivelsen frågar om stadens arbete.", "synpunkter", "Staden arbetar vidare med frågan.",
          "promemoriaDatum", "2026-01-21", "undertecknare", "Karin Wanngård"));
    }
    klocka(LocalDateTime.of(2026, 1, 28, 9, 0));
    for (String dnr : List.of(ks, beslutat)) {
      slutfor(dnr, "Task_RegistreraUtfallIBrb", "brbsekreterare", Map.of("brbUtfall", "TILLSTYRKER",
          "brbSarskildaUttalanden", SpinValues.jsonValue("[]").create()));
    }
    klocka(LocalDateTime.of(2026, 2, 4, 9, 30));
    slutfor(beslutat, "Task_RegistreraBeslutIKs", "kssekreterare", Map.of("ksBeslut", "BESLUT",
        "beslutstext", "Skrivelsen besvaras med hänvisning till vad som sägs i promemorian.", "paragraf", "§ 4",
        "ksSarskildaUttalanden", SpinValues.jsonValue("[]").create(),
        "ksReservationer", SpinValues.jsonValue("[]").create()));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("KS 2026-02-04")
        .taskDefinitionKey("Task_JusteraProtokollet").count()).isEqualTo(1);
  }

  @AfterEach
  void stang() throws Exception {
    ClockUtil.reset();
    identityService.clearAuthentication();
    if (b != null) {
      b.close();
    }
  }

  @Test
  void processagarenSerVarjeModellRitadMedSinaPolletter() throws Exception {
    b = new Webblasare(BILDER, 1400, 1000);
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
    try {
      b.oppna(cockpit);
      By anvandarnamn = By.cssSelector("input[ng-model='username']");
      By losenord = By.cssSelector("input[ng-model='password']");
      b.vanta().until(d -> b.synliga(anvandarnamn).size() == 1 && b.synliga(losenord).size() == 1);
      b.vanta().until(d -> {
        b.skrivIn(anvandarnamn, "processagare");
        b.skrivIn(losenord, "demo");
        return "processagare".equals(d.findElement(anvandarnamn).getAttribute("value"));
      });
      b.klicka(b.driver().findElement(By.cssSelector("form button[type='submit']")));
      b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .navbar-brand")));
      b.vanta().until(d -> !b.synliga(By.linkText("Processer")).isEmpty());

      for (var modell : POLLETTER.entrySet()) {
        visaModellen(cockpit, modell.getKey(), modell.getValue());
      }
    } catch (Throwable t) {
      b.sparaSidan("FEL");
      throw t;
    }
  }

  private void visaModellen(String cockpit, String nyckel, Map<String, String> polletter) throws Exception {
    Diagram diagram = diagram(nyckel);
    // room for the whole diagram at full scale, with Cockpit's header and the tabs below it
    b.driver().manage().window().setSize(new Dimension(Math.max(1400, diagram.bredd() + 200),
        Math.max(1000, diagram.hojd() + 500)));
    String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(nyckel).latestVersion()
        .singleResult().getId();
    b.oppna(cockpit + "#/process-definition/" + id + "/runtime");

    // every element of the model is drawn, and nothing else
    b.vanta().until(d -> ritade().containsAll(diagram.element()));
    assertThat(ritade()).as(nyckel + ": ritade element").isEqualTo(diagram.element());
    assertThat(b.synliga(By.cssSelector(".alert-danger, .alert-error, [cam-widget-loader] .loader-state.error")))
        .as(nyckel + ": felmeddelanden").isEmpty();
    assertThat(this.<Number>js("return document.querySelectorAll('.djs-element.djs-connection').length").intValue())
        .as(nyckel + ": flöden").isEqualTo(diagram.floden());
    assertThat(this.<Number>js("return Array.prototype.filter.call(document.querySelectorAll('.djs-element.djs-shape'),"
        + " function (e) { return !/_label$/.test(e.getAttribute('data-element-id')); }).length").intValue())
        .as(nyckel + ": former").isEqualTo(diagram.former());

    polletterSyns(polletter);

    // the diagram as large as it gets (at most full scale), the side bar out of the way
    // clicked through the DOM: with a wide model the diagram's hit areas can lie over these links
    b.synliga(By.cssSelector(".ctn-sidebar a.hide-collapsable")).stream().findFirst().ifPresent(this::klicka);
    b.synliga(By.cssSelector("a.maximize-collapsable[title='Maximera diagrammet']")).stream().findFirst()
        .ifPresent(this::klicka);
    b.vanta().until(d -> this.<Boolean>js("var c = document.querySelector('.djs-container');"
        + " return c.clientHeight > window.innerHeight * 0.6 && c.getBoundingClientRect().left < 60;"));
    // "reset zoom" fits the diagram to the canvas as the canvas knows its size: clicked again until it has
    // caught up with the maximized layout (checked once a second, so each fit can settle)
    new WebDriverWait(b.driver(), Webblasare.VANTETID, Duration.ofSeconds(1)).until(d -> {
      if (Math.abs(skala() - Math.min(1, storstaMojligaSkala())) < 0.03) {
        return true;
      }
      klicka(d.findElement(By.cssSelector("button[ng-click='resetZoom()']")));
      return false;
    });
    assertThat(skala()).as(nyckel + ": skala").isGreaterThan(0.9);
    // bpmn-js hides the overlays while the view changes and shows them again when it has settled
    polletterSyns(polletter);
    b.bild(nyckel);
  }

  private void klicka(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].click();", element);
  }

  /** The running instances' tokens, counted on their activities. */
  private void polletterSyns(Map<String, String> polletter) {
    for (var pollett : polletter.entrySet()) {
      By markering = By.cssSelector(".djs-overlays[data-container-id='" + pollett.getKey() + "'] .instance-count");
      b.vanta().until(d -> b.synliga(markering).stream().anyMatch(e -> e.getText().trim().equals(pollett.getValue())));
    }
  }

  /** The ids of the drawn elements (shapes and flows; labels are part of their element). */
  private Set<String> ritade() {
    List<String> ids = js("return Array.prototype.map.call(document.querySelectorAll('.djs-element[data-element-id]'),"
        + " function (e) { return e.getAttribute('data-element-id'); });");
    Set<String> set = new TreeSet<>();
    ids.stream().filter(i -> !i.endsWith("_label")).forEach(set::add);
    return set;
  }

  /** The canvas's current scale (bpmn-js's viewport transform). */
  private double skala() {
    Number s = js("var v = document.querySelector('.djs-container svg .viewport');"
        + " return v && v.transform.baseVal.numberOfItems ? v.transform.baseVal.getItem(0).matrix.a : 0;");
    return s.doubleValue();
  }

  /** The scale at which the whole diagram fits the canvas (fit-viewport never zooms in past 1). */
  private double storstaMojligaSkala() {
    Number s = js("var c = document.querySelector('.djs-container'); var v = document.querySelector('.djs-container svg .viewport');"
        + " var r = v.getBBox(); return Math.min(c.clientWidth / r.width, c.clientHeight / r.height);");
    return s.doubleValue();
  }

  private <T> T js(String skript) {
    return b.js(skript);
  }

  /** The model's diagram interchange: what bpmn-js must draw. */
  private record Diagram(Set<String> element, int former, int floden, int bredd, int hojd) {
  }

  private Diagram diagram(String nyckel) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/" + nyckel + ".bpmn")) {
      assertThat(in).as("bpmn/" + nyckel + ".bpmn").isNotNull();
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      var dok = f.newDocumentBuilder().parse(in);
      Set<String> element = new TreeSet<>();
      NodeList former = dok.getElementsByTagNameNS(BPMNDI, "BPMNShape");
      NodeList floden = dok.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
      for (NodeList lista : List.of(former, floden)) {
        for (int i = 0; i < lista.getLength(); i++) {
          element.add(((Element) lista.item(i)).getAttribute("bpmnElement"));
        }
      }
      int bredd = 0;
      int hojd = 0;
      for (int i = 0; i < former.getLength(); i++) {
        Element bounds = (Element) ((Element) former.item(i)).getElementsByTagNameNS(DC, "Bounds").item(0);
        bredd = Math.max(bredd, (int) Math.ceil(Double.parseDouble(bounds.getAttribute("x"))
            + Double.parseDouble(bounds.getAttribute("width"))));
        hojd = Math.max(hojd, (int) Math.ceil(Double.parseDouble(bounds.getAttribute("y"))
            + Double.parseDouble(bounds.getAttribute("height"))));
      }
      assertThat(dok.getElementsByTagNameNS(BPMN, "process").getLength()).isEqualTo(1);
      return new Diagram(element, former.getLength(), floden.getLength(), bredd, hojd);
    }
  }

  // --- the cases, through the forms as their roles -----------------------------------------------

  private String registrera(String rubrik, String namn, String parti) {
    som("registrator");
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("skrivelse")
        .latestVersion().singleResult().getId();
    String dnr = formService.submitStartForm(definition, Variables.createVariables().putValue("rubrik", rubrik)
        .putValue("avsandareNamn", namn).putValue("avsandareParti", parti).putValue("avsandareRoll", "oppositionsborgarråd")
        .putValue("inkom", ClockUtil.now().toInstant().atZone(STOCKHOLM).toLocalDate().toString())
        .putValue("fragor", "Vad gör staden?")).getBusinessKey();
    identityService.clearAuthentication();
    korJobb();
    return dnr;
  }

  private void fordela(String dnr, String svarsdatum) {
    slutfor(dnr, "Task_FordelaArende", "registrator", Map.of("rotel", "rotel-i",
        "remissinstanser", SpinValues.jsonValue("[\"stadsledningskontoret\"]").create(), "svarsdatum", svarsdatum));
  }

  private void slutfor(String dnr, String aktivitet, String anvandare, Map<String, Object> varden) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey(aktivitet).singleResult();
    assertThat(task).as(dnr + ": " + aktivitet).isNotNull();
    som(anvandare);
    try {
      taskService.claim(task.getId(), anvandare);
      formService.submitTaskForm(task.getId(), Variables.fromMap(varden));
    } finally {
      identityService.clearAuthentication();
    }
    korJobb();
  }

  private void som(String anvandare) {
    identityService.setAuthentication(anvandare, identityService.createGroupQuery().groupMember(anvandare).list()
        .stream().map(Group::getId).toList());
  }

  private void klocka(LocalDateTime tid) {
    ClockUtil.setCurrentTime(Date.from(tid.atZone(STOCKHOLM).toInstant()));
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
