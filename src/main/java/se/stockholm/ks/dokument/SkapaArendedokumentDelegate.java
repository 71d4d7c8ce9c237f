package se.stockholm.ks.dokument;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;

/**
 * {@code ${skapaArendedokument}}: writes the ärende document ("PM Rotel I (Dnr KS 2025/1513)") from
 * the ärende's record as PDF/A and registers it as an upprättad handling — after
 * borgarrådsberedningen (the handling that goes to kommunstyrelsen) and after the protokoll is
 * anslaget (with kommunstyrelsen's part). Idempotent per activity instance.
 */
@Component("skapaArendedokument")
class SkapaArendedokumentDelegate implements JavaDelegate {

  private final Arendedokumentfabrik fabrik;
  private final DokumentRenderer renderer;
  private final Diarium diarium;
  private final Timer generering;

  SkapaArendedokumentDelegate(Arendedokumentfabrik fabrik, DokumentRenderer renderer, Diarium diarium, MeterRegistry matvarden) {
    this.generering = Dokumentmatning.timer(matvarden, DokumentRenderer.MALL_ARENDEDOKUMENT);
    this.fabrik = fabrik;
    this.renderer = renderer;
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Arendedokument dokument = fabrik.arendedokument(dnr, sammantraden(execution));
    byte[] pdf = generering.record(() -> renderer.arendedokumentPdf(dokument));
    boolean slutligt = dokument.kommunstyrelsen() != null || execution.getVariable(ANSLAGSDATUM) != null;
    String rubrik = dokument.dokumentbeteckning() + (slutligt ? " med kommunstyrelsens beslut" : " till kommunstyrelsen");
    Handling handling = diarium.registreraHandling(dnr,
        NyHandling.text(Handlingstyp.ARENDEDOKUMENT, HandlingStatus.UPPRATTAD, rubrik, Diarium.idag(), null)
            .withFil(pdf, DokumentRenderer.filnamn(dokument, Dokumentformat.PDF))
            .withKallaNyckel("dok:" + execution.getActivityInstanceId()));
    diarium.registreraHandelse(dnr, Handelsetyp.DOKUMENT_UPPRATTAT, "Ärendedokumentet upprättat (" + rubrik + ").",
        null, handling.dokumentnummer(), "dok-handelse:" + handling.dokumentnummer());
  }

  /**
   * @param execution the skrivelse process
   * @return the meeting and protokoll dates it holds
   */
  static Arendedokumentfabrik.Sammantraden sammantraden(DelegateExecution execution) {
    return new Arendedokumentfabrik.Sammantraden(datum(execution.getVariable(BRB_SAMMANTRADE)),
        datum(execution.getVariable(KS_SAMMANTRADE)), datum(execution.getVariable(JUSTERINGSDATUM)),
        datum(execution.getVariable(ANSLAGSDATUM)));
  }

  private static LocalDate datum(Object value) {
    return value == null ? null : Frister.datum(value);
  }
}
