package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.stockholm.ks.modeller.Arendefixtur.formular;
import static se.stockholm.ks.modeller.Arendefixtur.json;
import static se.stockholm.ks.modeller.Arendefixtur.lista;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import se.stockholm.ks.diarium.Beslut;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.Handlingstyp;

/**
 * Every task form's submitted values reach the process and the diarium whatever drafts the task has
 * (issue 23): before each submission a draft of every submitted variable is saved on the task (a
 * task-local variable, as {@code PUT /engine-rest/task/{id}/localVariables/{name}} saves it), then the
 * form is submitted as Tasklist does ({@code FormService.submitTaskForm}, {@code submit-form}).
 * Without the fix the engine put the submitted value in place of the draft and dropped both with
 * the task: 204, and the särskilt uttalande, the tjänsteutlåtande, the fördelning … were lost.
 *
 * <p>The forms covered: fördela ärendet, skriv tjänsteutlåtande, hantera försenat remissvar,
 * upprätta promemoria, registrera utfall i BRB, lämna särskilt uttalande, registrera beslut i KS,
 * justera and anslå protokollet (all through one ärende and its late remiss), ange sammanträde för
 * BRB and för KS (when the sammanträdesplan has run out).
 */
class UtkastProcessTest extends Skrivelseforlopp {

  private static final String UTKAST = "UTKAST som inte skickades";

  /** The tasks submitted with drafts, by activity. */
  private final List<String> medUtkast = new ArrayList<>();

  @Override
  String modell() {
    return "skrivelse";
  }

  /** Not a model's own test class: it passes through every model but covers none completely. */
  @Override
  void processtackning() {
  }

  /** Saves a draft of every value the form submits, then submits the form (submit-form). */
  @Override
  void slutfor(Task task, Map<String, Object> formular) {
    assertThat(task).as("öppen uppgift").isNotNull();
    formular.keySet().forEach(namn -> taskService.setVariableLocal(task.getId(), namn, UTKAST));
    assertThat(taskService.getVariablesLocal(task.getId())).containsKeys(formular.keySet().toArray(String[]::new));
    medUtkast.add(task.getTaskDefinitionKey());
    formService.submitTaskForm(task.getId(), formular);
  }

