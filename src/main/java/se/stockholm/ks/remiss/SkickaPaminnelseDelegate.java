package se.stockholm.ks.remiss;

import static se.stockholm.ks.skrivelse.Variabler.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.meddelanden.Meddelanden;
import se.stockholm.ks.meddelanden.Meddelandetyp;

/**
 * {@code ${skickaPaminnelse}}: the reminder before svarsdatum. It is e-mailed to the remissinstans'
 * functional mailbox (at most once: {@link Meddelanden}), and the remissinstans also sees it in Tasklist
 * (the task's follow-up date is the reminder date, and it is listed among the group's tasks with
 * its due date); the reminder is noted in the ärende. Once per remiss and svarsdatum, and never once
 * svarsdatum has passed ({@link Frister#svarsdatumPasserat}): a reminder job that runs late — after
 * downtime or a clock jump, together with the escalation — sends nothing.
 */
@Component("skickaPaminnelse")
class SkickaPaminnelseDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SkickaPaminnelseDelegate.class);

  private final Diarium diarium;
  private final Frister frister;
  private final Meddelanden meddelanden;

  SkickaPaminnelseDelegate(Diarium diarium, Frister frister, Meddelanden meddelanden) {
    this.diarium = diarium;
    this.frister = frister;
    this.meddelanden = meddelanden;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Object svarsdatum = execution.getVariable(SVARSDATUM);
    Object namn = execution.getVariable(REMISSINSTANS_NAMN);
    if (!Diarium.nu().toInstant().isBefore(frister.svarsdatumPasserat(svarsdatum).toInstant())) {
      // jobs due together after downtime or a moved clock: the escalation, not a reminder, applies now
      LOG.info("Påminnelsen till {} i {} skickas inte: svarsdatum {} har redan passerat.", namn, dnr, svarsdatum);
      return;
    }
    meddelanden.skicka(execution, Meddelandetyp.PAMINNELSE);
    diarium.registreraHandelse(dnr, Handelsetyp.PAMINNELSE_SKICKAD, "Påminnelse till " + namn
        + ": tjänsteutlåtandet ska vara inne senast " + svarsdatum + ".", null, null,
        "paminnelse:" + execution.getProcessInstanceId() + ":" + svarsdatum);
    LOG.info("Påminnelse: {} ska besvara remissen i {} senast {}", namn, dnr, svarsdatum);
  }
}
