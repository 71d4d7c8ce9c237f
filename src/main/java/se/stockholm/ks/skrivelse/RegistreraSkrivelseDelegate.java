package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.diarium.NyttArende;
import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.engine.Processkontext;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * {@code ${registreraSkrivelse}}: registers the incoming skrivelse. Reads and checks the intake
 * (from the start form, the engine REST API or {@code /api/v1/skrivelser}), gives the ärende the
 * next diarienummer, makes it the business key, registers the skrivelse as handling {@code -1}
 * and moves its text and file out of the process variables.
 *
 * <p>Runs in the start's own transaction: invalid input raises a
 * {@link FormFieldValidationException} (400 with the field at fault) and nothing is registered.
 */
@Component("registreraSkrivelse")
class RegistreraSkrivelseDelegate implements JavaDelegate {

  private final Diarium diarium;
  private final Skrivelseinlamning inlamning;
  private final ObjectMapper json;

  RegistreraSkrivelseDelegate(Diarium diarium, Skrivelseinlamning inlamning, ObjectMapper json) {
    this.diarium = diarium;
    this.inlamning = inlamning;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    if (diarium.arendeForProcess(execution.getProcessInstanceId()).isPresent()) {
      return; // already registered by this process instance
    }
    Skrivelseinlamning.Uppgifter u = inlamning.las(execution);
    String anvandare = Processkontext.anvandare();
    String struktur = json.writeValueAsString(Map.of("fragor", u.fragor()));
    NyHandling skrivelse = NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, u.rubrik(),
            u.inkom().atZoneSameInstant(Diarium.STOCKHOLM).toLocalDate(), u.text())
        .withAvsandare(u.avsandare().medParti())
        .withStruktur(struktur)
        .withRegistreradAv(anvandare);
    if (u.fil() != null) {
      skrivelse = skrivelse.withFil(u.fil().bytes(), u.fil().filnamn());
    }
    // everything that can be wrong with the intake is found before a diarienummer is taken
    try {
      diarium.kontrolleraHandling(skrivelse);
    } catch (OgiltigHandlingException e) {
      throw new FormFieldValidationException(Map.of(SKRIVELSE_FIL, e.getMessage()), e.getMessage());
    }

    Arende arende = diarium.registreraArende(
        new NyttArende("SKRIVELSE", u.rubrik(), u.inkom(), u.avsandare(), anvandare));
    var dnr = arende.diarienummer();
    diarium.kopplaProcess(dnr, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(dnr.toString());
    // the engine puts the business key in the log context when an activity starts; from here on too
    org.slf4j.MDC.put(se.stockholm.ks.drift.Anropsmatning.MDC_DNR, dnr.toString());
    diarium.registreraHandelse(dnr, Handelsetyp.REGISTRERAT,
        "Skrivelse från " + u.avsandare().medParti() + " registrerad som " + dnr + ".", anvandare,
        dnr.dokumentnummer(1), null);
    Handling handling = diarium.registreraHandling(dnr, skrivelse);

    execution.setVariable(DIARIENUMMER, dnr.toString());
    execution.setVariable(RUBRIK, u.rubrik());
    execution.setVariable(AVSANDARE, Skrivelseinlamning.avsandareText(u.avsandare()));
    execution.setVariable(ARENDE_LANK, "/arenden/" + dnr.urlForm());
    execution.setVariable(INKOM_DATUM, arende.inkomDatum().toString());
    execution.setVariable(SKRIVELSE, handling.dokumentnummer());
    for (String moved : List.of(SKRIVELSE_TEXT, SKRIVELSE_FIL, FRAGOR, INKOM)) {
      execution.removeVariable(moved);
    }
  }
}
