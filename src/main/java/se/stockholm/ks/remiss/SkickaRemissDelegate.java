package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.dokument.Textformat;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Datumformat;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.organisation.Organisation;

/**
 * {@code ${skickaRemiss}}: the remiss to one remissinstans is registered as an expedierad handling
 * and the remissinstans' name and candidate group are set for its task. Idempotent per remiss
 * process instance.
 */
@Component("skickaRemiss")
class SkickaRemissDelegate implements JavaDelegate {

  /** Names in running text: "till stadsledningskontoret". */
  private static final Textformat TEXT = new Textformat();

  private final Diarium diarium;
  private final Organisation organisation;

  SkickaRemissDelegate(Diarium diarium, Organisation organisation) {
    this.diarium = diarium;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    String id = (String) execution.getVariable(REMISSINSTANS);
    Organisation.Remissinstans instans = organisation.remissinstans(id)
        .orElseThrow(() -> new IllegalStateException("Okänd remissinstans '" + id + "' i " + dnr));
    String svarsdatum = Frister.datum(execution.getVariable(SVARSDATUM)).toString();
    String rubrik = (String) execution.getVariable(RUBRIK);
    String text = "Kommunstyrelsen remitterar ärende " + dnr + ", " + rubrik + ", till "
        + TEXT.iLopandeText(instans.namn())
        + " för yttrande.\n\nSvar senast den " + Datumformat.lopandeText(svarsdatum) + ". Skrivelsen finns som handling "
        + dnr.dokumentnummer(1)
        + ".";
    Handling remiss = diarium.registreraHandling(dnr,
        NyHandling.text(Handlingstyp.REMISS, HandlingStatus.EXPEDIERAD, "Remiss till " + instans.namn() + ": " + rubrik,
                Diarium.idag(), text)
            .withMottagare(instans.namn())
            .withKallaNyckel("remiss:" + execution.getProcessInstanceId()));
    diarium.registreraHandelse(dnr, Handelsetyp.REMITTERAT, "Remitterat till " + instans.namn() + " med svarsdatum "
        + svarsdatum + ".", null, remiss.dokumentnummer(), "remitterat:" + execution.getProcessInstanceId());
    execution.setVariable(REMISSINSTANS_NAMN, instans.namn());
    execution.setVariable(REMISSINSTANS_GRUPP, instans.grupp());
    execution.setVariable(REMISS, remiss.dokumentnummer());
    execution.setVariable(SVARSDATUM, svarsdatum);
  }
}
