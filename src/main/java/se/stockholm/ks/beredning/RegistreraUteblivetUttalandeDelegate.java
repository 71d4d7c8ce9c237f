package se.stockholm.ks.beredning;

import static se.stockholm.ks.skrivelse.Variabler.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Processkontext;

/**
 * {@code ${registreraUteblivetUttalande}}: the deadline for an announced särskilt uttalande passed
 * without a text; noted in the ärende.
 */
@Component("registreraUteblivetUttalande")
class RegistreraUteblivetUttalandeDelegate implements JavaDelegate {

  private final Diarium diarium;

  RegistreraUteblivetUttalandeDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Object parti = execution.getVariable(PARTI);
    diarium.registreraHandelse(dnr, Handelsetyp.SARSKILT_UTTALANDE_UTEBLEV, "Inget särskilt uttalande från (" + parti
        + ") kom in före fristen " + execution.getVariable(SARSKILT_UTTALANDE_SISTA_DAG) + ".", null, null,
        "su-utebliven:" + execution.getId());
  }
}
