package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.stockholm.ks.modeller.Arendefixtur.formular;
import static se.stockholm.ks.modeller.Arendefixtur.lista;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;

/**
 * borgarradsberedning.bpmn: the ärende at borgarrådsberedningen. The promemoria is ready Monday
 * 2026-03-02; with three working days' lead time the ärende goes to the meeting of 2026-03-11
 * (sammanträdesplan in kalender.yaml), whose timer fires at 07:00 that day. Särskilda uttalanden
 * are due two working days before the following KS meeting (2026-03-18): 2026-03-16.
 */
class BorgarradsberedningProcessTest extends Processtest {

  String dnr;

  @Override
  String modell() {
    return "borgarradsberedning";
  }

  @BeforeEach
  void givenAnArendeWithItsPromemoria() {
    klockan("2026-03-02T10:00");
    dnr = fixtur.nyttArende();
  }

  /** Starts the model and lets it put the ärende on the agenda. */
  ProcessInstance tillBorgarradsberedningen() {
    ProcessInstance brb = fixtur.startaBorgarradsberedning(dnr);
    assertThat(brb).isWaitingAt("Task_PlaneraBrbSammantrade");
    korForfallnaJobb();
    assertThat(brb).isWaitingAt("Event_BrbSammantrade");
    return brb;
  }

  /** Moves the clock to the meeting's morning and lets its timer fire. */
  void sammantradetHalls(ProcessInstance brb, String datum) {
    klockan(datum + "T07:00");
    korForfallnaJobb();
    assertThat(brb).isWaitingAt("Task_RegistreraUtfallIBrb");
  }

  void registreraUtfall(Object... formular) {
    slutfor(uppgift("Task_RegistreraUtfallIBrb"), formular(formular));
    korForfallnaJobb();
  }

  @Test
  void theArendeGoesToTheFirstMeetingWithThreeWorkingDaysLeadTimeAndItsTimerFiresThatMorning() {
    ProcessInstance brb = tillBorgarradsberedningen();

    assertThat(brb).variables().containsEntry("brbSammantrade", "2026-03-11");
    assertThat(timer("Event_BrbSammantrade").getDuedate()).isEqualTo(tid("2026-03-11T07:00"));
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA);
    assertThat(handelser(dnr).get(1).beskrivning())
        .isEqualTo("Uppfört på föredragningslistan för borgarrådsberedningens sammanträde 2026-03-11.");

    klockan("2026-03-11T06:59:59");
    assertThat(forfallnaJobb()).isEmpty();
    sammantradetHalls(brb, "2026-03-11");

