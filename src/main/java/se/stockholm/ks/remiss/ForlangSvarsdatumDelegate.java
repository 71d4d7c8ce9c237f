package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Processkontext;

/**
 * {@code ${forlangSvarsdatum}}: the kansli extended svarsdatum; the remissinstans gets its task
 * again with the new due date, reminder and escalation.
 */
@Component("forlangSvarsdatum")
class ForlangSvarsdatumDelegate implements JavaDelegate {

  private final Diarium diarium;

  ForlangSvarsdatumDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Object nytt = execution.getVariable(NYTT_SVARSDATUM);
    diarium.registreraHandelse(dnr, Handelsetyp.SVARSDATUM_FORLANGT, "Svarsdatum för "
        + execution.getVariable(REMISSINSTANS_NAMN) + " förlängt från " + execution.getVariable(SVARSDATUM)
        + " till " + nytt + ".", null, null, "forlangt:" + execution.getProcessInstanceId() + ":" + nytt);
    execution.setVariable(SVARSDATUM, nytt);
    execution.removeVariable(NYTT_SVARSDATUM);
    execution.removeVariable(FORSENAT_REMISSVAR_ATGARD);
  }
}
