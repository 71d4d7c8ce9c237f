package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.stockholm.ks.modeller.Arendefixtur.formular;
import static se.stockholm.ks.modeller.Arendefixtur.pdf;

import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;

/**
 * remiss.bpmn: one remiss to one remissinstans. The remiss is sent 2025-11-28 with svarsdatum
 * Friday 2025-12-19: the task is due 2025-12-19 23:59:59, the reminder goes out three working days
 * before (Tuesday 2025-12-16 07:00) and a missed svarsdatum escalates to KS kansli the first working
 * day after it (Monday 2025-12-22 07:00).
 */
class RemissProcessTest extends Processtest {

  static final String SVARSDATUM = "2025-12-19";

  String dnr;

  @Override
  String modell() {
    return "remiss";
  }

  @BeforeEach
  void givenAnArendeSentOnRemissToStadsledningskontoret() {
    klockan("2025-11-28T10:00");
    dnr = fixtur.nyttArende();
  }

  ProcessInstance skickaRemiss() {
    ProcessInstance remiss = fixtur.startaRemiss(dnr, "stadsledningskontoret", SVARSDATUM);
    assertThat(remiss).isWaitingAt("Task_SkickaRemiss");
    korForfallnaJobb();
    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande");
    return remiss;
  }

  @Test
  void remissIsRegisteredAsSentAndTheTaskIsDueOnSvarsdatumWithTheReminderAsFollowUp() {
    ProcessInstance remiss = skickaRemiss();

    Handling handling = handlingar(dnr).get(1);
    assertThat(handling.dokumentnummer()).isEqualTo(dnr + "-2");
    assertThat(handling.handlingstyp()).isEqualTo(Handlingstyp.REMISS);
    assertThat(handling.status()).isEqualTo(HandlingStatus.EXPEDIERAD);
    assertThat(handling.mottagare()).isEqualTo("Stadsledningskontoret");
    assertThat(handling.datum()).isEqualTo(LocalDate.parse("2025-11-28"));
    assertThat(text(handling.dokumentnummer())).contains("till stadsledningskontoret för yttrande",
        "Svar senast den 19 december 2025.", dnr + "-1");
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT);
    assertThat(meddelanden(dnr)).containsExactly("REMISS registrator.slk@ks.demo.example");
    assertThat(meddelandehandelser(dnr)).singleElement().satisfies(h -> {
      assertThat(h.dokumentnummer()).as("länkad till remissen").isEqualTo(dnr + "-2");
      assertThat(h.beskrivning()).startsWith("E-post till Stadsledningskontoret <registrator.slk@ks.demo.example> lagd "
          + "i utkorgen, inte skickad").contains("”Remiss " + dnr);
    });

