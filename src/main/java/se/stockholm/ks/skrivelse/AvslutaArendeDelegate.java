package se.stockholm.ks.skrivelse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${avslutaArende}}: the time for laglighetsprövning (kommunallagen 13 kap 5 §) has run out;
 * the decision has laga kraft and the ärende is closed in the diarium, ready for e-arkiv.
 */
@Component("avslutaArende")
class AvslutaArendeDelegate implements JavaDelegate {

  private final Diarium diarium;
  private final Frister frister;

  AvslutaArendeDelegate(Diarium diarium, Frister frister) {
    this.diarium = diarium;
    this.frister = frister;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    String sistaDag = frister.sistaDagForLaglighetsprovning(execution.getVariable(Variabler.ANSLAGSDATUM));
    diarium.registreraHandelse(dnr, Handelsetyp.LAGA_KRAFT, "Tiden för laglighetsprövning gick ut " + sistaDag
        + "; beslutet har vunnit laga kraft om det inte överklagats.", null, null, "lagakraft:" + dnr);
    diarium.andraStatus(dnr, Arendestatus.AVSLUTAT);
    diarium.registreraHandelse(dnr, Handelsetyp.AVSLUTAT, "Ärendet avslutat.", null, null, "avslutat:" + dnr);
  }
}
