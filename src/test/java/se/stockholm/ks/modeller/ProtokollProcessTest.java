package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.stockholm.ks.modeller.Arendefixtur.formular;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import se.stockholm.ks.diarium.Handelse;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.Handlingstyp;

/**
 * protokoll.bpmn: one protokoll per kommunstyrelsen meeting, justerat and anslaget once for every
 * ärende decided there. The ärenden are real skrivelse processes, decided on 2026-03-18 (see
 * {@link Skrivelseforlopp}); the protokoll must be justerat by 2026-04-01 (14 days), anslaget
 * within two days of the justering, and the three weeks for laglighetsprövning run from the anslag.
 */
class ProtokollProcessTest extends Skrivelseforlopp {

  @Override
  String modell() {
    return "protokoll";
  }

  ProcessInstance protokoll(String sammantrade) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("protokoll")
        .processInstanceBusinessKey("KS " + sammantrade).singleResult();
  }

  String protokollstatus(String sammantrade) {
    return jdbc.sql("select status from ks_protokoll where sammantrade = ?").param(LocalDate.parse(sammantrade))
        .query(String.class).single();
  }

  @Test
  void theFirstDecisionOfAMeetingStartsItsProtokollAndTheNextDecisionJoinsIt() {
    List<String> dnr = beslutade("12", "13");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("protokoll").count()).isZero();

    korForfallnaJobbFor(dnr.get(0));

    ProcessInstance protokoll = protokoll(KS);
    assertThat(protokoll).isWaitingAt("Task_JusteraProtokollet");
    assertThat(protokoll).variables().containsEntry("sammantrade", KS).containsEntry("justeringSenast", "2026-04-01")
        .containsEntry("rubrik", "Protokoll från kommunstyrelsens sammanträde 2026-03-18");
    Task justera = uppgift("Task_JusteraProtokollet");
    assertThat(kandidatgrupper(justera)).containsExactly("ks-sekreterare");
    assertThat(justera.getDueDate()).isEqualTo(tid("2026-04-01T23:59:59"));
    assertThat(protokollstatus(KS)).isEqualTo("OPPET");
    assertThat(skrivelse(dnr.get(0))).isWaitingAt("Event_ProtokollAnslaget");
    assertThat(skrivelse(dnr.get(0))).variables().containsEntry("protokollAnslaget", false);

    korForfallnaJobbFor(dnr.get(1));

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("protokoll").list())
        .extracting(ProcessInstance::getId).containsExactly(protokoll.getId());
    assertThat(skrivelse(dnr.get(1))).isWaitingAt("Event_ProtokollAnslaget");
  }

  @Test
  void justeringIsRefusedWhileAnArendeOfTheMeetingLacksItsDecision() {
    // two ärenden on the agenda of 2026-03-18; only the first is decided
    String beslutat = inkommer();
    String obeslutat = inkommer();
    for (String d : List.of(beslutat, obeslutat)) {
      fordelas(d);
    }
    for (String d : List.of(beslutat, obeslutat)) {
      besvarasAvRemissinstanserna(d);
    }
    for (String d : List.of(beslutat, obeslutat)) {
      promemoriaUpprattas(d);
    }
    for (String d : List.of(beslutat, obeslutat)) {
      tillstyrksIBrb(d);
    }
    beslutasIKs(beslutat, "12");
    korForfallnaJobbFor(beslutat, obeslutat);
    assertThat(uppgift("Task_RegistreraBeslutIKs", obeslutat)).isNotNull();
    klockan("2026-03-20T10:00");
    Task justera = uppgift("Task_JusteraProtokollet", "KS " + KS);

    assertThatThrownBy(() -> slutfor(justera, formular("justeringsdatum", "2026-03-20")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Beslut är inte registrerat för " + obeslutat + " på sammanträdet 2026-03-18");
    assertThatThrownBy(() -> slutfor(justera, formular("justeringsdatum", "2026-03-17")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("kan inte justeras före sammanträdet");
    assertThatThrownBy(() -> slutfor(justera, formular("justeringsdatum", "2026-03-23")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("kan inte ligga i framtiden");
    assertThat(protokoll(KS)).isWaitingAt("Task_JusteraProtokollet");
    assertThat(protokollstatus(KS)).isEqualTo("OPPET");

    // the second ärende is bordlagt to 2026-04-08: the protokoll of 2026-03-18 can be justerat
    slutfor(uppgift("Task_RegistreraBeslutIKs", obeslutat), formular("ksBeslut", "BORDLAGGNING"));
    korForfallnaJobbFor(obeslutat);
    klockan("2026-03-20T10:00");
    slutfor(justera, formular("justeringsdatum", "2026-03-20", "justerare", "Jan Jönsson"));
    korForfallnaJobbFor(); // the protokoll is written after the justering (a save point)

    assertThat(protokoll(KS)).isWaitingAt("Task_AnslaProtokollet");
    assertThat(protokollstatus(KS)).isEqualTo("JUSTERAT");
    // justerat Friday 2026-03-20: two days on is a Sunday, so the anslag is due Monday 2026-03-23
    assertThat(protokoll(KS)).variables().containsEntry("justeringsdatum", "2026-03-20")
        .containsEntry("anslagSenast", "2026-03-23");
    assertThat(uppgift("Task_AnslaProtokollet").getDueDate()).isEqualTo(tid("2026-03-23T23:59:59"));

    // the bordlagt ärende is decided on 2026-04-08 and gets that meeting's own protokoll
    kommunstyrelsen(obeslutat, "2026-04-08", "ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT, "paragraf", "3");
    korForfallnaJobbFor(obeslutat);
    assertThat(protokoll("2026-04-08")).isWaitingAt("Task_JusteraProtokollet");
    assertThat(protokoll("2026-04-08")).variables().containsEntry("justeringSenast", "2026-04-22");
    assertThat(skrivelse(obeslutat)).isWaitingAt("Event_ProtokollAnslaget");
  }

  @Test
  void theAnslagLetsEveryArendeOfTheMeetingGoOnAndOneJoiningLaterGoesOnAtOnce() {
    List<String> dnr = beslutade("12", "13", "14");
    String a = dnr.get(0);
    String b = dnr.get(1);
    String sen = dnr.get(2);
    korForfallnaJobbFor(a, b);
    klockan("2026-03-20T10:00");
    slutfor(uppgift("Task_JusteraProtokollet"), formular("justeringsdatum", "2026-03-20", "justerare", "Jan Jönsson"));
    korForfallnaJobbFor(); // the protokoll is written after the justering (a save point)
    Task ansla = uppgift("Task_AnslaProtokollet");
    klockan("2026-03-23T09:00");
    assertThat(taskService.getVariable(ansla.getId(), "anslagsdatum")).as("förslag: dagen uppgiften skapades")
        .isEqualTo("2026-03-20");

    assertThatThrownBy(() -> slutfor(ansla, formular("anslagsdatum", "2026-03-19")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Anslaget kan inte ske före justeringen (2026-03-20).");
    assertThatThrownBy(() -> slutfor(ansla, formular("anslagsdatum", "2026-03-24")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("kan inte ligga i framtiden");
    slutfor(ansla, formular("anslagsdatum", "2026-03-23"));
    ProcessInstance protokoll = protokoll(KS);
    assertThat(protokoll).isWaitingAt("Task_MeddelaArendena");
    korForfallnaJobbFor(a, b);

    assertThat(protokoll).isEnded().hasPassed("EndEvent_ProtokollAnslaget");
    assertThat(protokollstatus(KS)).isEqualTo("ANSLAGET");
    for (String d : List.of(a, b)) {
      assertThat(skrivelse(d)).isWaitingAt("Event_LaglighetsprovningUtgangen").hasPassed("Event_ProtokollAnslaget");
      assertThat(skrivelse(d)).variables().containsEntry("anslagsdatum", "2026-03-23");
      List<Handelse> handelser = handelser(d);
      assertThat(handelser).extracting(Handelse::beskrivning).contains(
          "Protokollet från kommunstyrelsens sammanträde 2026-03-18 justerat 2026-03-20.",
          "Justeringen anslagen på anslagstavlan 2026-03-23; tiden för laglighetsprövning löper till och med 2026-04-13.");
      assertThat(handlingar(d)).extracting(Handling::handlingstyp).contains(Handlingstyp.PROTOKOLLSUTDRAG);
    }
    assertThat(timrar("Event_LaglighetsprovningUtgangen")).extracting(j -> j.getDuedate())
        .containsExactly(tid("2026-04-14T07:00"), tid("2026-04-14T07:00"));

    // the third ärende was decided at the meeting too; its anmälan to the protokoll ran after the anslag
    assertThat(skrivelse(sen)).isWaitingAt("Task_AnmalTillProtokoll");
    assertThat(handelsetyper(sen)).contains(Handelsetyp.PROTOKOLL_JUSTERAT, Handelsetyp.PROTOKOLL_ANSLAGET);
    korForfallnaJobbFor(sen);
    assertThat(skrivelse(sen)).isWaitingAt("Event_LaglighetsprovningUtgangen").hasNotPassed("Event_ProtokollAnslaget");
    assertThat(skrivelse(sen)).variables().containsEntry("protokollAnslaget", true).containsEntry("anslagsdatum", "2026-03-23");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("protokoll").count())
        .as("inget nytt protokoll för samma sammanträde").isZero();
  }
}
