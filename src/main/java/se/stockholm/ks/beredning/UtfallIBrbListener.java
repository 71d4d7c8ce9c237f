package se.stockholm.ks.beredning;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Json;
import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Sammantradesregister;

/**
 * {@code ${utfallIBrbListener}} on "Registrera utfall i BRB". On create: the parties as options for
 * "särskilt uttalande anmält av". On complete: the outcome is tillstyrker, återremiss (to the
 * promemoria or to a new remiss) or bordläggning; särskilda uttalanden only with tillstyrker.
 */
@Component("utfallIBrbListener")
class UtfallIBrbListener implements TaskListener {

  /** The outcomes. */
  static final List<String> UTFALL = List.of("TILLSTYRKER", "ATERREMISS", "BORDLAGGNING");
  /** Where an återremiss may go. */
  static final List<String> ATERREMISS_MAL = List.of("PROMEMORIA", "REMISS");

  private final Organisation organisation;
  private final Sammantradesregister register;

  UtfallIBrbListener(Organisation organisation, Sammantradesregister register) {
    this.register = register;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // the meeting day has come: the meeting is held
      register.hall(Organ.BRB, Frister.datum(task.getVariable(BRB_SAMMANTRADE)));
      task.setVariableLocal(PARTI_ALTERNATIV, Json.alternativ(organisation.partier().stream()
          .map(p -> Json.alternativ(p.namn() + " (" + p.kod() + ")", p.kod())).toList()));
      task.removeVariable(BRB_UTFALL);
      task.removeVariable(ATERREMISS_TILL);
      task.removeVariable(BRB_SARSKILDA_UTTALANDEN);
      return;
    }
    Formular f = Formular.av(task);
    String utfall = f.val(BRB_UTFALL, "Utfall", UTFALL);
    if ("ATERREMISS".equals(utfall)) {
      f.val(ATERREMISS_TILL, "Återremiss till", ATERREMISS_MAL);
    }
    List<String> partier = f.lista(BRB_SARSKILDA_UTTALANDEN, "Särskilda uttalanden", false);
    for (String kod : partier) {
      if (organisation.parti(kod).isEmpty()) {
        f.fel(BRB_SARSKILDA_UTTALANDEN, "Okänt parti '" + kod + "'.");
      }
    }
    if (!partier.isEmpty() && utfall != null && !"TILLSTYRKER".equals(utfall)) {
      f.fel(BRB_SARSKILDA_UTTALANDEN, "Särskilda uttalanden anmäls bara när ärendet tillstyrks.");
    }
    f.kontrollera();
    task.setVariable(BRB_SARSKILDA_UTTALANDEN, Json.varde(partier.stream().distinct().toList()));
  }
}
