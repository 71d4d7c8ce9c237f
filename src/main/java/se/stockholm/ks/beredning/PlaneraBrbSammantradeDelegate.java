package se.stockholm.ks.beredning;

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
 * {@code ${planeraBrbSammantrade}}: puts the ärende on the agenda of borgarrådsberedningen — the
 * first meeting in the sammanträdesplan that leaves the configured lead time, or after a
 * bordläggning the next meeting. When the plan has no such meeting, throws the BPMN error
 * {@code SAMMANTRADE_SAKNAS} with the reason in {@code sammantradeFel}, and the kansli chooses.
 */
@Component("planeraBrbSammantrade")
class PlaneraBrbSammantradeDelegate implements JavaDelegate {

  /** Why the plan could not be used (shown in the kansli's form). */
  static final String SAMMANTRADE_FEL = "sammantradeFel";

  private final Sammantraden sammantraden;
  private final Frister frister;
  private final Diarium diarium;
  private final Foredragningslistor register;

  PlaneraBrbSammantradeDelegate(Sammantraden sammantraden, Frister frister, Diarium diarium,
                                Foredragningslistor register) {
    this.register = register;
    this.sammantraden = sammantraden;
    this.frister = frister;
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object tidigare = execution.getVariable(BRB_SAMMANTRADE);
    LocalDate sammantrade;
    try {
      sammantrade = tidigare == null
          ? sammantraden.forstaBrbSammantrade(frister.idag())
          : sammantraden.nastaBrbSammantrade(Frister.datum(tidigare));
    } catch (SammantradeSaknasException e) {
      execution.setVariable(SAMMANTRADE_FEL, e.getMessage());
      throw new BpmnError(FEL_SAMMANTRADE_SAKNAS, e.getMessage());
    }
    execution.setVariable(BRB_SAMMANTRADE, sammantrade.toString());
    execution.removeVariable(SAMMANTRADE_FEL);
    var dnr = Processkontext.diarienummer(execution);
    register.anmal(Organ.BRB, sammantrade, dnr, execution.getProcessEngineServices());
    diarium.registreraHandelse(dnr, Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        "Uppfört på föredragningslistan för borgarrådsberedningens sammanträde " + sammantrade + ".", null, null,
        "brb-lista:" + execution.getProcessInstanceId() + ":" + sammantrade);
  }
}
