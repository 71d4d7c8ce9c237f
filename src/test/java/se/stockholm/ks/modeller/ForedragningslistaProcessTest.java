package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Sammantradesdokument;
import se.stockholm.ks.sammantrade.Sammantradesregister;
import se.stockholm.ks.sammantrade.Sammantradestatus;

/**
 * foredragningslista.bpmn: the first ärende anmält to kommunstyrelsen's meeting of 2026-03-18 starts
 * the meeting's föredragningslista; the secretary fixes it two working days before (Monday
 * 2026-03-16), and it is written as PDF/A in the meeting's series and noted in each ärende. A list
 * not fixed by the meeting morning is written as it stands.
 */
class ForedragningslistaProcessTest extends Processtest {

  static final LocalDate MOTE = LocalDate.parse("2026-03-18");

  @Autowired
  Sammantradesregister sammantraden;
  @Autowired
  Sammantradesdokument dokument;

  @Override
  String modell() {
    return "foredragningslista";
  }

  @Test
  void theFirstArendeStartsTheListAndTheSecretaryFixesItBeforeTheMeeting() throws Exception {
    klockan("2026-03-12T09:00");
    String a = fixtur.nyttArende();
    String b = fixtur.nyttArende();
    fixtur.startaKommunstyrelsen(a, "2026-03-11");
    korForfallnaJobb();
    fixtur.startaKommunstyrelsen(b, "2026-03-11");
    korForfallnaJobb();

    ProcessInstance lista = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("Föredragningslista KS 2026-03-18").singleResult();
    assertThat(lista).isWaitingAt("Task_FaststallForedragningslistan");
    Task task = uppgift("Task_FaststallForedragningslistan");
    assertThat(kandidatgrupper(task)).containsExactly("ks-sekreterare");
    assertThat(task.getDueDate()).isEqualTo(tid("2026-03-16T23:59:59"));
    String punkter = taskService.getVariableLocal(task.getId(), "foredragningslistaPunkter").toString();
    assertThat(punkter.indexOf(a)).isPositive().isLessThan(punkter.indexOf(b));

    klockan("2026-03-16T10:00");
    slutfor(task, Map.of());
    korForfallnaJobb();

    assertThat(lista).isEnded().hasPassed("Task_UpprattaForedragningslistan")
        .hasNotPassed("BoundaryEvent_SammantradetHalls");
    assertThat(sammantraden.hitta(Organ.KS, MOTE).orElseThrow().status())
        .isEqualTo(Sammantradestatus.FOREDRAGNINGSLISTA_FASTSTALLD);
    var pdf = dokument.senaste(Organ.KS, MOTE, Sammantradesdokument.Dokumenttyp.FOREDRAGNINGSLISTA).orElseThrow();
    assertThat(pdf.beteckning()).isEqualTo("KS 2026-03-18 nr 1");
    String text = text(dokument.innehall(Organ.KS, MOTE, 1).orElseThrow());
    assertThat(text).contains("Föredragningslista", "Kommunstyrelsen", "Sammanträde i Stockholm den 18 mars 2026",
        "Dnr " + a, "Dnr " + b);
    assertThat(text.indexOf("1. " + Arendefixtur.RUBRIK)).isLessThan(text.indexOf("2. " + Arendefixtur.RUBRIK));
    assertThat(handelser(b).get(handelser(b).size() - 1).beskrivning()).isEqualTo(
        "Föredragningslista, kommunstyrelsens sammanträde 2026-03-18 upprättad (KS 2026-03-18 nr 1, "
            + "/api/v1/sammantraden/kommunstyrelsen/2026-03-18/dokument/1); ärendet är nummer 2.");
  }

  @Test
  void aListNotFixedByTheMeetingMorningIsWrittenAsItStands() throws Exception {
    klockan("2026-03-12T09:00");
    String a = fixtur.nyttArende();
    fixtur.startaKommunstyrelsen(a, "2026-03-11");
    korForfallnaJobb();
    ProcessInstance lista = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("Föredragningslista KS 2026-03-18").singleResult();

    klockan("2026-03-18T07:00");
    korForfallnaJobb();

    assertThat(lista).isEnded().hasPassed("BoundaryEvent_SammantradetHalls", "Task_UpprattaForedragningslistan");
    assertThat(text(dokument.innehall(Organ.KS, MOTE, 1).orElseThrow())).contains("1. " + Arendefixtur.RUBRIK, "Dnr " + a);
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper();
      s.setSortByPosition(true);
      return s.getText(d).replaceAll("\\s+", " ");
    }
  }
}
