package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Sammantradesregister;

/**
 * {@code ${anslagListener}} on "Anslå protokollet": proposes today as the day of the anslag; the
 * day must lie between the justering and today. The three weeks for laglighetsprövning
 * (kommunallagen 13 kap 5 §) run from this day.
 */
@Component("anslagListener")
class AnslagListener implements TaskListener {

  private final Frister frister;
  private final Sammantradesregister sammantraden;

  AnslagListener(Frister frister, Sammantradesregister sammantraden) {
    this.sammantraden = sammantraden;
    this.frister = frister;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariable(ANSLAGSDATUM, frister.idag().toString());
      return;
    }
    LocalDate justerat = Frister.datum(task.getVariable(JUSTERINGSDATUM));
    Formular f = Formular.av(task);
    LocalDate anslag = f.datum(ANSLAGSDATUM, "Anslagsdag", true);
    if (anslag != null && anslag.isBefore(justerat)) {
      f.fel(ANSLAGSDATUM, "Anslaget kan inte ske före justeringen (" + justerat + ").");
    } else if (anslag != null && anslag.isAfter(frister.idag())) {
      f.fel(ANSLAGSDATUM, "Anslagsdagen kan inte ligga i framtiden.");
    }
    f.kontrollera();
    task.setVariable(ANSLAGSDATUM, anslag.toString());
    sammantraden.ansla(Organ.KS, Frister.datum(task.getVariable(SAMMANTRADE)), anslag);
  }
}
