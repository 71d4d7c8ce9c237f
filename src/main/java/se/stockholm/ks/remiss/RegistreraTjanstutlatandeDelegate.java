package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.engine.Json;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.engine.Variabelkalla;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${registreraTjanstutlatande}}: registers the tjänsteutlåtande as an incoming handling from
 * the remissinstans, dated as written and linked to the remiss it answers (its structure's
 * {@code remiss}: each remiss round has its own answer), and moves its text and file out of the
 * process variables.
 * Idempotent: a retried job finds the handling it registered.
 */
@Component("registreraTjanstutlatande")
class RegistreraTjanstutlatandeDelegate implements JavaDelegate {

  private final Diarium diarium;

  RegistreraTjanstutlatandeDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    var dnr = Processkontext.diarienummer(execution);
    String namn = (String) execution.getVariable(REMISSINSTANS_NAMN);
    LocalDate datum = Frister.datum(execution.getVariable(TJANSTUTLATANDE_DATUM));
    Object text = execution.getVariable(TJANSTUTLATANDE_TEXT);
    FileValue fil = execution.getVariableTyped(TJANSTUTLATANDE_FIL) instanceof FileValue f ? f : null;
    boolean harFil = fil != null && fil.getValue() != null;
    String kalla = "tu:" + Variabelkalla.nyckel(execution, harFil ? TJANSTUTLATANDE_FIL : TJANSTUTLATANDE_TEXT);
    NyHandling tu = NyHandling.text(Handlingstyp.TJANSTUTLATANDE, HandlingStatus.INKOMMEN,
            namn + "s tjänsteutlåtande: " + execution.getVariable(RUBRIK), datum, text == null ? null : text.toString())
        .withAvsandare(namn)
        .withStruktur(Json.text(Map.of("remissinstans", execution.getVariable(REMISSINSTANS), "namn", namn,
            "datum", datum.toString(), "remiss", String.valueOf(execution.getVariable(REMISS)))))
        .withKallaNyckel(kalla)
        .withRegistreradAv(Processkontext.anvandare());
    if (harFil) {
      try (InputStream in = fil.getValue()) {
        tu = tu.withFil(in.readAllBytes(), fil.getFilename());
      }
    }
    Handling handling = diarium.registreraHandling(dnr, tu);
    diarium.registreraHandelse(dnr, Handelsetyp.TJANSTUTLATANDE_INKOMMET, namn + "s tjänsteutlåtande daterat "
        + datum + " har kommit in.", null, handling.dokumentnummer(), "tu-handelse:" + handling.dokumentnummer());
    execution.setVariable(TJANSTUTLATANDE, handling.dokumentnummer());
    for (String moved : List.of(TJANSTUTLATANDE_TEXT, TJANSTUTLATANDE_FIL)) {
      execution.removeVariable(moved);
    }
  }
}
