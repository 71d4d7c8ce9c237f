package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.engine.Processkontext;

/**
 * {@code ${registreraAterkallelse}}: the sender withdrew the skrivelse before the decision. The
 * återkallelse is registered as an incoming handling and the ärende closes as återkallat; the
 * handlingar registered before stay in the diarium. (A meeting whose föredragningslista the ärende was
 * on notes its removal itself, when its process is ended: see the phases' föredragningslista listeners.) Runs in the transaction of the withdrawal, so
 * the caller sees the ärende closed when the call returns.
 */
@Component("registreraAterkallelse")
class RegistreraAterkallelseDelegate implements JavaDelegate {

  private final Diarium diarium;

  RegistreraAterkallelseDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Object motivering = execution.getVariable(ATERKALLELSE_MOTIVERING);
    Object av = execution.getVariable(ATERKALLAD_AV);
    String aktor = av != null ? av.toString() : Processkontext.anvandare();
    String avsandare = (String) execution.getVariable(AVSANDARE);
    String text = "Avsändaren " + avsandare + " återkallar skrivelsen " + dnr + "."
        + (motivering == null || motivering.toString().isBlank() ? "" : "\n\n" + motivering.toString().strip());
    Handling handling = diarium.registreraHandling(dnr,
        NyHandling.text(Handlingstyp.ATERKALLELSE, HandlingStatus.INKOMMEN, "Återkallelse av skrivelsen",
                Diarium.idag(), text)
            .withAvsandare(avsandare)
            .withKallaNyckel("aterkallelse:" + execution.getProcessInstanceId())
            .withRegistreradAv(aktor));
    diarium.andraStatus(dnr, Arendestatus.ATERKALLAT);
    diarium.registreraHandelse(dnr, Handelsetyp.ATERKALLAT, "Skrivelsen återkallad; ärendet avslutat som återkallat.",
        aktor, handling.dokumentnummer(), "aterkallat:" + execution.getProcessInstanceId());
  }
}
