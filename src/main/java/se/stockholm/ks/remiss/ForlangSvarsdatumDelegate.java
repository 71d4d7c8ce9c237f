package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.dokument.Textformat;
import se.stockholm.ks.engine.Json;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Datumformat;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${forlangSvarsdatum}}: KS kansli extended svarsdatum. The notice to the remissinstans is
 * registered as an expedierad handling ({@link Handlingstyp#FORLANGNING}, recipient the remissinstans,
 * with the remiss, the earlier and the new svarsdatum as structure), the extension is noted in the
 * ärende, and svarsdatum becomes the new date — so the remissinstans' new task, its reminder and
 * escalation, the ärende's page and the API's frister all follow it. Idempotent per remiss and new
 * svarsdatum: a retried job registers nothing twice. A step that sends the notice (e-mail) can follow
 * this one; it finds the handling's dokumentnummer in {@link se.stockholm.ks.skrivelse.Variabler#FORLANGNING}.
 */
@Component("forlangSvarsdatum")
class ForlangSvarsdatumDelegate implements JavaDelegate {

  /** Names in running text: "till stadsledningskontoret". */
  private static final Textformat TEXT = new Textformat();

  private final Diarium diarium;

  ForlangSvarsdatumDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    String instans = (String) execution.getVariable(REMISSINSTANS_NAMN);
    String remiss = (String) execution.getVariable(REMISS);
    LocalDate tidigare = Frister.datum(execution.getVariable(SVARSDATUM));
    LocalDate nytt = Frister.datum(execution.getVariable(NYTT_SVARSDATUM));
    String rubrik = (String) execution.getVariable(RUBRIK);
    String kalla = "forlangt:" + execution.getProcessInstanceId() + ":" + nytt;

    String text = "Kommunstyrelsen förlänger svarsdatum för remissen av ärende " + dnr + ", " + rubrik + ", till "
        + TEXT.iLopandeText(instans) + ".\n\nNytt svarsdatum: den " + Datumformat.lopandeText(nytt) + " (tidigare den "
        + Datumformat.lopandeText(tidigare) + ")." + (remiss == null ? "" : " Remissen finns som handling " + remiss + ".");
    Map<String, Object> struktur = new LinkedHashMap<>();
    struktur.put("remiss", remiss);
    struktur.put("remissinstans", execution.getVariable(REMISSINSTANS));
    struktur.put("tidigareSvarsdatum", tidigare.toString());
    struktur.put("svarsdatum", nytt.toString());
    Handling besked = diarium.registreraHandling(dnr,
        NyHandling.text(Handlingstyp.FORLANGNING, HandlingStatus.EXPEDIERAD,
                "Förlängt svarsdatum för remiss till " + instans + ": " + rubrik, Diarium.idag(), text)
            .withMottagare(instans)
            .withStruktur(Json.text(struktur))
            .withKallaNyckel(kalla)
            .withRegistreradAv(Processkontext.anvandare()));
    diarium.registreraHandelse(dnr, Handelsetyp.SVARSDATUM_FORLANGT, "Svarsdatum för " + instans + " förlängt från "
        + tidigare + " till " + nytt + "; beskedet expedierat som " + besked.dokumentnummer() + ".", null,
        besked.dokumentnummer(), kalla);
    execution.setVariable(SVARSDATUM, nytt.toString());
    execution.setVariable(FORLANGNING, besked.dokumentnummer());
    execution.removeVariable(NYTT_SVARSDATUM);
    execution.removeVariable(FORSENAT_REMISSVAR_ATGARD);
  }
}
