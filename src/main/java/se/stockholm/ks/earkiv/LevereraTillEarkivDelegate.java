package se.stockholm.ks.earkiv;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.engine.Processkontext;

/**
 * {@code ${levereraTillEarkiv}}: the skrivelse process's last step, "Leverera till e-arkivet", after
 * the ärende is closed (avslutat) or withdrawn (återkallat). Delivers the ärende's validated package
 * to the e-arkiv's folder through {@link Earkivleverans}: idempotent (a retried or repeated job
 * leaves one package and one event), and a failure (a package that does not validate, a folder that
 * cannot be written) is thrown to the engine, which retries the job (the model's
 * failedJobRetryTimeCycle) and then raises an incident in Cockpit with the Swedish reason.
 *
 * <p>With {@code ks.earkiv.leverans-i-processen=false} the step delivers nothing (the archivist
 * delivers with the batch command instead) and the process ends.
 */
@Component("levereraTillEarkiv")
class LevereraTillEarkivDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(LevereraTillEarkivDelegate.class);

  private final Earkivleverans leverans;
  private final EarkivInstallningar installningar;

  LevereraTillEarkivDelegate(Earkivleverans leverans, EarkivInstallningar installningar) {
    this.leverans = leverans;
    this.installningar = installningar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Diarienummer dnr = Processkontext.diarienummer(execution);
    if (!installningar.leveransIProcessen()) {
      LOG.info("{}: leverans till e-arkivet i processen är avstängd (ks.earkiv.leverans-i-processen); "
          + "arkivarien levererar med POST /api/v1/earkiv/leveranser", dnr);
      return;
    }
    leverans.leverera(dnr);
  }
}
