package se.stockholm.ks.dokument;

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

/**
 * {@code ${skapaProtokollsutdrag}}: once the protokoll is justerat and anslaget, writes the extract
 * about this ärende (paragraph, beslut, särskilda uttalanden, reservationer, justering and anslag)
 * as PDF/A and registers it as an upprättad handling. Idempotent per activity instance.
 */
@Component("skapaProtokollsutdrag")
class SkapaProtokollsutdragDelegate implements JavaDelegate {

  private final Arendedokumentfabrik fabrik;
  private final DokumentRenderer renderer;
  private final Diarium diarium;
  private final Timer generering;

  SkapaProtokollsutdragDelegate(Arendedokumentfabrik fabrik, DokumentRenderer renderer, Diarium diarium, MeterRegistry matvarden) {
    this.generering = Dokumentmatning.timer(matvarden, DokumentRenderer.MALL_PROTOKOLLSUTDRAG);
    this.fabrik = fabrik;
    this.renderer = renderer;
    this.diarium = diarium;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    Arendedokument dokument = fabrik.arendedokument(dnr, SkapaArendedokumentDelegate.sammantraden(execution));
    if (dokument.kommunstyrelsen() == null) {
      throw new IllegalStateException("Ärendet " + dnr + " har inget registrerat beslut i kommunstyrelsen");
    }
    Protokollsutdrag utdrag = Protokollsutdrag.fran(dokument, Arendedokumentfabrik.ORT);
    byte[] pdf = generering.record(() -> renderer.protokollsutdragPdf(utdrag));
    String rubrik = "Protokollsutdrag, kommunstyrelsen " + utdrag.sammantradesdatum() + " " + utdrag.paragraf()
        + ": " + dokument.rubrik();
    Handling handling = diarium.registreraHandling(dnr,
        NyHandling.text(Handlingstyp.PROTOKOLLSUTDRAG, HandlingStatus.UPPRATTAD, rubrik, Diarium.idag(), null)
            .withFil(pdf, DokumentRenderer.filnamn(utdrag, Dokumentformat.PDF))
            .withKallaNyckel("utdrag:" + execution.getActivityInstanceId()));
    diarium.registreraHandelse(dnr, Handelsetyp.DOKUMENT_UPPRATTAT, "Protokollsutdrag upprättat.", null,
        handling.dokumentnummer(), "utdrag-handelse:" + handling.dokumentnummer());
  }
}
