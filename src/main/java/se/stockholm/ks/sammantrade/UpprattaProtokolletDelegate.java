package se.stockholm.ks.sammantrade;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${upprattaProtokollet}}, after the justering (a save point before it): writes the whole
 * protokoll of kommunstyrelsen's meeting (kommunallagen 5 kap 65–69 §§) as PDF/A in the meeting's
 * series and notes it in every ärende with a paragraph. Idempotent per process instance: a retried
 * job returns the protokoll already written.
 */
@Component("upprattaProtokollet")
class UpprattaProtokolletDelegate implements JavaDelegate {

  private final Sammantradesdokument dokument;

  UpprattaProtokolletDelegate(Sammantradesdokument dokument) {
    this.dokument = dokument;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate mote = Frister.datum(execution.getVariable(SAMMANTRADE));
    Object narvarande = execution.getVariable(NARVARANDE);
    var protokoll = dokument.upprattaProtokoll(mote, narvarande == null ? null : narvarande.toString().strip(),
        "protokoll:" + execution.getProcessInstanceId(), null);
    execution.setVariable(PROTOKOLL_DOKUMENT, protokoll.beteckning());
  }
}
