package se.stockholm.ks.sammantrade;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${upprattaForedragningslistan}}, after the secretary fixed the list (a save point before it):
 * the meeting's state becomes "föredragningslista fastställd", the list is written as PDF/A in the
 * meeting's series and noted in every ärende on it. Idempotent per process instance.
 */
@Component("upprattaForedragningslistan")
class UpprattaForedragningslistanDelegate implements JavaDelegate {

  private final Sammantradesregister register;
  private final Sammantradesdokument dokument;

  UpprattaForedragningslistanDelegate(Sammantradesregister register, Sammantradesdokument dokument) {
    this.register = register;
    this.dokument = dokument;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Organ organ = Organ.valueOf((String) execution.getVariable(Foredragningslistor.ORGAN));
    LocalDate datum = Frister.datum(execution.getVariable("sammantrade"));
    register.faststallLista(organ, datum);
    var lista = dokument.upprattaForedragningslista(organ, datum, "lista:" + execution.getProcessInstanceId(), null);
    execution.setVariable("foredragningslistaDokument", lista.beteckning());
  }
}
