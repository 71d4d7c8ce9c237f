package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Texts from a case are shown as text in EVERY user task form (issue 23): one ärende whose rubrik and
 * avsändare carry HTML ({@code <a href=…>}, {@code <img src=x onerror=…>}), Markdown and form templates
 * ({@code {{…}}}) is registered through {@code /api/v1} and driven by the engine through every user task
 * of every model — fördela ärendet, skriv tjänsteutlåtande, hantera försenat remissvar, upprätta
 * promemoria, registrera utfall i BRB, lämna särskilt uttalande, registrera beslut i KS, justera and
 * anslå protokollet, ange sammanträde för BRB and för KS — and each task is opened in Camunda Tasklist
 * in headless Chromium by the official who does it. In each form: no element made from the texts (no
 * link, no image), no script of theirs ran ({@code onerror} sets {@code window.ksOnd}), no template
 * in them evaluated, and the texts read exactly as they were written. The test also checks that it
 * opened every user task the deployed models have, so a new task cannot slip past it.
 */
@IntegrationTest
@KraverChromium
class FientligaTexterBrowserIT {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final Path BILDER = Path.of("target", "screenshots", "fientliga-texter");

  /** A rubrik with a link, an image whose error handler runs script, Markdown and templates. */
  static final String RUBRIK = "Skrivelse om <a href=\"https://ond.example/\" id=\"ks-ond-lank\">länk</a>"
      + "<img src=\"x\" id=\"ks-ond-bild\" onerror=\"window.ksOnd = 'rubrik'\"> [md](https://ond.example/md) "
      + "{{diarienummer}} {{#if rubrik}}mall{{/if}} & <b>fet</b>";
  /** A sender's name of the same kind. */
  static final String AVSANDARE_NAMN = "Jan <img src=x id=ks-ond-avs onerror=\"window.ksOnd='avsandare'\">"
      + "<a href=\"https://ond.example/avs\" id=\"ks-ond-avslank\">Jönsson</a> {{rubrik}}";
  /** The avsändare as the forms show it. */
  static final String AVSANDARE = AVSANDARE_NAMN + " (L), oppositionsborgarråd";

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RepositoryService repositoryService;

  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> oppnade = new LinkedHashSet<>();
  private Webblasare b;
  private Tasklist tasklist;
  private int bildnummer;

  @BeforeEach
  void startaWebblasaren() throws Exception {
    b = new Webblasare(BILDER, 1400, 1000);
    tasklist = new Tasklist(b, "http://localhost:" + port);
  }

  @AfterEach
  void stangWebblasaren() throws Exception {
    ClockUtil.reset();
    if (b != null) {
      b.close();
    }
  }

