package se.stockholm.ks.meddelanden;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${skickaMeddelande}}: a step that sends one message, named by the step's input parameter
 * {@code meddelande} (a {@link Meddelandetyp}, e.g. {@code REMISS}). The step is {@code asyncBefore}
 * with a retry cycle of its own: the case's earlier steps are committed before it runs, and an SMTP
 * server that is down fails only this job (retries, then an incident in Cockpit). Sent at most once
 * ({@link Utskick}).
 */
@Component("skickaMeddelande")
class SkickaMeddelandeDelegate implements JavaDelegate {

  /** The input parameter naming the message. */
  static final String MEDDELANDE = "meddelande";

  private final Meddelanden meddelanden;

  SkickaMeddelandeDelegate(Meddelanden meddelanden) {
    this.meddelanden = meddelanden;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object typ = execution.getVariableLocal(MEDDELANDE);
    if (typ == null) {
      throw new IllegalStateException("Steget " + execution.getCurrentActivityId() + " saknar indataparametern '"
          + MEDDELANDE + "'");
    }
    meddelanden.skicka(execution, Meddelandetyp.valueOf(typ.toString()));
  }
}
