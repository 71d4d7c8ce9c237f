package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${promemoriaListener}} on "Upprätta promemoria". On create: proposes the usual förslag
 * till beslut for a skrivelse and the föredragande borgarråd as signatory (the sentence naming the
 * remissinstanser is written into the document from the remisser). The promemoria is dated the day
 * it is written, not the day the task was made (often weeks earlier): the form proposes the day it
 * is opened, and a date from an earlier round (återremiss) is not proposed again. On complete:
 * checks the parts; without a date (a client that sends none) the promemoria is dated today.
 */
@Component("promemoriaListener")
class PromemoriaListener implements TaskListener {

  /** The usual proposal for a skrivelse. */
  static final String STANDARDFORSLAG = "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.";
  /** Longest förslag till beslut, in characters. */
  static final int MAX_FORSLAG = 2000;

  private final Frister frister;

  PromemoriaListener(Frister frister) {
    this.frister = frister;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      if (task.getVariable(FORSLAG_TILL_BESLUT) == null) {
        task.setVariable(FORSLAG_TILL_BESLUT, STANDARDFORSLAG);
      }
      task.setVariable(UNDERTECKNARE, task.getVariable(FOREDRAGANDE_BORGARRAD));
      task.removeVariable(PROMEMORIA_DATUM);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Formular f = Formular.av(task);
      f.text(FORSLAG_TILL_BESLUT, "Förslag till beslut", MAX_FORSLAG, true);
      f.text(SAMMANFATTNING, "Sammanfattning av ärendet", Integer.MAX_VALUE, true);
      f.text(BEREDNING, "Beredning", Integer.MAX_VALUE, false);
      f.text(SYNPUNKTER, "Föredragande borgarrådets synpunkter", Integer.MAX_VALUE, true);
      f.text(ARENDEBESKRIVNING, "Ärendet", Integer.MAX_VALUE, false);
      f.text(UNDERTECKNARE, "Undertecknare", 200, true);
      boolean utanDatum = f.varde(PROMEMORIA_DATUM) == null || f.varde(PROMEMORIA_DATUM).toString().isBlank();
      LocalDate datum = f.datum(PROMEMORIA_DATUM, "Datum", false);
      if (datum != null && datum.isAfter(frister.idag())) {
        f.fel(PROMEMORIA_DATUM, "Promemorians datum kan inte ligga i framtiden.");
      }
      f.kontrollera();
      if (utanDatum) {
        task.setVariable(PROMEMORIA_DATUM, frister.idag().toString());
      }
    }
  }
}