  @Test
  void everyUserTaskFormShowsTheCasesHostileRubrikAndAvsandareAsText() throws Exception {
    try {
      klocka(LocalDateTime.of(2025, 11, 26, 10, 15));
      String dnr = registrera();

      visas("registrator", dnr, "Fördela ärendet", "Task_FordelaArende", true);
      slutfor(uppgift(dnr, "Task_FordelaArende"), "rotel", "rotel-i", "remissinstanser",
          lista("stadsledningskontoret"), "svarsdatum", "2025-12-17");

      klocka(LocalDateTime.of(2025, 12, 11, 14, 0));
      visas("handlaggare", dnr, "Skriv tjänsteutlåtande", "Task_SkrivTjanstutlatande", true);

      klocka(LocalDateTime.of(2025, 12, 22, 9, 0));
      visas("registrator", dnr, "Hantera försenat remissvar", "Task_HanteraForsenatRemissvar", true);
      slutfor(uppgift(dnr, "Task_HanteraForsenatRemissvar"), "forsenatRemissvarAtgard", "FORLANG",
          "nyttSvarsdatum", "2026-01-09");
      klocka(LocalDateTime.of(2026, 1, 8, 14, 0));
      slutfor(uppgift(dnr, "Task_SkrivTjanstutlatande"), "tjanstutlatandeText",
          "Stadsledningskontoret hänvisar till den internationella beredningen.", "tjanstutlatandeDatum", "2026-01-08");

      klocka(LocalDateTime.of(2026, 3, 4, 9, 0));
      visas("rotel1", dnr, "Upprätta promemoria", "Task_UpprattaPromemoria", true);
      slutfor(uppgift(dnr, "Task_UpprattaPromemoria"), "sammanfattning", "Sammanfattning.", "beredning",
          "Remitterat till stadsledningskontoret.", "synpunkter", "Synpunkter.", "arendebeskrivning", "Ärendet.",
          "promemoriaDatum", "2026-03-04");

      klocka(LocalDateTime.of(2026, 3, 11, 8, 30));
      visas("brbsekreterare", dnr, "Registrera utfall i BRB", "Task_RegistreraUtfallIBrb", true);
      slutfor(uppgift(dnr, "Task_RegistreraUtfallIBrb"), "brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden",
          lista("L"));

      klocka(LocalDateTime.of(2026, 3, 13, 11, 0));
      visas("liberalerna", dnr, "Lämna särskilt uttalande", "Task_LamnaSarskiltUttalande", true);
      slutfor(uppgift(dnr, "Task_LamnaSarskiltUttalande"), "uttalandeLedamot", "Jan Jönsson", "uttalandeText",
          "Vi hade gärna sett att staden deltog.");

      klocka(LocalDateTime.of(2026, 3, 18, 9, 30));
      visas("kssekreterare", dnr, "Registrera beslut i KS", "Task_RegistreraBeslutIKs", true);
      slutfor(uppgift(dnr, "Task_RegistreraBeslutIKs"), "ksBeslut", "BESLUT", "beslutstext",
          "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.", "paragraf", "12",
          "ksSarskildaUttalanden", SpinValues.jsonValue("[]").create());

      // the protokoll's forms show the meeting, not the case: still nothing of the case's texts as HTML
      klocka(LocalDateTime.of(2026, 3, 20, 10, 0));
      visas("kssekreterare", "KS 2026-03-18", "Justera protokollet", "Task_JusteraProtokollet", false);
      slutfor(uppgift("KS 2026-03-18", "Task_JusteraProtokollet"), "justeringsdatum", "2026-03-20", "justerare",
          "Karin Wanngård, Jan Jönsson");
      klocka(LocalDateTime.of(2026, 3, 23, 10, 0));
      visas("kssekreterare", "KS 2026-03-18", "Anslå protokollet", "Task_AnslaProtokollet", false);

      // the sammanträdesplan has run out: kansli gives the meeting, for BRB and for KS
      klocka(LocalDateTime.of(2027, 12, 6, 10, 0));
      Map<String, Object> arende = arendevariabler(dnr);
      arende.put("rotel", "rotel-i");
      runtimeService.startProcessInstanceByKey("borgarradsberedning", dnr, arende);
      korJobb();
      visas("registrator", dnr, "Ange sammanträde för BRB", "Task_AngeBrbSammantrade", true);
      klocka(LocalDateTime.of(2027, 12, 14, 9, 0));
      arende = arendevariabler(dnr);
      arende.put("brbSammantrade", "2027-12-13");
      runtimeService.startProcessInstanceByKey("kommunstyrelsen", dnr, arende);
      korJobb();
      visas("registrator", dnr, "Ange sammanträde för KS", "Task_AngeKsSammantrade", true);

      assertThat(oppnade).as("varje användaruppgift i de driftsatta modellerna är öppnad i Tasklist")
          .containsExactlyInAnyOrderElementsOf(allaAnvandaruppgifter());
    } catch (Throwable t) {
      b.sparaSidan("FEL-" + String.format("%02d", ++bildnummer));
      throw t;
    }
  }

  // --- steps --------------------------------------------------------------------------------------

