package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.kalender.SammantradeSaknasException;
import se.stockholm.ks.kalender.Sammantraden;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Foredragningslistor;

/**
 * {@code ${planeraKsSammantrade}}: puts the ärende on the agenda of kommunstyrelsen — the first
 * meeting that leaves the configured lead time after borgarrådsberedningen's meeting (never before
 * today), or after a bordläggning the next meeting. When the plan has no such meeting, throws the
 * BPMN error {@code SAMMANTRADE_SAKNAS} with the reason in {@code sammantradeFel}.
 */
@Component("planeraKsSammantrade")
class PlaneraKsSammantradeDelegate implements JavaDelegate {

  /** Why the plan could not be used (shown in the kansli's form). */
  static final String SAMMANTRADE_FEL = "sammantradeFel";

  private final Sammantraden sammantraden;
  private final Frister frister;
  private final Diarium diarium;
  private final Foredragningslistor register;

  PlaneraKsSammantradeDelegate(Sammantraden sammantraden, Frister frister, Diarium diarium,
                               Foredragningslistor register) {
    this.register = register;
    this.sammantraden = sammantraden;
    this.frister = frister;
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object tidigare = execution.getVariable(KS_SAMMANTRADE);
    LocalDate sammantrade;
    try {
      if (tidigare != null) {
        sammantrade = sammantraden.nastaKsSammantrade(Frister.datum(tidigare));
      } else {
        Object brb = execution.getVariable(BRB_SAMMANTRADE);
        LocalDate fran = brb == null ? frister.idag() : Frister.datum(brb);
        sammantrade = sammantraden.forstaKsSammantrade(fran);
        while (sammantrade.isBefore(frister.idag())) {
          sammantrade = sammantraden.nastaKsSammantrade(sammantrade);
        }
      }
    } catch (SammantradeSaknasException e) {
      execution.setVariable(SAMMANTRADE_FEL, e.getMessage());
      throw new BpmnError(FEL_SAMMANTRADE_SAKNAS, e.getMessage());
    }
    execution.setVariable(KS_SAMMANTRADE, sammantrade.toString());
    execution.removeVariable(SAMMANTRADE_FEL);
    register.anmal(Organ.KS, sammantrade, Processkontext.diarienummer(execution), execution.getProcessEngineServices());
    diarium.registreraHandelse(Processkontext.diarienummer(execution), Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        "Uppfört på föredragningslistan för kommunstyrelsens sammanträde " + sammantrade + ".", null, null,
        "ks-lista:" + execution.getProcessInstanceId() + ":" + sammantrade);
  }
}
