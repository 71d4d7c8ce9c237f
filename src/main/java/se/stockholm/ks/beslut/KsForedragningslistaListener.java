package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Foredragningslistor;

/**
 * {@code ${ksForedragningslistaListener}}, on the end of the process: when the process is ended from outside (the
 * skrivelse withdrawn) while the ärende is on the föredragningslista of a meeting that has not
 * treated it, notes in the ärende that it is taken off that list, and removes the meeting date so
 * that the ärende no longer shows it among its frister. A process that completes notes nothing.
 */
@Component("ksForedragningslistaListener")
class KsForedragningslistaListener implements ExecutionListener {

  private final Diarium diarium;
  private final Foredragningslistor register;

  KsForedragningslistaListener(Diarium diarium, Foredragningslistor register) {
    this.register = register;
    this.diarium = diarium;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object mote = execution.getVariable(KS_SAMMANTRADE);
    // ended from outside: only before kommunstyrelsen's decision (a decided ärende cannot be withdrawn)
    if (!execution.isCanceled() || mote == null) {
      return;
    }
    LocalDate datum = Frister.datum(mote);
    DelegateExecution anropare = execution.getSuperExecution();
    boolean aterkallat = anropare != null && anropare.getVariable(ATERKALLAD_AV) != null;
    diarium.registreraHandelse(Processkontext.diarienummer(execution), Handelsetyp.AVFORT_FRAN_FOREDRAGNINGSLISTA,
        "Ärendet avfört från föredragningslistan för kommunstyrelsens sammanträde " + datum
            + (aterkallat ? " (skrivelsen återkallad)." : "."),
        Processkontext.anvandare(), null, "avfort:" + execution.getProcessInstanceId() + ":" + datum);
    register.avfor(Organ.KS, datum, Processkontext.diarienummer(execution), execution.getProcessEngineServices());
    execution.removeVariable(KS_SAMMANTRADE);
  }
}
