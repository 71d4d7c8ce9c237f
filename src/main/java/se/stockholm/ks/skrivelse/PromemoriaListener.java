package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.HandlingInnehall;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Json;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${promemoriaListener}} on "Upprätta promemoria".
 *
 * <p>On create: proposes the usual förslag till beslut for a skrivelse and the ärende's föredragande
 * borgarråd as signatory (the sentence naming the remissinstanser is written into the document from
 * the remisser). After återremiss every part is prefilled from the previous promemoria (its parts are
 * kept in the diarium), so the rotel edits instead of retyping. The promemoria is dated the day it
 * is written, not the day the task was made (often weeks earlier): the form proposes the day it is
 * opened, and a date from an earlier round is not proposed again.
 *
 * <p>On complete: checks the parts. "Föredragande borgarrådets synpunkter" is required, except when
 * the förslag till beslut refers to a tjänsteutlåtande (then the answer is there). The signatory is
 * the föredragande borgarråd: a name other than the ärende's makes it the ärende's föredragande
 * borgarråd (noted in the ärende), so the document never names two. Without a date (a client that
 * sends none) the promemoria is dated today.
 */
@Component("promemoriaListener")
class PromemoriaListener implements TaskListener {

  /** The usual proposal for a skrivelse. */
  static final String STANDARDFORSLAG = "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.";
  /** Longest förslag till beslut, in characters. */
  static final int MAX_FORSLAG = 2000;
  /** The parts prefilled from the previous promemoria after återremiss. */
  static final List<String> DELAR = List.of(FORSLAG_TILL_BESLUT, SAMMANFATTNING, BEREDNING, SYNPUNKTER,
      ARENDEBESKRIVNING);

  private final Frister frister;
  private final Diarium diarium;

  PromemoriaListener(Frister frister, Diarium diarium) {
    this.frister = frister;
    this.diarium = diarium;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      forbered(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      slutfor(task);
    }
  }

  private void forbered(DelegateTask task) {
    Object tidigare = task.getVariable(PROMEMORIA);
    if (tidigare != null) {
      Map<String, Object> delar = diarium.innehall(tidigare.toString()).map(HandlingInnehall::struktur)
          .map(Json::objekt).orElse(Map.of());
      for (String del : DELAR) {
        Object text = delar.get(del);
        if (text != null && !text.toString().isBlank()) {
          task.setVariable(del, text.toString());
        }
      }
    }
    if (task.getVariable(FORSLAG_TILL_BESLUT) == null) {
      task.setVariable(FORSLAG_TILL_BESLUT, STANDARDFORSLAG);
    }
    task.setVariable(UNDERTECKNARE, task.getVariable(FOREDRAGANDE_BORGARRAD));
    task.removeVariable(PROMEMORIA_DATUM);
  }

  private void slutfor(DelegateTask task) {
    Formular f = Formular.av(task);
    String forslag = f.text(FORSLAG_TILL_BESLUT, "Förslag till beslut", MAX_FORSLAG, true);
    f.text(SAMMANFATTNING, "Sammanfattning av ärendet", Integer.MAX_VALUE, true);
    f.text(BEREDNING, "Beredning", Integer.MAX_VALUE, false);
    boolean hanvisarTillTjanstutlatande = hanvisarTillTjanstutlatande(forslag);
    String synpunkter = f.text(SYNPUNKTER, "Föredragande borgarrådets synpunkter", Integer.MAX_VALUE, false);
    if (synpunkter == null && forslag != null && !hanvisarTillTjanstutlatande) {
      f.fel(SYNPUNKTER, "Föredragande borgarrådets synpunkter måste fyllas i (de kan bara utelämnas när "
          + "förslaget till beslut hänvisar till ett tjänsteutlåtande).");
    }
    f.text(ARENDEBESKRIVNING, "Ärendet", Integer.MAX_VALUE, false);
    String undertecknare = f.text(UNDERTECKNARE, "Föredragande borgarråd (undertecknare)", 200, true);
    boolean utanDatum = f.varde(PROMEMORIA_DATUM) == null || f.varde(PROMEMORIA_DATUM).toString().isBlank();
    LocalDate datum = f.datum(PROMEMORIA_DATUM, "Datum", false);
    if (datum != null && datum.isAfter(frister.idag())) {
      f.fel(PROMEMORIA_DATUM, "Promemorians datum kan inte ligga i framtiden.");
    }
    f.kontrollera();
    if (utanDatum) {
      task.setVariable(PROMEMORIA_DATUM, frister.idag().toString());
    }
    Object foredragande = task.getVariable(FOREDRAGANDE_BORGARRAD);
    if (!undertecknare.equals(foredragande)) {
      var dnr = Processkontext.diarienummer(task);
      diarium.andraForedragandeBorgarrad(dnr, undertecknare);
      diarium.registreraHandelse(dnr, Handelsetyp.FOREDRAGANDE_ANDRAT, "Föredragande borgarråd ändrat"
              + (foredragande == null ? "" : " från " + foredragande) + " till " + undertecknare
              + ", som undertecknar promemorian.", Processkontext.anvandare(), null, null);
      task.setVariable(FOREDRAGANDE_BORGARRAD, undertecknare);
    }
    task.setVariable(UNDERTECKNARE, undertecknare);
  }

  /**
   * @param forslag a förslag till beslut; may be null
   * @return true when it refers to a tjänsteutlåtande ("… med hänvisning till stadsledningskontorets
   *     tjänsteutlåtande"), so that the promemoria needs no synpunkter of its own
   */
  static boolean hanvisarTillTjanstutlatande(String forslag) {
    return forslag != null && forslag.toLowerCase(Locale.forLanguageTag("sv-SE")).contains("tjänsteutlåtande");
  }
}
