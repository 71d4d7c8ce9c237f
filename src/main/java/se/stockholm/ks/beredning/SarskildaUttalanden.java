package se.stockholm.ks.beredning;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.skrivelse.Variabler;

/**
 * {@code ${sarskildaUttalanden}}: the särskilda uttalanden announced in borgarrådsberedningen, for
 * the model's gateway and multi-instance, and each party's candidate group.
 */
@Component("sarskildaUttalanden")
public class SarskildaUttalanden {

  /**
   * @param execution the BRB process
   * @return the party codes that announced a särskilt uttalande, one task each
   */
  public List<String> anmalda(DelegateExecution execution) {
    List<String> partier = Formular.strangar(execution.getVariable(Variabler.BRB_SARSKILDA_UTTALANDEN));
    return partier == null ? List.of() : partier;
  }

  /**
   * @param execution the BRB process
   * @return whether any särskilt uttalande was announced
   */
  public boolean finns(DelegateExecution execution) {
    return !anmalda(execution).isEmpty();
  }

  /**
   * @param parti a party code, e.g. {@code L}
   * @return the party's candidate group, e.g. {@code parti-l}
   */
  public String grupp(String parti) {
    return "parti-" + parti.toLowerCase(Locale.ROOT);
  }
}
