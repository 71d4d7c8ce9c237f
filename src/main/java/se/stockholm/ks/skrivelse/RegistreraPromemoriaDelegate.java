package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
import se.stockholm.ks.kalender.Datumformat;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.organisation.Organisation;

/**
 * {@code ${registreraPromemoria}}: registers the promemoria as an upprättad handling, its parts
 * kept as structure for the ärende document, and moves the texts (and an attached file) out of the
 * process variables. Idempotent: a retried job finds the handling it registered.
 */
@Component("registreraPromemoria")
class RegistreraPromemoriaDelegate implements JavaDelegate {

  private final Diarium diarium;
  private final Organisation organisation;

  RegistreraPromemoriaDelegate(Diarium diarium, Organisation organisation) {
    this.diarium = diarium;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    var dnr = Processkontext.diarienummer(execution);
    String rotelId = (String) execution.getVariable(ROTEL);
    String rotelNamn = organisation.rotel(rotelId).map(Organisation.Rotel::namn).orElse(rotelId);
    Map<String, Object> delar = new LinkedHashMap<>();
    delar.put("rotel", rotelId);
    delar.put("rotelNamn", rotelNamn);
    // one name for "Föredragande borgarrådet …" and the signature: the listener made them the same
    Object foredragande = execution.getVariable(FOREDRAGANDE_BORGARRAD);
    delar.put("foredragandeBorgarrad", foredragande);
    for (String namn : List.of(FORSLAG_TILL_BESLUT, SAMMANFATTNING, BEREDNING, SYNPUNKTER, ARENDEBESKRIVNING)) {
      delar.put(namn, execution.getVariable(namn));
    }
    delar.put(UNDERTECKNARE, foredragande);
    String datum = Frister.datum(execution.getVariable(PROMEMORIA_DATUM)).toString();
    delar.put("datum", datum);

    NyHandling pm = NyHandling.text(Handlingstyp.PROMEMORIA, HandlingStatus.UPPRATTAD,
            "PM " + rotelNamn + " (Dnr " + dnr + "): " + execution.getVariable(RUBRIK),
            java.time.LocalDate.parse(datum), text(rotelNamn, dnr.toString(), delar))
        .withStruktur(Json.text(delar))
        .withKallaNyckel("pm:" + Variabelkalla.nyckel(execution, SAMMANFATTNING))
        .withRegistreradAv(Processkontext.anvandare());
    FileValue fil = execution.getVariableTyped(PROMEMORIA_FIL) instanceof FileValue f ? f : null;
    if (fil != null && fil.getValue() != null) {
      try (InputStream in = fil.getValue()) {
        pm = pm.withFil(in.readAllBytes(), fil.getFilename());
      }
    }
    Handling handling = diarium.registreraHandling(dnr, pm);
    diarium.registreraHandelse(dnr, Handelsetyp.PROMEMORIA_UPPRATTAD, "Promemoria upprättad av " + rotelNamn
        + " (" + delar.get(UNDERTECKNARE) + ").", null, handling.dokumentnummer(), "pm-handelse:" + handling.dokumentnummer());
    execution.setVariable(PROMEMORIA, handling.dokumentnummer());
    for (String moved : List.of(SAMMANFATTNING, BEREDNING, SYNPUNKTER, ARENDEBESKRIVNING, PROMEMORIA_FIL)) {
      execution.removeVariable(moved);
    }
  }

  private static String text(String rotelNamn, String dnr, Map<String, Object> d) {
    StringBuilder sb = new StringBuilder();
    sb.append("PM ").append(rotelNamn).append(" (Dnr ").append(dnr).append(")\n\n");
    avsnitt(sb, "Förslag till beslut", d.get(FORSLAG_TILL_BESLUT));
    sb.append("Föredragande borgarrådet ").append(d.get("foredragandeBorgarrad")).append("\n\n");
    avsnitt(sb, "Sammanfattning av ärendet", d.get(SAMMANFATTNING));
    avsnitt(sb, "Beredning", d.get(BEREDNING));
    avsnitt(sb, "Föredragande borgarrådets synpunkter", d.get(SYNPUNKTER));
    avsnitt(sb, "Ärendet", d.get(ARENDEBESKRIVNING));
    sb.append("Stockholm den ").append(Datumformat.lopandeText(d.get("datum"))).append("\n\n")
        .append(d.get(UNDERTECKNARE)).append('\n');
    return sb.toString();
  }

  private static void avsnitt(StringBuilder sb, String rubrik, Object text) {
    if (text != null && !text.toString().isBlank()) {
      sb.append(rubrik).append("\n\n").append(text.toString().strip()).append("\n\n");
    }
  }
}
