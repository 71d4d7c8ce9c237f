package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Sammantradesregister;

/**
 * {@code ${justeringListener}} on "Justera protokollet": the day of justering must lie between the
 * meeting and today, and every ärende on the meeting's agenda must have its outcome recorded
 * first (the protokoll holds them all). Records the justering and sets the last day for the
 * anslag (kommunallagen 8 kap 12 §).
 */
@Component("justeringListener")
class JusteringListener implements TaskListener {

  private final Protokollregister register;
  private final Frister frister;
  private final Sammantradesregister sammantraden;

  JusteringListener(Protokollregister register, Frister frister, Sammantradesregister sammantraden) {
    this.sammantraden = sammantraden;
    this.register = register;
    this.frister = frister;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate mote = Frister.datum(task.getVariable(SAMMANTRADE));
    Formular f = Formular.av(task);
    LocalDate justerat = f.datum(JUSTERINGSDATUM, "Justeringsdag", true);
    if (justerat != null && justerat.isBefore(mote)) {
      f.fel(JUSTERINGSDATUM, "Protokollet kan inte justeras före sammanträdet (" + mote + ").");
    } else if (justerat != null && justerat.isAfter(frister.idag())) {
      f.fel(JUSTERINGSDATUM, "Justeringsdagen kan inte ligga i framtiden.");
    }
    String justerare = f.text(JUSTERARE, "Justerare", 500, false);
    f.text(NARVARANDE, "Närvarande", 4000, false);
    List<String> saknar = task.getProcessEngineServices().getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_RegistreraBeslutIKs")
        .processVariableValueEquals(KS_SAMMANTRADE, mote.toString())
        .list().stream()
        .map(t -> {
          ProcessInstance pi = task.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
              .processInstanceId(t.getProcessInstanceId()).singleResult();
          return pi == null ? t.getProcessInstanceId() : pi.getBusinessKey();
        })
        .toList();
    if (!saknar.isEmpty()) {
      f.fel(JUSTERINGSDATUM, "Beslut är inte registrerat för " + String.join(", ", saknar)
          + " på sammanträdet " + mote + ". Registrera besluten innan protokollet justeras.");
    }
    f.kontrollera();
    register.justera(mote, justerat, justerare);
    sammantraden.justera(Organ.KS, mote, justerat, justerare);
    task.setVariable(JUSTERINGSDATUM, justerat.toString());
    task.setVariable(JUSTERING_REGISTRERAD, Diarium.nu().toString());
    task.setVariable(ANSLAG_SENAST, frister.anslagSenast(justerat));
  }
}
