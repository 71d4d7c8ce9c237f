package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.engine.Filkontroll;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${tjanstutlatandeListener}} on "Skriv tjänsteutlåtande": on complete, requires a text or
 * a file (checked for size and type), and the tjänsteutlåtande's date (not in the future).
 */
@Component("tjanstutlatandeListener")
class TjanstutlatandeListener implements TaskListener {

  private final Innehallskontroll innehallskontroll;
  private final Frister frister;

  TjanstutlatandeListener(Innehallskontroll innehallskontroll, Frister frister) {
    this.innehallskontroll = innehallskontroll;
    this.frister = frister;
  }

  @Override
  public void notify(DelegateTask task) {
    Formular f = Formular.av(task);
    String text = f.text(TJANSTUTLATANDE_TEXT, "Tjänsteutlåtandet", Integer.MAX_VALUE, false);
    Filkontroll.kontrollera(f, TJANSTUTLATANDE_FIL, innehallskontroll);
    if (text == null && f.fil(TJANSTUTLATANDE_FIL) == null) {
      f.fel(TJANSTUTLATANDE_TEXT, "Skriv tjänsteutlåtandet eller bifoga det som fil.");
    }
    LocalDate datum = f.datum(TJANSTUTLATANDE_DATUM, "Tjänsteutlåtandets datum", true);
    if (datum != null && datum.isAfter(frister.idag())) {
      f.fel(TJANSTUTLATANDE_DATUM, "Tjänsteutlåtandets datum kan inte ligga i framtiden.");
    }
    f.kontrollera();
  }
}
