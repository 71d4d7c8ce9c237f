package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelse;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;

/**
 * The base of the process tests: the real application (delegates, diarium on in-memory H2,
 * calendar, sammanträdesplan) on its own Spring Boot engine, named {@value #MOTOR} so that no
 * other engine in the JVM can be taken for it, with the job executor off (the tests execute due
 * jobs and timers themselves, on the engine clock). Camunda BPM Assert is bound to this engine
 * before every test.
 *
 * <p>Every subclass has exactly this configuration, so one cached application context serves all
 * of them. Between tests every running process instance is deleted and the meetings' protokoll
 * register and the meetings emptied; diarium cases stay, and each test makes its own.
 *
 * <p>Coverage: camunda-process-test-coverage records every flow node and sequence flow the tests
 * of a class pass through; after the class, {@link #processtackning()} prints a line per model and
 * requires the class's own model ({@link #modell()}) to be covered completely.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.process-engine-name=" + Processtest.MOTOR,
    // no web server: the engine REST API (Jersey) has nothing to register with
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Processtest {

  /** The name of the process tests' engine. */
  static final String MOTOR = "processtest";

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  FormService formService;
  @Autowired
  Diarium diarium;
  @Autowired
  JdbcClient jdbc;
  Arendefixtur fixtur;

  /** @return the key of the model this class tests, which it must cover completely */
  abstract String modell();

  @BeforeEach
  void bindAssertionsToTheApplicationsEngine() {
    assertThat(processEngine.getName()).isEqualTo(MOTOR);
    BpmnAwareTests.init(processEngine);
    fixtur = new Arendefixtur(runtimeService, diarium);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    List<String> running = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "Testet är slut", true, true);
    }
    jdbc.sql("delete from ks_protokoll").update();
    jdbc.sql("delete from sammantrade_dokument").update();
    jdbc.sql("delete from sammantrade_arende").update();
    jdbc.sql("delete from sammantrade").update();
    BpmnAwareTests.reset();
  }

  @AfterAll
  void processtackning() {
    Map<String, Modelltackning.Tackning> tackning = Modelltackning.perModell(processEngine);
    assertThat(tackning).as("modeller som testerna i %s körde", getClass().getSimpleName()).containsKey(modell());
    Modelltackning.Tackning egen = tackning.get(modell());
    // one line per model, printed by the class that owns it (the others only pass through it)
    System.out.println();
    System.out.println("  " + egen.rad() + "   [" + getClass().getSimpleName() + "]");
    System.out.println();
    assertThat(egen.saknade()).as("flödesnoder och sekvensflöden i %s som inget test passerar", modell()).isEmpty();
    assertThat(egen.fullstandig()).isTrue();
  }

  // --- the clock ---------------------------------------------------------------------------------

  /**
   * Sets the engine clock.
   *
   * @param tid Swedish local time, e.g. {@code 2025-12-16T07:00}
   */
  static void klockan(String tid) {
    ClockUtil.setCurrentTime(tid(tid));
  }

  /**
   * @param tid Swedish local time, e.g. {@code 2025-12-19T23:59:59}
   * @return the point in time
   */
  static Date tid(String tid) {
    return Date.from(LocalDateTime.parse(tid).atZone(STOCKHOLM).toInstant());
  }

  /** Moves the engine clock forward. */
  static void spolaFram(Duration hur) {
    ClockUtil.setCurrentTime(om(hur));
  }

  /** @return the engine clock's now plus {@code hur} */
  static Date om(Duration hur) {
    return new Date(ClockUtil.getCurrentTime().getTime() + hur.toMillis());
  }

  /** @return today by the engine clock */
  static LocalDate idag() {
    return ClockUtil.getCurrentTime().toInstant().atZone(STOCKHOLM).toLocalDate();
  }

  // --- jobs ---------------------------------------------------------------------------------------

  /** @return the jobs due by the engine clock (timers whose time has come, continuations) */
  List<Job> forfallnaJobb() {
    return managementService.createJobQuery().executable().list().stream()
        .sorted(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  /**
   * Executes the due jobs one at a time, the earliest first (a continuation that a job creates
   * runs before a timer that became due later), until none is due, as the job executor would.
   *
   * @return how many jobs ran
   */
  int korForfallnaJobb() {
    int korda = 0;
    for (List<Job> jobb = forfallnaJobb(); !jobb.isEmpty(); jobb = forfallnaJobb()) {
      managementService.executeJob(jobb.get(0).getId());
      korda++;
      assertThat(korda).as("jobb i rad (en loop i modellen?)").isLessThan(200);
    }
    return korda;
  }

  /**
   * @param aktivitet a timer event's id
   * @return the timer job of that event (exactly one)
   */
  Job timer(String aktivitet) {
    return managementService.createJobQuery().timers().activityId(aktivitet).singleResult();
  }

  /**
   * @param aktivitet a timer event's id
   * @return the timer jobs of that event
   */
  List<Job> timrar(String aktivitet) {
    return managementService.createJobQuery().timers().activityId(aktivitet).list();
  }

  // --- tasks --------------------------------------------------------------------------------------

  /**
   * @param aktivitet the user task's id
   * @return the one open task of that activity
   */
  Task uppgift(String aktivitet) {
    return taskService.createTaskQuery().taskDefinitionKey(aktivitet).singleResult();
  }

  /**
   * @param aktivitet the user task's id
   * @param affarsnyckel the business key, the diarienummer
   * @return the one open task of that activity in that ärende
   */
  Task uppgift(String aktivitet, String affarsnyckel) {
    return taskService.createTaskQuery().taskDefinitionKey(aktivitet).processInstanceBusinessKey(affarsnyckel)
        .singleResult();
  }

  /**
   * @param aktivitet the user task's id
   * @return its open tasks
   */
  List<Task> uppgifter(String aktivitet) {
    return taskService.createTaskQuery().taskDefinitionKey(aktivitet).list();
  }

  /**
   * Completes a task with what its form submits, as Tasklist does (TaskService).
   *
   * @param task the task
   * @param formular the form's values
   */
  void slutfor(Task task, Map<String, Object> formular) {
    assertThat(task).as("öppen uppgift").isNotNull();
    taskService.complete(task.getId(), formular);
  }

  /**
   * @param task a task
   * @return its candidate groups
   */
  List<String> kandidatgrupper(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).sorted().toList();
  }

  // --- the diarium --------------------------------------------------------------------------------

  List<Handling> handlingar(String dnr) {
    return diarium.handlingar(Diarienummer.parse(dnr));
  }

  /** The ärende's events without the messages' ({@link #meddelandehandelser}). */
  List<Handelse> handelser(String dnr) {
    return diarium.handelser(Diarienummer.parse(dnr)).stream()
        .filter(h -> h.handelsetyp() != Handelsetyp.MEDDELANDE_SKICKAT).toList();
  }

  /** The events that record the ärende's messages (recipient, subject, time). */
  List<Handelse> meddelandehandelser(String dnr) {
    return diarium.handelser(Diarienummer.parse(dnr)).stream()
        .filter(h -> h.handelsetyp() == Handelsetyp.MEDDELANDE_SKICKAT).toList();
  }

  /** The case's own events: without the registration of each handling and without the messages ({@link #meddelanden}). */
  List<Handelsetyp> handelsetyper(String dnr) {
    return handelser(dnr).stream().map(Handelse::handelsetyp)
        .filter(t -> t != Handelsetyp.HANDLING_REGISTRERAD).toList();
  }

  /**
   * @param dnr an ärende
   * @return its messages in the order sent, as "TYP adress" (the process tests keep them in the outbox)
   */
  List<String> meddelanden(String dnr) {
    return jdbc.sql("select meddelandetyp, mottagare, status from meddelande where diarienummer = ? order by id")
        .param(dnr).query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list();
  }

  String text(String dokumentnummer) {
    return diarium.innehall(dokumentnummer).orElseThrow().text();
  }
}
