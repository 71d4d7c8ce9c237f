package se.stockholm.ks.sammantrade;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.engine.Json;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${foredragningslistaListener}} on "Fastställ föredragningslistan", on create and when the
 * form is opened again: gives the form the list as it stands ({@code foredragningslistaPunkter},
 * task-local, one line per ärende in order: number, dnr, rubrik, föredragande borgarråd). On
 * complete: checks the optional note and refuses an empty list (there is nothing to fix).
 */
@Component("foredragningslistaListener")
class ForedragningslistaListener implements TaskListener {

  /** Task variable: the list's lines for the form. */
  static final String PUNKTER = se.stockholm.ks.skrivelse.Variabler.FOREDRAGNINGSLISTA_PUNKTER;

  private final Sammantradesregister register;

  ForedragningslistaListener(Sammantradesregister register) {
    this.register = register;
  }

  /**
   * @param register the meetings
   * @param organ the organ
   * @param datum the meeting day
   * @return the list as it stands, for the form: one object per ärende (nummer, diarienummer, rubrik,
   *     foredragandeBorgarrad)
   */
  static org.camunda.spin.plugin.variable.value.JsonValue punkter(Sammantradesregister register, Organ organ,
                                                                  LocalDate datum) {
    List<Sammantradesregister.Punkt> punkter = register.hitta(organ, datum)
        .map(Sammantradesregister.Sammantrade::paListan).orElse(List.of());
    int[] nummer = {0};
    return Json.varde(punkter.stream().map(p -> Map.of(
        "nummer", ++nummer[0], "diarienummer", p.diarienummer().toString(), "rubrik", p.rubrik(),
        "foredragandeBorgarrad", p.foredragandeBorgarrad() == null ? "" : p.foredragandeBorgarrad())).toList());
  }

  @Override
  public void notify(DelegateTask task) {
    Organ organ = Organ.valueOf((String) task.getVariable(Foredragningslistor.ORGAN));
    LocalDate datum = Frister.datum(task.getVariable("sammantrade"));
    List<Sammantradesregister.Punkt> punkter = register.hitta(organ, datum)
        .map(Sammantradesregister.Sammantrade::paListan).orElse(List.of());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(PUNKTER, punkter(register, organ, datum));
      return;
    }
    se.stockholm.ks.engine.Formular f = se.stockholm.ks.engine.Formular.av(task);
    f.text(se.stockholm.ks.skrivelse.Variabler.FOREDRAGNINGSLISTA_ANTECKNING, "Anteckning", 500, false);
    if (punkter.isEmpty()) {
      f.fel("sammantrade", "Inga ärenden står på föredragningslistan för " + organ.genitiv() + " sammanträde "
          + datum + ".");
    }
    f.kontrollera();
  }
}
