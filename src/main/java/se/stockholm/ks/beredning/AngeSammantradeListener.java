package se.stockholm.ks.beredning;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Foredragningslistor;

/**
 * {@code ${angeSammantradeListener}} on "Ange sammanträde för BRB/KS", when the sammanträdesplan
 * had no fitting meeting: the kansli gives the date, which must be a working day from today on,
 * and the ärende is put on that meeting's agenda. The form's field is {@code brbSammantrade} or
 * {@code ksSammantrade}, after the task.
 */
@Component("angeSammantradeListener")
class AngeSammantradeListener implements TaskListener {

  private final Frister frister;
  private final Arbetsdagskalender kalender;
  private final Diarium diarium;
  private final Foredragningslistor register;

  AngeSammantradeListener(Frister frister, Arbetsdagskalender kalender, Diarium diarium,
                          Foredragningslistor register) {
    this.register = register;
    this.frister = frister;
    this.kalender = kalender;
    this.diarium = diarium;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean brb = "Task_AngeBrbSammantrade".equals(task.getTaskDefinitionKey());
    String variabel = brb ? BRB_SAMMANTRADE : KS_SAMMANTRADE;
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.removeVariable(variabel);
      return;
    }
    Formular f = Formular.av(task);
    LocalDate datum = f.datum(variabel, "Sammanträdesdatum", true);
    if (datum != null && datum.isBefore(frister.idag())) {
      f.fel(variabel, "Sammanträdet kan inte ligga före i dag (" + frister.idag() + ").");
    } else if (datum != null && !kalender.arArbetsdag(datum)) {
      f.fel(variabel, datum + " är ingen arbetsdag.");
    }
    f.kontrollera();
    task.setVariable(variabel, datum.toString());
    task.removeVariable(PlaneraBrbSammantradeDelegate.SAMMANTRADE_FEL);
    register.anmal(brb ? Organ.BRB : Organ.KS, datum, Processkontext.diarienummer(task), task.getProcessEngineServices());
    diarium.registreraHandelse(Processkontext.diarienummer(task), Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        "Uppfört på föredragningslistan för " + (brb ? "borgarrådsberedningens" : "kommunstyrelsens")
            + " sammanträde " + datum + " (datum angivet av KS kansli).",
        Processkontext.anvandare(), null, null);
  }
}
