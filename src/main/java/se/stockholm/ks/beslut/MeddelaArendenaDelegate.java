package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${meddelaArendena}}: the protokoll is justerat and anslaget; notes both in every ärende
 * decided at the meeting — each event at the time of its act (the justering at the moment it was
 * recorded, or its day when recorded later; see {@link Diarium#tidpunktFor}) — and sends {@code ProtokollAnslaget} to each ärende waiting for it. Holds
 * the meeting's row lock, so an ärende joining at the same moment either is told now or finds the
 * protokoll anslaget.
 */
@Component("meddelaArendena")
class MeddelaArendenaDelegate implements JavaDelegate {

  private final Protokollregister register;
  private final Diarium diarium;
  private final Frister frister;
  private final se.stockholm.ks.sammantrade.Sammantradesdokument dokument;

  MeddelaArendenaDelegate(Protokollregister register, Diarium diarium, Frister frister,
                          se.stockholm.ks.sammantrade.Sammantradesdokument dokument) {
    this.dokument = dokument;
    this.register = register;
    this.diarium = diarium;
    this.frister = frister;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate mote = Frister.datum(execution.getVariable(SAMMANTRADE));
    LocalDate justerat = Frister.datum(execution.getVariable(JUSTERINGSDATUM));
    LocalDate anslaget = Frister.datum(execution.getVariable(ANSLAGSDATUM));
    register.las(mote);
    register.ansla(mote, anslaget);
    String sistaDag = frister.sistaDagForLaglighetsprovning(anslaget);
    // the anslagsbevis (kommunallagen 8 kap 12 §) in the meeting's series, also on the public anslagstavla
    dokument.upprattaAnslagsbevis(mote, "anslagsbevis:" + execution.getProcessInstanceId());
    // each event at the time of its act: the justering when it was recorded (or its day), the anslag now
    OffsetDateTime justeringstid = Diarium.tidpunktFor(justerat,
        execution.getVariable(JUSTERING_REGISTRERAD) == null ? null
            : OffsetDateTime.parse(execution.getVariable(JUSTERING_REGISTRERAD).toString()));
    OffsetDateTime anslagstid = Diarium.tidpunktFor(anslaget, null);
    for (Diarienummer dnr : diarium.beslutadePa("KS", mote)) {
      diarium.registreraHandelse(dnr, Handelsetyp.PROTOKOLL_JUSTERAT, "Protokollet från kommunstyrelsens sammanträde "
          + mote + " justerat " + justerat + ".", null, null, "justerat:" + dnr + ":" + mote, justeringstid);
      diarium.registreraHandelse(dnr, Handelsetyp.PROTOKOLL_ANSLAGET, "Justeringen anslagen på anslagstavlan "
          + anslaget + "; tiden för laglighetsprövning löper till och med " + sistaDag + ".", null, null,
          "anslaget:" + dnr + ":" + mote, anslagstid);
    }
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MEDDELANDE_PROTOKOLL_ANSLAGET)
        .processInstanceVariableEquals(KS_SAMMANTRADE, mote.toString())
        .setVariables(Variables.createVariables()
            .putValue(JUSTERINGSDATUM, justerat.toString())
            .putValue(ANSLAGSDATUM, anslaget.toString()))
        .correlateAllWithResult();
  }
}
