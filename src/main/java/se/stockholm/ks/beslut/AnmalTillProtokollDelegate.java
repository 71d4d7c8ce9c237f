package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${anmalTillProtokoll}}: joins the decided ärende to the protokoll of its KS meeting. The
 * first ärende of a meeting starts the meeting's protokoll process (business key
 * {@code KS <datum>}); an ärende whose protokoll is already anslaget gets the dates at once
 * ({@code protokollAnslaget = true}), otherwise it waits for the message {@code ProtokollAnslaget}.
 * Holds the meeting's row lock until the transaction ends (see {@link Protokollregister}).
 */
@Component("anmalTillProtokoll")
class AnmalTillProtokollDelegate implements JavaDelegate {

  /** The protokoll process's key. */
  static final String PROTOKOLL_PROCESS = "protokoll";

  private final Protokollregister register;
  private final Frister frister;

  AnmalTillProtokollDelegate(Protokollregister register, Frister frister) {
    this.register = register;
    this.frister = frister;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate mote = Frister.datum(execution.getVariable(KS_SAMMANTRADE));
    Protokollregister.Protokoll protokoll = register.las(mote);
    if (Protokollregister.ANSLAGET.equals(protokoll.status())) {
      execution.setVariable(JUSTERINGSDATUM, protokoll.justeringsdatum().toString());
      execution.setVariable(ANSLAGSDATUM, protokoll.anslagsdatum().toString());
      execution.setVariable(PROTOKOLL_ANSLAGET, true);
      return;
    }
    execution.setVariable(PROTOKOLL_ANSLAGET, false);
    if (protokoll.processInstanceId() == null) {
      ProcessInstance pi = execution.getProcessEngineServices().getRuntimeService()
          .createProcessInstanceByKey(PROTOKOLL_PROCESS)
          .businessKey("KS " + mote)
          .setVariables(Variables.createVariables()
              .putValue(SAMMANTRADE, mote.toString())
              .putValue(RUBRIK, "Protokoll från kommunstyrelsens sammanträde " + mote)
              .putValue(JUSTERING_SENAST, frister.justeringSenast(mote)))
          .execute();
      register.kopplaProcess(mote, pi.getId());
    }
  }
}
