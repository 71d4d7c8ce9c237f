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

/**
 * {@code ${skickaPaminnelse}}: the reminder before svarsdatum. The remissinstans sees it in Tasklist
 * (the task's follow-up date is the reminder date, and it is listed among the group's tasks with
 * its due date); the reminder is noted in the ärende. Once per remiss and svarsdatum.
 */
@Component("skickaPaminnelse")
class SkickaPaminnelseDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SkickaPaminnelseDelegate.class);

  private final Diarium diarium;

  SkickaPaminnelseDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Object svarsdatum = execution.getVariable(SVARSDATUM);
    Object namn = execution.getVariable(REMISSINSTANS_NAMN);
    diarium.registreraHandelse(dnr, Handelsetyp.PAMINNELSE_SKICKAD, "Påminnelse till " + namn
        + ": tjänsteutlåtandet ska vara inne senast " + svarsdatum + ".", null, null,
        "paminnelse:" + execution.getProcessInstanceId() + ":" + svarsdatum);
    LOG.info("Påminnelse: {} ska besvara remissen i {} senast {}", namn, dnr, svarsdatum);
  }
}
