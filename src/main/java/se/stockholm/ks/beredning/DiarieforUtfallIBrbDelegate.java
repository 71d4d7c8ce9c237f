package se.stockholm.ks.beredning;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.kalender.SammantradeSaknasException;
import se.stockholm.ks.kalender.Sammantraden;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Punktstatus;
import se.stockholm.ks.sammantrade.Sammantradesregister;

/**
 * {@code ${diarieforUtfallIBrb}}: notes borgarrådsberedningen's outcome in the ärende and, when
 * särskilda uttalanden were announced, sets their deadline: the configured number of working days
 * before the KS meeting the ärende will go to (or five working days after the BRB meeting when the
 * plan has no KS meeting yet).
 */
@Component("diarieforUtfallIBrb")
class DiarieforUtfallIBrbDelegate implements JavaDelegate {

  private final Diarium diarium;
  private final Frister frister;
  private final Sammantraden sammantraden;
  private final Arbetsdagskalender kalender;
  private final Sammantradesregister register;

  DiarieforUtfallIBrbDelegate(Diarium diarium, Frister frister, Sammantraden sammantraden,
                              Arbetsdagskalender kalender, Sammantradesregister register) {
    this.register = register;
    this.diarium = diarium;
    this.frister = frister;
    this.sammantraden = sammantraden;
    this.kalender = kalender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    LocalDate brb = Frister.datum(execution.getVariable(BRB_SAMMANTRADE));
    String utfall = (String) execution.getVariable(BRB_UTFALL);
    String kalla = "brb-utfall:" + execution.getProcessInstanceId() + ":" + brb;
    // the outcome is the meeting's act: recorded after the meeting day, it is dated that day
    java.time.OffsetDateTime tid = Diarium.tidpunktFor(brb, null);
    register.stall(Organ.BRB, brb, dnr, switch (utfall) {
      case "TILLSTYRKER" -> Punktstatus.TILLSTYRKT;
      case "ATERREMISS" -> Punktstatus.ATERREMITTERAT;
      case "BORDLAGGNING" -> Punktstatus.BORDLAGT;
      default -> throw new IllegalStateException("Okänt utfall i borgarrådsberedningen: " + utfall);
    });
    switch (utfall) {
      case "TILLSTYRKER" -> {
        List<String> partier = Formular.strangar(execution.getVariable(BRB_SARSKILDA_UTTALANDEN));
        String text = "Borgarrådsberedningen tillstyrkte föredragande borgarrådets förslag " + brb + "."
            + (partier.isEmpty() ? "" : " Särskilt uttalande anmält av " + String.join(", ", partier) + ".");
        diarium.registreraHandelse(dnr, Handelsetyp.BRB_TILLSTYRKT, text, null, null, kalla, tid);
        if (!partier.isEmpty()) {
          LocalDate sista;
          try {
            sista = Frister.datum(frister.sarskiltUttalandeSistaDag(sammantraden.forstaKsSammantrade(brb)));
          } catch (SammantradeSaknasException e) {
            sista = kalender.laggTillArbetsdagar(brb, 5);
          }
          execution.setVariable(SARSKILT_UTTALANDE_SISTA_DAG, sista.toString());
        }
      }
      case "ATERREMISS" -> diarium.registreraHandelse(dnr, Handelsetyp.BRB_ATERREMISS,
          "Borgarrådsberedningen återremitterade ärendet " + brb + " till "
              + ("REMISS".equals(execution.getVariable(ATERREMISS_TILL)) ? "ny remiss." : "promemorian."),
          null, null, kalla, tid);
      case "BORDLAGGNING" -> diarium.registreraHandelse(dnr, Handelsetyp.BRB_BORDLAGT,
          "Borgarrådsberedningen bordlade ärendet " + brb + ".", null, null, kalla, tid);
      default -> throw new IllegalStateException("Okänt utfall i borgarrådsberedningen: " + utfall);
    }
  }
}