    Task task = uppgift("Task_SkrivTjanstutlatande");
    assertThat(kandidatgrupper(task)).containsExactly("stadsledningskontoret");
    assertThat(task.getDueDate()).isEqualTo(tid("2025-12-19T23:59:59"));
    assertThat(task.getFollowUpDate()).isEqualTo(tid("2025-12-16T07:00"));
    assertThat(timer("BoundaryEvent_Paminnelse").getDuedate()).isEqualTo(tid("2025-12-16T07:00"));
    assertThat(timer("BoundaryEvent_SvarsdatumPasserat").getDuedate()).isEqualTo(tid("2025-12-22T07:00"));
    assertThat(remiss).variables()
        .containsEntry("remiss", dnr + "-2")
        .containsEntry("remissinstansNamn", "Stadsledningskontoret")
        .containsEntry("remissinstansGrupp", "stadsledningskontoret");
  }

  @Test
  void tjanstutlatandeInTimeIsRegisteredAsIncomingHandlingAndTheRemissEnds() {
    ProcessInstance remiss = skickaRemiss();
    klockan("2025-12-10T14:00");

    slutfor(uppgift("Task_SkrivTjanstutlatande"), formular(
        "tjanstutlatandeText", "Stadsledningskontoret föreslår att skrivelsen besvaras.",
        "tjanstutlatandeDatum", "2025-12-10",
        "tjanstutlatandeFil", pdf("tjansteutlatande.pdf")));
    assertThat(remiss).isWaitingAt("Task_RegistreraTjanstutlatande");
    korForfallnaJobb();

    assertThat(remiss).isEnded().hasPassed("EndEvent_TjanstutlatandeInkommet")
        .hasNotPassed("Task_SkickaPaminnelse", "Task_HanteraForsenatRemissvar");
    Handling tu = handlingar(dnr).get(2);
    assertThat(tu.dokumentnummer()).isEqualTo(dnr + "-3");
    assertThat(tu.handlingstyp()).isEqualTo(Handlingstyp.TJANSTUTLATANDE);
    assertThat(tu.status()).isEqualTo(HandlingStatus.INKOMMEN);
    assertThat(tu.datum()).isEqualTo(LocalDate.parse("2025-12-10"));
    assertThat(tu.avsandare()).isEqualTo("Stadsledningskontoret");
    assertThat(tu.harFil()).isTrue();
    assertThat(tu.mediatyp()).isEqualTo("application/pdf");
    assertThat(text(tu.dokumentnummer())).isEqualTo("Stadsledningskontoret föreslår att skrivelsen besvaras.");
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.TJANSTUTLATANDE_INKOMMET);
    assertThat(managementService.createJobQuery().count()).as("timrarna tas bort med uppgiften").isZero();
  }

  @Test
  void remissReminderFiresThreeWorkingDaysBeforeSvarsdatum() {
    ProcessInstance remiss = skickaRemiss();

    klockan("2025-12-16T06:59:59");
    assertThat(forfallnaJobb()).as("ingen påminnelse före kl. 07:00").isEmpty();

    klockan("2025-12-16T07:00");
    assertThat(forfallnaJobb()).extracting(Job::getDuedate).containsExactly(tid("2025-12-16T07:00"));
    korForfallnaJobb();

    assertThat(remiss).hasPassed("Task_SkickaPaminnelse", "EndEvent_PaminnelseSkickad")
        .isWaitingAt("Task_SkrivTjanstutlatande");
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.PAMINNELSE_SKICKAD);
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Påminnelse till Stadsledningskontoret: tjänsteutlåtandet ska vara inne senast 2025-12-19.");
    assertThat(meddelanden(dnr)).containsExactly("REMISS registrator.slk@ks.demo.example",
        "PAMINNELSE registrator.slk@ks.demo.example");
    assertThat(timrar("BoundaryEvent_Paminnelse")).isEmpty();
    assertThat(timer("BoundaryEvent_SvarsdatumPasserat").getDuedate()).isEqualTo(tid("2025-12-22T07:00"));
  }

  @Test
  void escalationFiresTheFirstWorkingDayAfterSvarsdatumAndNotTheDayBefore() {
    ProcessInstance remiss = skickaRemiss();
    klockan("2025-12-16T07:00");
    korForfallnaJobb(); // the reminder

    klockan("2025-12-19T23:59:59");
    assertThat(forfallnaJobb()).as("svarsdatum är inte passerat under svarsdagen").isEmpty();
    klockan("2025-12-21T12:00");
    assertThat(forfallnaJobb()).as("dagen före (söndag)").isEmpty();
    klockan("2025-12-22T06:59:59");
    assertThat(forfallnaJobb()).as("en sekund före kl. 07:00").isEmpty();
    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande");

    klockan("2025-12-22T07:00");
    korForfallnaJobb();

    assertThat(remiss).isWaitingAt("Task_HanteraForsenatRemissvar", "Task_SkrivTjanstutlatande")
        .hasPassed("BoundaryEvent_SvarsdatumPasserat");
    assertThat(uppgift("Task_SkrivTjanstutlatande").getDueDate())
        .as("remissinstansens uppgift är kvar, försenad").isEqualTo(tid("2025-12-19T23:59:59"));
    Task forsenat = uppgift("Task_HanteraForsenatRemissvar");
    assertThat(kandidatgrupper(forsenat)).containsExactly("ks-kansli");
    // ks.frister.kansli: two working days, Tuesday 23 and — over Christmas — Monday 29 December
    assertThat(forsenat.getDueDate()).isEqualTo(tid("2025-12-29T23:59:59"));
    // proposal: five working days on, over Christmas and New Year: 23, 29, 30 Dec, 2 and 5 Jan
    assertThat(taskService.getVariable(forsenat.getId(), "nyttSvarsdatum")).isEqualTo("2026-01-05");
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.PAMINNELSE_SKICKAD,
        Handelsetyp.SVARSDATUM_PASSERAT);
  }

  ProcessInstance svarsdatumPasserat() {
    ProcessInstance remiss = skickaRemiss();
    klockan("2025-12-16T07:00");
    korForfallnaJobb(); // the reminder
    klockan("2025-12-22T07:00");
    korForfallnaJobb();
    assertThat(remiss).isWaitingAt("Task_HanteraForsenatRemissvar", "Task_SkrivTjanstutlatande");
    return remiss;
  }

  @Test
  void kansliExtendsSvarsdatumAndTheRemissinstansGetsItsTaskBackWithNewDeadlines() {
    ProcessInstance remiss = svarsdatumPasserat();

    slutfor(uppgift("Task_HanteraForsenatRemissvar"), formular(
        "forsenatRemissvarAtgard", "FORLANG", "nyttSvarsdatum", "2026-01-09"));
    korForfallnaJobb();

    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande").hasPassed("Task_ForlangSvarsdatum");
    assertThat(uppgifter("Task_HanteraForsenatRemissvar")).isEmpty();
    assertThat(remiss).variables().containsEntry("svarsdatum", "2026-01-09")
        .containsEntry("forlangning", dnr + "-3")
        .doesNotContainKeys("nyttSvarsdatum", "forsenatRemissvarAtgard");
    Task task = uppgift("Task_SkrivTjanstutlatande");
    assertThat(task.getDueDate()).isEqualTo(tid("2026-01-09T23:59:59"));
    // three working days before Friday 9 January: 8, 7 and — over trettondedag jul (6 Jan) — Monday 5
    assertThat(task.getFollowUpDate()).isEqualTo(tid("2026-01-05T07:00"));
    assertThat(timer("BoundaryEvent_Paminnelse").getDuedate()).isEqualTo(tid("2026-01-05T07:00"));
    assertThat(timer("BoundaryEvent_SvarsdatumPasserat").getDuedate()).isEqualTo(tid("2026-01-12T07:00"));
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.PAMINNELSE_SKICKAD,
        Handelsetyp.SVARSDATUM_PASSERAT, Handelsetyp.SVARSDATUM_FORLANGT);
    assertThat(meddelanden(dnr)).containsExactly("REMISS registrator.slk@ks.demo.example",
        "PAMINNELSE registrator.slk@ks.demo.example", "SVARSDATUM_PASSERAT ks-kansli@ks.demo.example",
        "FORLANGNING registrator.slk@ks.demo.example");
    assertThat(meddelandehandelser(dnr).get(3).dokumentnummer()).as("länkad till beskedet").isEqualTo(dnr + "-3");
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning()).isEqualTo(
        "Svarsdatum för Stadsledningskontoret förlängt från 2025-12-19 till 2026-01-09; beskedet expedierat som "
            + dnr + "-3.");

    klockan("2026-01-07T10:00");
    // an empty file field arrives as a null value
    slutfor(task, formular("tjanstutlatandeText", "Sent men väl.", "tjanstutlatandeDatum", "2026-01-07",
        "tjanstutlatandeFil", null));
    korForfallnaJobb();
    assertThat(remiss).isEnded().hasPassed("EndEvent_TjanstutlatandeInkommet");
    assertThat(handlingar(dnr)).extracting(Handling::handlingstyp).containsExactly(Handlingstyp.SKRIVELSE,
        Handlingstyp.REMISS, Handlingstyp.FORLANGNING, Handlingstyp.TJANSTUTLATANDE);
    assertThat(handlingar(dnr).get(3).harFil()).isFalse();
  }

  @Test
  void anExtensionIsRegisteredAsAnExpedieradHandlingToTheRemissinstansOnceWhateverTheRetries() {
    ProcessInstance remiss = svarsdatumPasserat();
    klockan("2025-12-22T09:30");

    slutfor(uppgift("Task_HanteraForsenatRemissvar"), formular(
        "forsenatRemissvarAtgard", "FORLANG", "nyttSvarsdatum", "2026-01-09"));
    assertThat(remiss).isWaitingAt("Task_ForlangSvarsdatum");
    korForfallnaJobb();
    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande");

    Handling besked = handlingar(dnr).get(2);
    assertThat(besked.dokumentnummer()).isEqualTo(dnr + "-3");
    assertThat(besked.handlingstyp()).isEqualTo(Handlingstyp.FORLANGNING);
    assertThat(besked.status()).isEqualTo(HandlingStatus.EXPEDIERAD);
    assertThat(besked.mottagare()).isEqualTo("Stadsledningskontoret");
    assertThat(besked.datum()).isEqualTo(LocalDate.parse("2025-12-22"));
    assertThat(besked.rubrik()).startsWith("Förlängt svarsdatum för remiss till Stadsledningskontoret: ");
    assertThat(text(besked.dokumentnummer())).contains("förlänger svarsdatum för remissen av ärende " + dnr,
        ", till stadsledningskontoret.",
        "Nytt svarsdatum: den 9 januari 2026 (tidigare den 19 december 2025).", "Remissen finns som handling " + dnr + "-2.");
    assertThat(diarium.innehall(besked.dokumentnummer()).orElseThrow().struktur())
        .contains("\"remiss\":\"" + dnr + "-2\"", "\"svarsdatum\":\"2026-01-09\"", "\"tidigareSvarsdatum\":\"2025-12-19\"");

    // the step runs again, as after a lost acknowledgement of its job: nothing is registered twice
    runtimeService.createProcessInstanceModification(remiss.getId())
        .cancelAllForActivity("SubProcess_Remisstid").startBeforeActivity("Task_ForlangSvarsdatum")
        .setVariable("nyttSvarsdatum", "2026-01-09").setVariable("svarsdatum", "2025-12-19").execute();
    korForfallnaJobb();
    assertThat(handlingar(dnr)).extracting(Handling::handlingstyp)
        .containsExactly(Handlingstyp.SKRIVELSE, Handlingstyp.REMISS, Handlingstyp.FORLANGNING);
    assertThat(handelsetyper(dnr)).filteredOn(t -> t == Handelsetyp.SVARSDATUM_FORLANGT).hasSize(1);
    assertThat(uppgift("Task_SkrivTjanstutlatande").getDueDate()).isEqualTo(tid("2026-01-09T23:59:59"));
  }

  @Test
  void aLateTjanstutlatandeCanBeRegisteredWhileTheKansliHasNotDecidedAndEndsTheKanslisTask() {
    ProcessInstance remiss = svarsdatumPasserat();
    klockan("2025-12-23T11:00");

    slutfor(uppgift("Task_SkrivTjanstutlatande"), formular(
        "tjanstutlatandeText", "Sent, men här är svaret.", "tjanstutlatandeDatum", "2025-12-23"));

    assertThat(uppgifter("Task_HanteraForsenatRemissvar")).as("kansliets uppgift avslutas när svaret kommer först")
        .isEmpty();
    assertThat(remiss).isWaitingAt("Task_RegistreraTjanstutlatande");
    korForfallnaJobb();
    assertThat(remiss).isEnded().hasPassed("EndEvent_TjanstutlatandeSkrivet", "EndEvent_TjanstutlatandeInkommet")
        .hasNotPassed("Task_ForlangSvarsdatum", "Task_RegistreraUteblivetRemissvar");
    Handling tu = handlingar(dnr).get(2);
    assertThat(tu.handlingstyp()).isEqualTo(Handlingstyp.TJANSTUTLATANDE);
    assertThat(tu.datum()).isEqualTo(LocalDate.parse("2025-12-23"));
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.PAMINNELSE_SKICKAD,
        Handelsetyp.SVARSDATUM_PASSERAT, Handelsetyp.TJANSTUTLATANDE_INKOMMET);
    assertThat(managementService.createJobQuery().count()).isZero();
    assertThat(taskService.createTaskQuery().count()).isZero();
  }

  @Test
  void whenTheKansliDecidesFirstTheRemissinstansTaskEndsAndALaterAnswerCannotBeEntered() {
    ProcessInstance remiss = svarsdatumPasserat();
    Task sen = uppgift("Task_SkrivTjanstutlatande");

    slutfor(uppgift("Task_HanteraForsenatRemissvar"), formular("forsenatRemissvarAtgard", "FORTSATT_UTAN_SVAR"));

    assertThat(uppgifter("Task_SkrivTjanstutlatande")).as("remissinstansens uppgift avslutas i samma transaktion")
        .isEmpty();
    assertThatThrownBy(() -> taskService.complete(sen.getId(), formular(
        "tjanstutlatandeText", "För sent.", "tjanstutlatandeDatum", "2025-12-22")))
        .hasMessageContaining("Cannot find task");
    korForfallnaJobb();
    assertThat(remiss).isEnded().hasPassed("EndEvent_UtanSvar", "Task_RegistreraUteblivetRemissvar")
        .hasNotPassed("Task_RegistreraTjanstutlatande");
    assertThat(handlingar(dnr)).extracting(Handling::handlingstyp)
        .containsExactly(Handlingstyp.SKRIVELSE, Handlingstyp.REMISS);
  }

  @Test
  void aReminderThatRunsAfterSvarsdatumHasPassedIsNotSent() {
    ProcessInstance remiss = skickaRemiss();

    // the application was down from before the reminder until after svarsdatum: both timers are due
    klockan("2025-12-22T08:15");
    assertThat(forfallnaJobb()).hasSize(2);
    korForfallnaJobb();

    assertThat(remiss).hasPassed("Task_SkickaPaminnelse")
        .isWaitingAt("Task_SkrivTjanstutlatande", "Task_HanteraForsenatRemissvar");
    assertThat(handelsetyper(dnr)).as("ingen påminnelse efter svarsdatum")
        .containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.SVARSDATUM_PASSERAT);
    assertThat(meddelanden(dnr)).as("ingen påminnelse, men kansliet meddelas")
        .containsExactly("REMISS registrator.slk@ks.demo.example", "SVARSDATUM_PASSERAT ks-kansli@ks.demo.example");
  }

  @Test
  void aReminderThatRunsLateButBeforeSvarsdatumHasPassedIsStillSent() {
    ProcessInstance remiss = skickaRemiss();

    klockan("2025-12-19T16:00");
    korForfallnaJobb();

    assertThat(remiss).hasPassed("Task_SkickaPaminnelse").isWaitingAt("Task_SkrivTjanstutlatande");
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.PAMINNELSE_SKICKAD);
  }

  @Test
  void extensionSubmittedThroughTheFormServiceAsTasklistDoesIsCheckedAndUsed() {
    ProcessInstance remiss = svarsdatumPasserat();
    String forsenat = uppgift("Task_HanteraForsenatRemissvar").getId();

    assertThatThrownBy(() -> formService.submitTaskForm(forsenat, formular(
        "forsenatRemissvarAtgard", "FORLANG", "nyttSvarsdatum", "2026-01-06")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("2026-01-06 är ingen arbetsdag");
    formService.submitTaskForm(forsenat, formular("forsenatRemissvarAtgard", "FORLANG", "nyttSvarsdatum", "2026-01-16"));
    korForfallnaJobb();

    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande");
    assertThat(remiss).variables().containsEntry("svarsdatum", "2026-01-16");
    assertThat(uppgift("Task_SkrivTjanstutlatande").getDueDate()).isEqualTo(tid("2026-01-16T23:59:59"));
    assertThat(timer("BoundaryEvent_SvarsdatumPasserat").getDuedate()).isEqualTo(tid("2026-01-19T07:00"));
  }

  @Test
  void kansliGoesOnWithoutTheAnswer() {
    ProcessInstance remiss = svarsdatumPasserat();

    slutfor(uppgift("Task_HanteraForsenatRemissvar"), formular("forsenatRemissvarAtgard", "FORTSATT_UTAN_SVAR"));
    korForfallnaJobb();

    assertThat(remiss).isEnded().hasPassed("Task_RegistreraUteblivetRemissvar", "EndEvent_RemissUtanSvar")
        .hasNotPassed("Task_ForlangSvarsdatum");
    assertThat(taskService.createTaskQuery().count()).as("remissinstansens uppgift avslutad").isZero();
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REMITTERAT, Handelsetyp.PAMINNELSE_SKICKAD,
        Handelsetyp.SVARSDATUM_PASSERAT, Handelsetyp.REMISSVAR_UTEBLEV);
    assertThat(remiss).variables().doesNotContainKey("nyttSvarsdatum");
    assertThat(handlingar(dnr)).extracting(Handling::handlingstyp)
        .containsExactly(Handlingstyp.SKRIVELSE, Handlingstyp.REMISS);
  }

  @Test
  void newSvarsdatumOnASaturdayIsRefusedAndNothingChanges() {
    ProcessInstance remiss = svarsdatumPasserat();
    Task forsenat = uppgift("Task_HanteraForsenatRemissvar");

    assertThatThrownBy(() -> slutfor(forsenat, formular("forsenatRemissvarAtgard", "FORLANG",
        "nyttSvarsdatum", "2026-01-10")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("2026-01-10 är ingen arbetsdag");
    assertThatThrownBy(() -> slutfor(forsenat, formular("forsenatRemissvarAtgard", "FORLANG",
        "nyttSvarsdatum", "2025-12-22")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("måste ligga efter i dag");
    assertThatThrownBy(() -> slutfor(forsenat, formular("forsenatRemissvarAtgard", "VANTA")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'VANTA' är inget giltigt val");

    assertThat(remiss).isWaitingAt("Task_HanteraForsenatRemissvar", "Task_SkrivTjanstutlatande");
    assertThat(uppgift("Task_HanteraForsenatRemissvar").getId()).isEqualTo(forsenat.getId());
    assertThat(taskService.getVariable(forsenat.getId(), "nyttSvarsdatum")).isEqualTo("2026-01-05");
    assertThat(remiss).variables().containsEntry("svarsdatum", SVARSDATUM).doesNotContainKey("forsenatRemissvarAtgard");
    assertThat(forfallnaJobb()).isEmpty();
  }

  @Test
  void tjanstutlatandeWithoutTextOrFileOrDatedInTheFutureIsRefused() {
    ProcessInstance remiss = skickaRemiss();
    klockan("2025-12-10T14:00");
    Task task = uppgift("Task_SkrivTjanstutlatande");

    assertThatThrownBy(() -> slutfor(task, formular("tjanstutlatandeDatum", "2025-12-10")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Skriv tjänsteutlåtandet eller bifoga det som fil.");
    assertThatThrownBy(() -> slutfor(task, formular("tjanstutlatandeText", "Text", "tjanstutlatandeDatum", "2025-12-11")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("kan inte ligga i framtiden");

    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande");
    assertThat(handlingar(dnr)).hasSize(2);
  }

  @Test
  void aRemissToARemissinstansThatIsNotConfiguredEndsAsAnIncidentAfterItsRetries() {
    ProcessInstance remiss = fixtur.startaRemiss(dnr, "kulturforvaltningen", SVARSDATUM);

    // R3/PT5M: three attempts five minutes apart, then an incident
    for (int forsok = 1; forsok <= 3; forsok++) {
      Job job = managementService.createJobQuery().processInstanceId(remiss.getId()).singleResult();
      assertThat(forfallnaJobb()).as("försök %d är förfallet", forsok).extracting(Job::getId).containsExactly(job.getId());
      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .hasMessageContaining("Okänd remissinstans 'kulturforvaltningen' i " + dnr);
      Job efter = managementService.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(efter.getRetries()).isEqualTo(3 - forsok);
      if (forsok < 3) {
        assertThat(efter.getDuedate()).isEqualTo(om(Duration.ofMinutes(5)));
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        spolaFram(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(forfallnaJobb()).as("inte före fem minuter").isEmpty();
        spolaFram(Duration.ofSeconds(1));
      }
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(remiss.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Task_SkickaRemiss");
    assertThat(incident.getIncidentMessage()).contains("Okänd remissinstans 'kulturforvaltningen'");
    assertThat(forfallnaJobb()).isEmpty();
    assertThat(remiss).isWaitingAt("Task_SkickaRemiss");
    assertThat(handlingar(dnr)).as("inget registrerat av de misslyckade försöken").hasSize(1);
  }
}