  @Test
  void everyFormsSubmittedValuesReachTheDiariumWhateverDraftsTheTaskHas() {
    String dnr = inkommer();
    ProcessInstance skrivelse = skrivelse(dnr);
    fordelas(dnr);
    assertThat(diarium.arende(Diarienummer.parse(dnr)).orElseThrow().rotel()).isEqualTo("rotel-i");

    // svarsdatum 2025-12-19 passes; kansli extends it, then the tjänsteutlåtande comes
    klockan("2025-12-22T07:00");
    korForfallnaJobbFor(dnr);
    slutfor(uppgift("Task_HanteraForsenatRemissvar", dnr), formular(
        "forsenatRemissvarAtgard", "FORLANG", "nyttSvarsdatum", "2026-01-09"));
    korForfallnaJobbFor(dnr);
    assertThat(uppgift("Task_SkrivTjanstutlatande", dnr).getDueDate()).isEqualTo(tid("2026-01-09T23:59:59"));
    besvarasAvRemissinstanserna(dnr, "2026-01-08T14:00");
    promemoriaUpprattas(dnr);
    borgarradsberedningen(dnr, BRB, "brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista("L"));
    klockan("2026-03-13T11:00");
    slutfor(uppgift("Task_LamnaSarskiltUttalande", dnr), formular("uttalandeLedamot", "Jan Jönsson",
        "uttalandeText", "Vi hade gärna sett att staden deltog."));
    korForfallnaJobbFor(dnr);
    kommunstyrelsen(dnr, KS, "ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT, "paragraf", "12",
        "ksSarskildaUttalanden", json("[{\"ledamot\": \"Karin Ek\", \"parti\": \"M\", \"likalydande\": false, "
            + "\"text\": \"Moderaterna vill se en annan inriktning.\"}]"));
    korForfallnaJobbFor(dnr);
    protokolletJusterasOchAnslas("2026-03-18", "2026-03-20", "2026-03-23");
    korForfallnaJobbFor(dnr);

    assertThat(medUtkast).contains("Task_FordelaArende", "Task_HanteraForsenatRemissvar", "Task_SkrivTjanstutlatande",
        "Task_UpprattaPromemoria", "Task_RegistreraUtfallIBrb", "Task_LamnaSarskiltUttalande",
        "Task_RegistreraBeslutIKs", "Task_JusteraProtokollet", "Task_AnslaProtokollet");
    assertThat(skrivelse).isWaitingAt("Event_LaglighetsprovningUtgangen");
    assertThat(skrivelse).variables().containsEntry("justeringsdatum", "2026-03-20")
        .containsEntry("anslagsdatum", "2026-03-23");
    Beslut beslut = diarium.beslut(Diarienummer.parse(dnr)).orElseThrow();
    assertThat(beslut.paragraf()).isEqualTo("§ 12");
    assertThat(beslut.beslutstext()).isEqualTo(BESLUTSTEXT);

    List<Handling> handlingar = handlingar(dnr);
    assertThat(text(typ(handlingar, Handlingstyp.TJANSTUTLATANDE).get(0).dokumentnummer()))
        .contains("Stadsledningskontoret hänvisar till den internationella beredningen.");
    assertThat(text(typ(handlingar, Handlingstyp.PROMEMORIA).get(0).dokumentnummer()))
        .contains("Antisemitismen är ett allvarligt hot");
    List<Handling> uttalanden = typ(handlingar, Handlingstyp.SARSKILT_UTTALANDE);
    assertThat(uttalanden).hasSize(2);
    assertThat(text(uttalanden.get(0).dokumentnummer())).contains("Vi hade gärna sett att staden deltog.");
    assertThat(text(uttalanden.get(1).dokumentnummer())).contains("Moderaterna vill se en annan inriktning.");
    assertThat(typ(handlingar, Handlingstyp.PROTOKOLLSUTDRAG)).hasSize(1);
    for (Handling h : handlingar) {
      diarium.innehall(h.dokumentnummer()).filter(i -> i.text() != null)
          .ifPresent(i -> assertThat(i.text()).as(h.dokumentnummer()).doesNotContain(UTKAST));
    }
  }

  @Test
  void theMeetingKansliGivesReachesTheProcessWhateverDraftsTheTaskHas() {
    klockan("2027-12-06T10:00");
    String dnr = fixtur.nyttArende();
    ProcessInstance brb = fixtur.startaBorgarradsberedning(dnr);
    korForfallnaJobb();
    slutfor(uppgift("Task_AngeBrbSammantrade"), formular("brbSammantrade", "2027-12-15"));
    assertThat(brb).isWaitingAt("Event_BrbSammantrade");
    assertThat(timer("Event_BrbSammantrade").getDuedate()).isEqualTo(tid("2027-12-15T07:00"));

    klockan("2027-12-14T09:00");
    String dnr2 = fixtur.nyttArende();
    ProcessInstance ks = fixtur.startaKommunstyrelsen(dnr2, "2027-12-13");
    korForfallnaJobb();
    slutfor(uppgift("Task_AngeKsSammantrade"), formular("ksSammantrade", "2027-12-22"));
    assertThat(ks).isWaitingAt("Event_KsSammantrade");
    assertThat(timer("Event_KsSammantrade").getDuedate()).isEqualTo(tid("2027-12-22T07:00"));
    assertThat(medUtkast).containsExactly("Task_AngeBrbSammantrade", "Task_AngeKsSammantrade");
  }

  private static List<Handling> typ(List<Handling> handlingar, Handlingstyp typ) {
    return handlingar.stream().filter(h -> h.handlingstyp() == typ).toList();
  }
}
