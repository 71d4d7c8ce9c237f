package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${registreraAterkallelse}}: the sender withdrew the skrivelse before the decision. The
 * återkallelse is registered as an incoming handling and the ärende closes as återkallat; the
 * handlingar registered before stay in the diarium. A meeting it was on and that is not yet held
 * (borgarrådsberedningen, kommunstyrelsen) loses it from its föredragningslista, with an event. Runs in the transaction of the withdrawal, so
 * the caller sees the ärende closed when the call returns.
 */
@Component("registreraAterkallelse")
class RegistreraAterkallelseDelegate implements JavaDelegate {

  private final Diarium diarium;

  RegistreraAterkallelseDelegate(Diarium diarium) {
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Object motivering = execution.getVariable(ATERKALLELSE_MOTIVERING);
    Object av = execution.getVariable(ATERKALLAD_AV);
    String aktor = av != null ? av.toString() : Processkontext.anvandare();
    String avsandare = (String) execution.getVariable(AVSANDARE);
    String text = "Avsändaren " + avsandare + " återkallar skrivelsen " + dnr + "."
        + (motivering == null || motivering.toString().isBlank() ? "" : "\n\n" + motivering.toString().strip());
    Handling handling = diarium.registreraHandling(dnr,
        NyHandling.text(Handlingstyp.ATERKALLELSE, HandlingStatus.INKOMMEN, "Återkallelse av skrivelsen",
                Diarium.idag(), text)
            .withAvsandare(avsandare)
            .withKallaNyckel("aterkallelse:" + execution.getProcessInstanceId())
            .withRegistreradAv(aktor));
    diarium.andraStatus(dnr, Arendestatus.ATERKALLAT);
    avforFranForedragningslistor(execution, dnr, aktor);
    diarium.registreraHandelse(dnr, Handelsetyp.ATERKALLAT, "Skrivelsen återkallad; ärendet avslutat som återkallat.",
        aktor, handling.dokumentnummer(), "aterkallat:" + execution.getProcessInstanceId());
  }

  /**
   * The meetings the ärende was put on and that have not yet been held (today or later): it leaves
   * their föredragningslista, noted in the ärende. Read from the history of the ärende's processes
   * (the called borgarrådsberedning and kommunstyrelsen processes are ended by the withdrawal).
   */
  private void avforFranForedragningslistor(DelegateExecution execution, Diarienummer dnr, String aktor) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    String[] instanser = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(dnr.toString())
        .list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    if (instanser.length == 0) {
      return;
    }
    LocalDate idag = Diarium.idag();
    for (var mote : List.of(Map.entry(BRB_SAMMANTRADE, "borgarrådsberedningens"),
        Map.entry(KS_SAMMANTRADE, "kommunstyrelsens"))) {
      history.createHistoricVariableInstanceQuery().processInstanceIdIn(instanser).variableName(mote.getKey())
          .disableBinaryFetching().list().stream()
          .filter(v -> v.getValue() != null && !"DELETED".equals(v.getState()))
          .map(v -> Frister.datum(v.getValue()))
          .max(Comparator.naturalOrder())
          .filter(datum -> !datum.isBefore(idag))
          .ifPresent(datum -> diarium.registreraHandelse(dnr, Handelsetyp.AVFORT_FRAN_FOREDRAGNINGSLISTA,
              "Ärendet avfört från föredragningslistan för " + mote.getValue() + " sammanträde " + datum
                  + " (skrivelsen återkallad).", aktor, null,
              "avfort:" + mote.getKey() + ":" + execution.getProcessInstanceId()));
    }
  }
}
