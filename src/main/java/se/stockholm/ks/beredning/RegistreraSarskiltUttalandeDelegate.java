package se.stockholm.ks.beredning;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * {@code ${registreraSarskiltUttalande}}: registers a party's särskilt uttalande in
 * borgarrådsberedningen as an incoming handling (structure: organ BRB, party, member, meeting) and
 * moves its text and file out of the process variables. Idempotent per submitted text.
 */
@Component("registreraSarskiltUttalande")
class RegistreraSarskiltUttalandeDelegate implements JavaDelegate {

  private final Diarium diarium;

  RegistreraSarskiltUttalandeDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    var dnr = Processkontext.diarienummer(execution);
    String parti = (String) execution.getVariable(PARTI);
    String ledamot = execution.getVariable(UTTALANDE_LEDAMOT).toString().strip();
    Object text = execution.getVariable(UTTALANDE_TEXT);
    FileValue fil = execution.getVariableTyped(UTTALANDE_FIL) instanceof FileValue f ? f : null;
    boolean harFil = fil != null && fil.getValue() != null;
    String avsandare = ledamot + " (" + parti + ")";
    NyHandling su = NyHandling.text(Handlingstyp.SARSKILT_UTTALANDE, HandlingStatus.INKOMMEN,
            "Särskilt uttalande av " + avsandare + " i borgarrådsberedningen", Diarium.idag(),
            text == null ? null : text.toString())
        .withAvsandare(avsandare)
        .withStruktur(Json.text(Map.of("organ", "BRB", "parti", parti, "ledamot", ledamot,
            "sammantrade", String.valueOf(execution.getVariable(BRB_SAMMANTRADE)))))
        .withKallaNyckel("su:" + Variabelkalla.nyckel(execution, harFil ? UTTALANDE_FIL : UTTALANDE_TEXT))
        .withRegistreradAv(Processkontext.anvandare());
    if (harFil) {
      try (InputStream in = fil.getValue()) {
        su = su.withFil(in.readAllBytes(), fil.getFilename());
      }
    }
    Handling handling = diarium.registreraHandling(dnr, su);
    diarium.registreraHandelse(dnr, Handelsetyp.SARSKILT_UTTALANDE_INKOMMET, "Särskilt uttalande av " + avsandare
        + " (borgarrådsberedningen) har kommit in.", null, handling.dokumentnummer(), "su-handelse:" + handling.dokumentnummer());
    for (String moved : List.of(UTTALANDE_TEXT, UTTALANDE_FIL)) {
      execution.removeVariable(moved);
    }
  }
}