  private String registrera() throws Exception {
    ObjectNode n = json.createObjectNode();
    n.put("rubrik", RUBRIK);
    n.putObject("avsandare").put("namn", AVSANDARE_NAMN).put("parti", "L").put("roll", "oppositionsborgarråd");
    n.put("inkom", "2025-11-26T10:15:00+01:00");
    n.putArray("fragor").add("<img src=x onerror=\"window.ksOnd='fraga'\"> {{rubrik}}");
    n.put("text", "Skrivelsens text.");
    Api.Svar svar = new Api(port).postJson("integration", "/api/v1/skrivelser", n.toString(),
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(svar.status()).as(svar.text()).isEqualTo(201);
    korJobb();
    String dnr = svar.json().path("diarienummer").asText();
    assertThat(dnr).startsWith("KS 2025/");
    assertThat(runtimeService.getVariables(runtimeService.createProcessInstanceQuery().processDefinitionKey("skrivelse")
        .processInstanceBusinessKey(dnr).singleResult().getId()))
        .containsEntry("rubrik", RUBRIK).containsEntry("avsandare", AVSANDARE);
    return dnr;
  }

  /**
   * Logs in as {@code anvandare}, opens the task {@code uppgift} of {@code nyckel}, claims it and
   * checks that the case's texts are shown as text.
   *
   * @param visarArendet whether the form shows the case's rubrik and avsändare (the protokoll's do not)
   */
  private void visas(String anvandare, String nyckel, String uppgift, String aktivitet, boolean visarArendet)
      throws Exception {
    tasklist.loggaIn(anvandare);
    Tasklist.Kort kort = tasklist.vantaPaKort(nyckel, uppgift);
    if (visarArendet) {
      assertThat(kort.rubrik()).as("kortets rubrik").isEqualTo(RUBRIK);
    }
    tasklist.oppna(kort);
    tasklist.taUppgift();
    String kontext = tasklist.kontext();
    b.bildAvHelaInnehallet(String.format("%02d-%s-%s", ++bildnummer, anvandare, aktivitet), tasklist.formular());
    ingetSomHtml(uppgift);
    if (visarArendet) {
      assertThat(kontext).as(uppgift + ": rubriken som text").contains(RUBRIK);
      assertThat(kontext).as(uppgift + ": avsändaren som text").contains(AVSANDARE);
    }
    oppnade.add(aktivitet);
  }

  /** Nothing made from the case's texts: no element, no link, no image, no script run. */
  private void ingetSomHtml(String uppgift) {
    assertThat(b.driver().findElements(By.cssSelector("[id^='ks-ond'], a[href*='ond.example'], img[src='x']")))
        .as(uppgift + ": element ur ärendets texter i sidan").isEmpty();
    Object skript = b.js("return window.ksOnd === undefined ? null : String(window.ksOnd);");
    assertThat(skript).as(uppgift + ": skript ur ärendets texter kördes").isNull();
  }

  // --- engine helpers -----------------------------------------------------------------------------

  /** The variables every called model gets from the skrivelse process (as its call activities pass them). */
  private Map<String, Object> arendevariabler(String dnr) {
    String skrivelse = runtimeService.createProcessInstanceQuery().processDefinitionKey("skrivelse")
        .processInstanceBusinessKey(dnr).singleResult().getId();
    Map<String, Object> v = new HashMap<>();
    for (String namn : List.of("diarienummer", "rubrik", "avsandare", "arendeLank")) {
      v.put(namn, runtimeService.getVariable(skrivelse, namn));
    }
    return v;
  }

  /** The user tasks of the latest version of every deployed model. */
  private Set<String> allaAnvandaruppgifter() {
    Set<String> alla = new LinkedHashSet<>();
    for (ProcessDefinition p : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance modell = repositoryService.getBpmnModelInstance(p.getId());
      modell.getModelElementsByType(UserTask.class).forEach(t -> alla.add(t.getId()));
    }
    assertThat(alla).hasSizeGreaterThanOrEqualTo(11);
    return alla;
  }

  private Task uppgift(String nyckel, String aktivitet) {
    List<Task> tasks = new ArrayList<>(taskService.createTaskQuery().taskDefinitionKey(aktivitet).list());
    tasks.removeIf(t -> {
      String bk = runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult()
          .getBusinessKey();
      return bk == null || !bk.contains(nyckel.replace("KS ", ""));
    });
    assertThat(tasks).as(aktivitet + " för " + nyckel).hasSize(1);
    return tasks.get(0);
  }

  /** Submits the task's form as Tasklist does, then runs what falls due. */
  private void slutfor(Task task, Object... namnOchVarden) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < namnOchVarden.length; i += 2) {
      v.put((String) namnOchVarden[i], namnOchVarden[i + 1]);
    }
    formService.submitTaskForm(task.getId(), v);
    korJobb();
  }

  private static JsonValue lista(String... varden) {
    return SpinValues.jsonValue(java.util.Arrays.stream(varden).map(s -> "\"" + s + "\"")
        .collect(Collectors.joining(",", "[", "]"))).create();
  }

  /** Moves the engine's and the browser's clocks, then runs what has fallen due. */
  private void klocka(LocalDateTime tid) {
    ClockUtil.setCurrentTime(Date.from(tid.atZone(STOCKHOLM).toInstant()));
    b.klocka(tid.atZone(STOCKHOLM).toInstant());
    korJobb();
  }

  /** Runs the due jobs (asynchronous steps and timers), as the job executor would. */
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