    Task task = uppgift("Task_RegistreraUtfallIBrb");
    assertThat(kandidatgrupper(task)).containsExactly("brb-sekreterare");
    assertThat(task.getDueDate()).isEqualTo(tid("2026-03-11T23:59:59"));
    assertThat(taskService.getVariableLocal(task.getId(), "partiAlternativ").toString()).contains("\"L\"", "Liberalerna");
  }

  @Test
  void tillstyrkerWithoutSarskildaUttalandenEndsTillstyrkt() {
    ProcessInstance brb = tillBorgarradsberedningen();
    sammantradetHalls(brb, "2026-03-11");

    registreraUtfall("brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista());

    assertThat(brb).isEnded().hasPassed("Task_DiarieforUtfallIBrb", "EndEvent_Tillstyrkt")
        .hasNotPassed("SubProcess_SarskiltUttalande");
    // the föredragningslista, written on the meeting morning (not fixed by the secretary), is noted in the ärende
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        Handelsetyp.DOKUMENT_UPPRATTAT, Handelsetyp.BRB_TILLSTYRKT);
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Borgarrådsberedningen tillstyrkte föredragande borgarrådets förslag 2026-03-11.");
  }

  @Test
  void bordlaggningMovesTheArendeToTheNextMeetingInThePlan() {
    ProcessInstance brb = tillBorgarradsberedningen();
    sammantradetHalls(brb, "2026-03-11");

    registreraUtfall("brbUtfall", "BORDLAGGNING");

    assertThat(brb).isWaitingAt("Event_BrbSammantrade");
    assertThat(brb).variables().containsEntry("brbSammantrade", "2026-04-01");
    assertThat(timer("Event_BrbSammantrade").getDuedate()).isEqualTo(tid("2026-04-01T07:00"));
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        Handelsetyp.DOKUMENT_UPPRATTAT, Handelsetyp.BRB_BORDLAGT, Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA);

    klockan("2026-04-01T06:59:59");
    assertThat(forfallnaJobb()).isEmpty();
    sammantradetHalls(brb, "2026-04-01");
    assertThat(uppgift("Task_RegistreraUtfallIBrb").getDueDate()).isEqualTo(tid("2026-04-01T23:59:59"));
    registreraUtfall("brbUtfall", "TILLSTYRKER");
    assertThat(brb).isEnded().hasPassed("EndEvent_Tillstyrkt");
  }

  @Test
  void aterremissToThePromemoriaEndsAterremitteratAndSaysWhereTo() {
    ProcessInstance brb = tillBorgarradsberedningen();
    sammantradetHalls(brb, "2026-03-11");

    registreraUtfall("brbUtfall", "ATERREMISS", "aterremissTill", "PROMEMORIA");

    assertThat(brb).isEnded().hasPassed("EndEvent_Aterremitterat").hasNotPassed("EndEvent_Tillstyrkt");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(brb.getId())
        .variableName("aterremissTill").singleResult().getValue()).isEqualTo("PROMEMORIA");
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Borgarrådsberedningen återremitterade ärendet 2026-03-11 till promemorian.");
  }

  @Test
  void aterremissToANewRemissSaysSo() {
    ProcessInstance brb = tillBorgarradsberedningen();
    sammantradetHalls(brb, "2026-03-11");

    registreraUtfall("brbUtfall", "ATERREMISS", "aterremissTill", "REMISS");

    assertThat(brb).isEnded().hasPassed("EndEvent_Aterremitterat");
    assertThat(handelsetyper(dnr)).endsWith(Handelsetyp.BRB_ATERREMISS);
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Borgarrådsberedningen återremitterade ärendet 2026-03-11 till ny remiss.");
  }

  @Test
  void severalSarskildaUttalandenInParallelOneOnTimeOneMissingTheDeadline() {
    ProcessInstance brb = tillBorgarradsberedningen();
    sammantradetHalls(brb, "2026-03-11");

    registreraUtfall("brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista("L", "M"));

    assertThat(brb).variables().containsEntry("sarskiltUttalandeSistaDag", "2026-03-16");
    List<Task> tasks = uppgifter("Task_LamnaSarskiltUttalande");
    assertThat(tasks).hasSize(2);
    assertThat(tasks).extracting(this::kandidatgrupper)
        .containsExactlyInAnyOrder(List.of("parti-l"), List.of("parti-m"));
    assertThat(tasks).extracting(Task::getDueDate).containsOnly(tid("2026-03-16T23:59:59"));
    assertThat(timrar("BoundaryEvent_UttalandeFristUte")).extracting(j -> j.getDuedate())
        .containsOnly(tid("2026-03-17T07:00"));
    Task liberalerna = tasks.stream().filter(t -> kandidatgrupper(t).contains("parti-l")).findFirst().orElseThrow();

    klockan("2026-03-13T15:00");
    slutfor(liberalerna, formular("uttalandeLedamot", "Jan Jönsson",
        "uttalandeText", "Vi välkomnar att staden deltar i toppmötet."));
    korForfallnaJobb();
    assertThat(uppgifter("Task_LamnaSarskiltUttalande")).as("Moderaternas uppgift är kvar").hasSize(1);

    klockan("2026-03-17T06:59:59");
    assertThat(forfallnaJobb()).as("fristen löper hela 2026-03-16").isEmpty();
    klockan("2026-03-17T07:00");
    korForfallnaJobb();

    assertThat(brb).isEnded().hasPassed("Task_RegistreraSarskiltUttalande", "EndEvent_UttalandeInlamnat",
        "BoundaryEvent_UttalandeFristUte", "Task_RegistreraUteblivetUttalande", "EndEvent_UttalandeUteblev",
        "EndEvent_Tillstyrkt");
    Handling su = handlingar(dnr).get(1);
    assertThat(su.dokumentnummer()).isEqualTo(dnr + "-2");
    assertThat(su.handlingstyp()).isEqualTo(Handlingstyp.SARSKILT_UTTALANDE);
    assertThat(su.status()).isEqualTo(HandlingStatus.INKOMMEN);
    assertThat(su.avsandare()).isEqualTo("Jan Jönsson (L)");
    assertThat(su.datum()).isEqualTo(LocalDate.parse("2026-03-13"));
    assertThat(su.rubrik()).isEqualTo("Särskilt uttalande av Jan Jönsson (L) i borgarrådsberedningen");
    assertThat(diarium.innehall(su.dokumentnummer()).orElseThrow().struktur()).contains("\"organ\":\"BRB\"", "\"parti\":\"L\"");
    assertThat(handlingar(dnr)).hasSize(2);
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        Handelsetyp.DOKUMENT_UPPRATTAT, Handelsetyp.BRB_TILLSTYRKT,
        Handelsetyp.SARSKILT_UTTALANDE_INKOMMET, Handelsetyp.SARSKILT_UTTALANDE_UTEBLEV);
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Inget särskilt uttalande från (M) kom in före fristen 2026-03-16.");
  }

  @Test
  void sarskiltUttalandeWithoutMemberOrTextIsRefused() {
    ProcessInstance brb = tillBorgarradsberedningen();
    sammantradetHalls(brb, "2026-03-11");
    registreraUtfall("brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista("L"));
    Task task = uppgift("Task_LamnaSarskiltUttalande");

    assertThatThrownBy(() -> slutfor(task, formular("uttalandeText", "Text")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Ledamot måste fyllas i.");
    assertThatThrownBy(() -> slutfor(task, formular("uttalandeLedamot", "Jan Jönsson")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Skriv uttalandet eller bifoga det som fil.");

    assertThat(brb).isWaitingAt("SubProcess_SarskiltUttalande");
    assertThat(handlingar(dnr)).hasSize(1);
  }

  @Test
  void outcomeFormIsCheckedAndNothingChangesWhenRefused() {
    ProcessInstance brb = tillBorgarradsberedningen();
    sammantradetHalls(brb, "2026-03-11");
    Task task = uppgift("Task_RegistreraUtfallIBrb");

    assertThatThrownBy(() -> slutfor(task, formular("brbUtfall", "ATERREMISS", "aterremissTill", "PROMEMORIA",
        "brbSarskildaUttalanden", lista("L"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Särskilda uttalanden anmäls bara när ärendet tillstyrks.");
    assertThatThrownBy(() -> slutfor(task, formular("brbUtfall", "ATERREMISS")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Återremiss till måste fyllas i.");
    assertThatThrownBy(() -> slutfor(task, formular("brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista("X"))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Okänt parti 'X'.");

    assertThat(brb).isWaitingAt("Task_RegistreraUtfallIBrb");
    assertThat(uppgift("Task_RegistreraUtfallIBrb").getId()).isEqualTo(task.getId());
    assertThat(brb).variables().doesNotContainKeys("brbUtfall", "aterremissTill");
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        Handelsetyp.DOKUMENT_UPPRATTAT); // the list, written on the meeting morning
  }

  @Test
  void whenTheSammantradesplanRunsOutKansliGivesTheMeetingAndTheArendeGoesOn() {
    // the plan's last borgarrådsberedning is 2027-12-08; ready 2027-12-06 + 3 working days = 2027-12-09
    klockan("2027-12-06T10:00");
    ProcessInstance brb = fixtur.startaBorgarradsberedning(dnr);
    korForfallnaJobb();

    assertThat(brb).isWaitingAt("Task_AngeBrbSammantrade").hasPassed("BoundaryEvent_BrbSammantradeSaknas");
    Task task = uppgift("Task_AngeBrbSammantrade");
    assertThat(kandidatgrupper(task)).containsExactly("ks-kansli");
    // ks.frister.kansli: two working days from Monday 2027-12-06
    assertThat(task.getDueDate()).isEqualTo(tid("2027-12-08T23:59:59"));
    assertThat((String) runtimeService.getVariable(brb.getId(), "sammantradeFel"))
        .contains("inget sammanträde den 2027-12-09 eller senare", "ks.sammantradesplan.borgarradsberedningen");
    assertThat(handelsetyper(dnr)).isEmpty();

    assertThatThrownBy(() -> slutfor(task, formular("brbSammantrade", "2027-12-18")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("2027-12-18 är ingen arbetsdag.");
    assertThatThrownBy(() -> slutfor(task, formular("brbSammantrade", "2027-12-03")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("kan inte ligga före i dag");
    slutfor(task, formular("brbSammantrade", "2027-12-15"));

    assertThat(brb).isWaitingAt("Event_BrbSammantrade");
    assertThat(brb).variables().containsEntry("brbSammantrade", "2027-12-15").doesNotContainKey("sammantradeFel");
    assertThat(timer("Event_BrbSammantrade").getDuedate()).isEqualTo(tid("2027-12-15T07:00"));
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Uppfört på föredragningslistan för borgarrådsberedningens sammanträde 2027-12-15 "
            + "(datum angivet av KS kansli).");

    sammantradetHalls(brb, "2027-12-15");
    registreraUtfall("brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista("S"));
    // no KS meeting in the plan after 2027-12-15 either: the deadline is five working days after BRB
    assertThat(brb).variables().containsEntry("sarskiltUttalandeSistaDag", "2027-12-22");
    assertThat(kandidatgrupper(uppgift("Task_LamnaSarskiltUttalande"))).containsExactly("parti-s");
  }
}
