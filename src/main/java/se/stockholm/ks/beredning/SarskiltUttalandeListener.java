package se.stockholm.ks.beredning;

import static se.stockholm.ks.skrivelse.Variabler.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.engine.Filkontroll;
import se.stockholm.ks.engine.Formular;

/**
 * {@code ${sarskiltUttalandeListener}} on "Lämna särskilt uttalande": the member's name and the
 * text (or a file) are required.
 */
@Component("sarskiltUttalandeListener")
class SarskiltUttalandeListener implements TaskListener {

  private final Innehallskontroll innehallskontroll;

  SarskiltUttalandeListener(Innehallskontroll innehallskontroll) {
    this.innehallskontroll = innehallskontroll;
  }

  @Override
  public void notify(DelegateTask task) {
    Formular f = Formular.av(task);
    f.text(UTTALANDE_LEDAMOT, "Ledamot", 200, true);
    String text = f.text(UTTALANDE_TEXT, "Uttalandet", Integer.MAX_VALUE, false);
    Filkontroll.kontrollera(f, UTTALANDE_FIL, innehallskontroll);
    if (text == null && f.fil(UTTALANDE_FIL) == null) {
      f.fel(UTTALANDE_TEXT, "Skriv uttalandet eller bifoga det som fil.");
    }
    f.kontrollera();
  }
}
