package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${forsenatRemissvarListener}} on "Hantera försenat remissvar". On create: notes in the
 * ärende that svarsdatum passed without a tjänsteutlåtande, and proposes a new svarsdatum (the
 * remissinstans' task stays open meanwhile: a tjänsteutlåtande that comes in first ends this task). On
 * complete: checks the choice, and for an extension that the new svarsdatum is a working day
 * after today.
 */
@Component("forsenatRemissvarListener")
class ForsenatRemissvarListener implements TaskListener {

  /** Extend svarsdatum. */
  static final String FORLANG = "FORLANG";
  /** Go on without the answer. */
  static final String FORTSATT_UTAN_SVAR = "FORTSATT_UTAN_SVAR";

  private final Diarium diarium;
  private final Frister frister;
  private final Arbetsdagskalender kalender;

  ForsenatRemissvarListener(Diarium diarium, Frister frister, Arbetsdagskalender kalender) {
    this.diarium = diarium;
    this.frister = frister;
    this.kalender = kalender;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      var dnr = Processkontext.diarienummer(task);
      Object svarsdatum = task.getVariable(SVARSDATUM);
      diarium.registreraHandelse(dnr, Handelsetyp.SVARSDATUM_PASSERAT, "Svarsdatum " + svarsdatum
          + " har passerat utan tjänsteutlåtande från " + task.getVariable(REMISSINSTANS_NAMN)
          + "; KS kansli beslutar om förlängning. Remissinstansen kan svara tills kansliet har beslutat.", null, null,
          "passerat:" + task.getProcessInstanceId() + ":" + svarsdatum);
      // In the process, not task-local: a task-local value would shadow what the form submits
      // (TaskService.complete sets the process's variables) and would keep the checked date from
      // the process (a form submit updates the task-local variable), which reads it after the task.
      task.setVariable(NYTT_SVARSDATUM, kalender.laggTillArbetsdagar(frister.idag(), 5).toString());
      return;
    }
    Formular f = Formular.av(task);
    String atgard = f.val(FORSENAT_REMISSVAR_ATGARD, "Åtgärd", List.of(FORLANG, FORTSATT_UTAN_SVAR));
    if (FORLANG.equals(atgard)) {
      LocalDate nytt = f.datum(NYTT_SVARSDATUM, "Nytt svarsdatum", true);
      if (nytt != null && !nytt.isAfter(frister.idag())) {
        f.fel(NYTT_SVARSDATUM, "Nytt svarsdatum måste ligga efter i dag.");
      } else if (nytt != null && !kalender.arArbetsdag(nytt)) {
        f.fel(NYTT_SVARSDATUM, "Nytt svarsdatum " + nytt + " är ingen arbetsdag.");
      }
      f.kontrollera();
      task.setVariable(NYTT_SVARSDATUM, nytt.toString());
    }
    f.kontrollera();
    if (FORTSATT_UTAN_SVAR.equals(atgard)) {
      task.removeVariable(NYTT_SVARSDATUM);
    }
  }
}
