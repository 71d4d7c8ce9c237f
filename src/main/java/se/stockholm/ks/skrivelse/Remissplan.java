package se.stockholm.ks.skrivelse;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import se.stockholm.ks.engine.Formular;

/**
 * {@code ${remissplan}}: the remissinstanser of the multi-instance remiss, from the fördelning.
 */
@Component("remissplan")
public class Remissplan {

  /**
   * @param execution the skrivelse process
   * @return the ids of the remissinstanser, one remiss each
   * @throws IllegalStateException when the fördelning chose none
   */
  public List<String> remissinstanser(DelegateExecution execution) {
    List<String> ids = Formular.strangar(execution.getVariable(Variabler.REMISSINSTANSER));
    if (ids == null || ids.isEmpty()) {
      throw new IllegalStateException("Inga remissinstanser valda för " + execution.getBusinessKey());
    }
    return ids;
  }
}
