package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Processkontext;

/**
 * {@code ${registreraUteblivetRemissvar}}: the kansli decided to go on without the remissinstans'
 * answer; noted in the ärende (the Remissammanställning will say the remiss was not answered).
 */
@Component("registreraUteblivetRemissvar")
class RegistreraUteblivetRemissvarDelegate implements JavaDelegate {

  private final Diarium diarium;

  RegistreraUteblivetRemissvarDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    diarium.registreraHandelse(dnr, Handelsetyp.REMISSVAR_UTEBLEV, execution.getVariable(REMISSINSTANS_NAMN)
        + " har inte besvarat remissen; ärendet går vidare utan svar.", null, null,
        "utebliven:" + execution.getProcessInstanceId());
  }
}
