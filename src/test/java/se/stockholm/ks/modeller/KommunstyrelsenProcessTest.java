package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.stockholm.ks.modeller.Arendefixtur.formular;
import static se.stockholm.ks.modeller.Arendefixtur.json;

import java.time.LocalDate;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Beslut;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Punktstatus;
import se.stockholm.ks.sammantrade.Sammantradesregister;
import se.stockholm.ks.sammantrade.Sammantradestatus;

/**
 * kommunstyrelsen.bpmn: the ärende at kommunstyrelsen. Borgarrådsberedningen tillstyrkte
 * 2026-03-11, where Liberalerna made a särskilt uttalande; with three working days' lead time the
 * ärende goes to kommunstyrelsen's meeting of 2026-03-18, whose timer fires at 07:00 that day.
 */
class KommunstyrelsenProcessTest extends Processtest {

  static final String BESLUTSTEXT = "Skrivelsen besvaras med hänvisning till vad som sägs i promemorian.";

  String dnr;
  String brbUttalande;

  @org.springframework.beans.factory.annotation.Autowired
  Sammantradesregister sammantraden;
  @org.springframework.beans.factory.annotation.Autowired
  se.stockholm.ks.sammantrade.Sammantradesdokument dokument;

  @Override
  String modell() {
    return "kommunstyrelsen";
  }

  @BeforeEach
  void givenAnArendeTillstyrktInBorgarradsberedningenWithLiberalernasSarskildaUttalande() {
    klockan("2026-03-12T09:00");
    dnr = fixtur.nyttArende();
    brbUttalande = fixtur.sarskiltUttalandeIBrb(dnr, "L", "Jan Jönsson", "2026-03-11");
  }

  ProcessInstance tillKommunstyrelsen() {
    ProcessInstance ks = fixtur.startaKommunstyrelsen(dnr, "2026-03-11");
    assertThat(ks).isWaitingAt("Task_PlaneraKsSammantrade");
    korForfallnaJobb();
    assertThat(ks).isWaitingAt("Event_KsSammantrade");
    return ks;
  }

  void sammantradetHalls(ProcessInstance ks, String datum) {
    klockan(datum + "T07:00");
    korForfallnaJobb();
    assertThat(ks).isWaitingAt("Task_RegistreraBeslutIKs");
  }

  @Test
  void theArendeGoesToTheKsMeetingAfterBorgarradsberedningenAndItsTimerFiresThatMorning() {
    ProcessInstance ks = tillKommunstyrelsen();

    assertThat(ks).variables().containsEntry("ksSammantrade", "2026-03-18");
    assertThat(timer("Event_KsSammantrade").getDuedate()).isEqualTo(tid("2026-03-18T07:00"));
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Uppfört på föredragningslistan för kommunstyrelsens sammanträde 2026-03-18.");

    klockan("2026-03-18T06:59:59");
    assertThat(forfallnaJobb()).isEmpty();
    sammantradetHalls(ks, "2026-03-18");

    Task task = uppgift("Task_RegistreraBeslutIKs");
    assertThat(kandidatgrupper(task)).containsExactly("ks-sekreterare");
    assertThat(task.getDueDate()).isEqualTo(tid("2026-03-18T23:59:59"));
    assertThat(taskService.getVariableLocal(task.getId(), "brbUttalanden").toString())
        .contains("\"parti\":\"L\"", "\"dokumentnummer\":\"" + brbUttalande + "\"");
  }

  @Test
  void beslutWithSarskildaUttalandenNewAndLikalydandeAndAReservationIsRecorded() {
    ProcessInstance ks = tillKommunstyrelsen();
    sammantradetHalls(ks, "2026-03-18");

    slutfor(uppgift("Task_RegistreraBeslutIKs"), formular(
        "ksBeslut", "BESLUT",
        "beslutstext", BESLUTSTEXT,
        "paragraf", "12",
        "ksSarskildaUttalanden", json("""
            [{"ledamot": "Jan Jönsson", "parti": "L", "likalydande": true},
             {"ledamot": "Anna König Jerlmyr", "parti": "M", "likalydande": false,
              "text": "Det är bra att staden deltar."}]"""),
        "ksReservationer", json("[{\"ledamot\": \"Clara Lindblom\", \"parti\": \"V\"}]")));

    assertThat(ks).isEnded().hasPassed("Task_DiarieforBeslutIKs", "EndEvent_Beslutat");
    var arende = diarium.arende(Diarienummer.parse(dnr)).orElseThrow();
    assertThat(arende.status()).isEqualTo(Arendestatus.BESLUTAT);
    assertThat(diarium.beslut(Diarienummer.parse(dnr))).contains(
        new Beslut("KS", LocalDate.parse("2026-03-18"), "§ 12", BESLUTSTEXT));

    assertThat(handlingar(dnr)).extracting(Handling::dokumentnummer, Handling::handlingstyp)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(dnr + "-1", Handlingstyp.SKRIVELSE),
            org.assertj.core.groups.Tuple.tuple(dnr + "-2", Handlingstyp.SARSKILT_UTTALANDE),
            org.assertj.core.groups.Tuple.tuple(dnr + "-3", Handlingstyp.SARSKILT_UTTALANDE),
            org.assertj.core.groups.Tuple.tuple(dnr + "-4", Handlingstyp.SARSKILT_UTTALANDE),
            org.assertj.core.groups.Tuple.tuple(dnr + "-5", Handlingstyp.RESERVATION));
    Handling likalydande = handlingar(dnr).get(2);
    assertThat(likalydande.hanvisarTill()).isEqualTo(brbUttalande);
    assertThat(likalydande.rubrik()).isEqualTo("Särskilt uttalande av Jan Jönsson (L) i kommunstyrelsen, likalydande");
    assertThat(likalydande.datum()).isEqualTo(LocalDate.parse("2026-03-18"));
    assertThat(likalydande.status()).isEqualTo(HandlingStatus.INKOMMEN);
    assertThat(text(likalydande.dokumentnummer())).isEqualTo("Särskilt uttalande av Jan Jönsson (L) som är "
        + "likalydande med Liberalernas särskilda uttalande i borgarrådsberedningen.");
    assertThat(handlingar(dnr).get(3).hanvisarTill()).isNull();
    assertThat(text(dnr + "-4")).isEqualTo("Det är bra att staden deltar.");
    assertThat(text(dnr + "-5")).isEqualTo("Clara Lindblom (V) reserverade sig mot beslutet.");
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning()).isEqualTo("Kommunstyrelsen beslutade "
        + "2026-03-18 (§ 12): " + BESLUTSTEXT + " Särskilda uttalanden: 2. Reservationer: 1.");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(ks.getId())
        .variableName("ksBeslut").singleResult().getValue()).isEqualTo("BESLUT");
  }

  @Test
  void bordlaggningMovesTheArendeToTheNextKsMeeting() {
    ProcessInstance ks = tillKommunstyrelsen();
    sammantradetHalls(ks, "2026-03-18");

    slutfor(uppgift("Task_RegistreraBeslutIKs"), formular("ksBeslut", "BORDLAGGNING"));
    korForfallnaJobb();

    assertThat(ks).isWaitingAt("Event_KsSammantrade");
    assertThat(ks).variables().containsEntry("ksSammantrade", "2026-04-08");
    assertThat(timer("Event_KsSammantrade").getDuedate()).isEqualTo(tid("2026-04-08T07:00"));
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA,
        Handelsetyp.DOKUMENT_UPPRATTAT, Handelsetyp.KS_BORDLAGT, Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA);
    assertThat(diarium.arende(Diarienummer.parse(dnr)).orElseThrow().status()).isEqualTo(Arendestatus.PAGAENDE);

    klockan("2026-04-08T06:59:59");
    assertThat(forfallnaJobb()).isEmpty();
    sammantradetHalls(ks, "2026-04-08");
    // a typed paragraph is ignored: the system numbers on through the year (§ 12 was this ärende's at 2026-03-18)
    slutfor(uppgift("Task_RegistreraBeslutIKs"), formular("ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT,
        "paragraf", "§ 7"));
    assertThat(ks).isEnded().hasPassed("EndEvent_Beslutat");
    assertThat(diarium.beslut(Diarienummer.parse(dnr)).orElseThrow().paragraf()).isEqualTo("§ 13");
    assertThat(sammantraden.hitta(Organ.KS, LocalDate.parse("2026-03-18")).orElseThrow().punkter())
        .extracting(Sammantradesregister.Punkt::status, Sammantradesregister.Punkt::paragraf)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Punktstatus.BORDLAGT, 12));
  }

  @Test
  void aterremissEndsTheModelAndSaysWhereTo() {
    ProcessInstance ks = tillKommunstyrelsen();
    sammantradetHalls(ks, "2026-03-18");

    slutfor(uppgift("Task_RegistreraBeslutIKs"), formular("ksBeslut", "ATERREMISS", "aterremissTill", "PROMEMORIA"));

    assertThat(ks).isEnded().hasPassed("EndEvent_AterremitteratIKs").hasNotPassed("EndEvent_Beslutat");
    assertThat(handelser(dnr).get(handelser(dnr).size() - 1).beskrivning())
        .isEqualTo("Kommunstyrelsen återremitterade ärendet 2026-03-18 till promemorian.");
    assertThat(diarium.arende(Diarienummer.parse(dnr)).orElseThrow().status()).isEqualTo(Arendestatus.PAGAENDE);
    assertThat(diarium.beslut(Diarienummer.parse(dnr))).isEmpty();
  }

  @Test
  void beslutFormIsCheckedAndNothingIsRecordedWhenRefused() {
    String utanBrbUttalande = fixtur.nyttArende();
    dnr = utanBrbUttalande;
    ProcessInstance ks = tillKommunstyrelsen();
    sammantradetHalls(ks, "2026-03-18");
    Task task = uppgift("Task_RegistreraBeslutIKs");

    assertThatThrownBy(() -> slutfor(task, formular("ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT, "paragraf", "12",
        "ksSarskildaUttalanden", json("[{\"ledamot\": \"Jan Jönsson\", \"parti\": \"L\", \"likalydande\": true}]"))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("partiet lämnade inget särskilt uttalande i borgarrådsberedningen");
    // the paragraph is the system's, shown in the form
    assertThat(taskService.getVariable(task.getId(), "paragraf")).isEqualTo("§ 12");
    assertThatThrownBy(() -> slutfor(task, formular("ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT, "paragraf", "12",
        "ksReservationer", json("[{\"ledamot\": \"Clara Lindblom\", \"parti\": \"XX\"}]"))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reservation 1: ange ett känt parti.");
    assertThatThrownBy(() -> slutfor(task, formular("ksBeslut", "ATERREMISS")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Återremiss till måste fyllas i.");

    assertThat(ks).isWaitingAt("Task_RegistreraBeslutIKs");
    assertThat(handlingar(dnr)).hasSize(1);
    assertThat(diarium.beslut(Diarienummer.parse(dnr))).isEmpty();
    assertThat(diarium.arende(Diarienummer.parse(dnr)).orElseThrow().status()).isEqualTo(Arendestatus.PAGAENDE);
  }

  @Test
  void whenTheSammantradesplanRunsOutKansliGivesTheMeetingAndTheArendeGoesOn() {
    // borgarrådsberedningen 2027-12-13 + 3 working days = 2027-12-16; the plan's last KS meeting is 2027-12-15
    klockan("2027-12-14T09:00");
    ProcessInstance ks = fixtur.startaKommunstyrelsen(dnr, "2027-12-13");
    korForfallnaJobb();

    assertThat(ks).isWaitingAt("Task_AngeKsSammantrade").hasPassed("BoundaryEvent_KsSammantradeSaknas");
    Task task = uppgift("Task_AngeKsSammantrade");
    assertThat(kandidatgrupper(task)).containsExactly("ks-kansli");
    // ks.frister.kansli: two working days from Tuesday 2027-12-14
    assertThat(task.getDueDate()).isEqualTo(tid("2027-12-16T23:59:59"));
    assertThat((String) runtimeService.getVariable(ks.getId(), "sammantradeFel"))
        .contains("inget sammanträde den 2027-12-16 eller senare", "ks.sammantradesplan.kommunstyrelsen");

    assertThatThrownBy(() -> slutfor(task, formular("ksSammantrade", "2027-12-24")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("2027-12-24 är ingen arbetsdag.");
    slutfor(task, formular("ksSammantrade", "2027-12-22"));

    assertThat(ks).isWaitingAt("Event_KsSammantrade");
    assertThat(timer("Event_KsSammantrade").getDuedate()).isEqualTo(tid("2027-12-22T07:00"));
    sammantradetHalls(ks, "2027-12-22");
    slutfor(uppgift("Task_RegistreraBeslutIKs"), formular("ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT,
        "paragraf", "3"));
    assertThat(ks).isEnded().hasPassed("EndEvent_Beslutat");
    assertThat(diarium.beslut(Diarienummer.parse(dnr)).orElseThrow().sammantrade()).isEqualTo(LocalDate.parse("2027-12-22"));
  }

  /**
   * A meeting of five ärenden: anmälda in order, one withdrawn before the meeting (it leaves the
   * list, no paragraph), the others numbered § 12–15 in the list's order when the meeting is held
   * (PER_AR, the year's series continued from 12); one bordlagt (moves to the next meeting, first on
   * its list), one återremitterat, two decided — one with Liberalernas likalydande särskilt
   * uttalande and a reservation, one with Moderaternas own särskilt uttalande.
   */
  @Test
  void aMeetingOfFiveArendenNumbersTheTreatedOnesInTheListsOrder() throws Exception {
    LocalDate mote = LocalDate.parse("2026-03-18");
    String bordlagt = dnr;
    String aterremitterat = fixtur.nyttArende();
    String aterkallat = fixtur.nyttArende();
    String beslutatMedLikalydande = fixtur.nyttArende();
    fixtur.sarskiltUttalandeIBrb(beslutatMedLikalydande, "L", "Jan Jönsson", "2026-03-11");
    String beslutatMedUttalande = fixtur.nyttArende();
    java.util.Map<String, ProcessInstance> pi = new java.util.LinkedHashMap<>();
    for (String d : java.util.List.of(bordlagt, aterremitterat, aterkallat, beslutatMedLikalydande, beslutatMedUttalande)) {
      pi.put(d, fixtur.startaKommunstyrelsen(d, "2026-03-11"));
      korForfallnaJobb();
    }
    var fore = sammantraden.hitta(Organ.KS, mote).orElseThrow();
    assertThat(fore.status()).isEqualTo(Sammantradestatus.PLANERAT);
    assertThat(fore.punkter()).extracting(p -> p.diarienummer().toString(), Sammantradesregister.Punkt::ordning)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(bordlagt, 1), org.assertj.core.groups.Tuple.tuple(aterremitterat, 2),
            org.assertj.core.groups.Tuple.tuple(aterkallat, 3), org.assertj.core.groups.Tuple.tuple(beslutatMedLikalydande, 4),
            org.assertj.core.groups.Tuple.tuple(beslutatMedUttalande, 5));
    assertThat(fore.punkter()).allMatch(p -> p.paragraf() == null && p.status() == Punktstatus.ANMALT);

    // withdrawn before the meeting: off the list, with an event in the ärende
    runtimeService.deleteProcessInstance(pi.get(aterkallat).getId(), "Skrivelsen återkallad");
    assertThat(handelsetyper(aterkallat)).endsWith(Handelsetyp.AVFORT_FRAN_FOREDRAGNINGSLISTA);

    klockan("2026-03-18T07:00");
    korForfallnaJobb();
    var hallet = sammantraden.hitta(Organ.KS, mote).orElseThrow();
    assertThat(hallet.status()).isEqualTo(Sammantradestatus.HALLET);
    assertThat(hallet.punkter()).extracting(p -> p.diarienummer().toString(), Sammantradesregister.Punkt::status,
            Sammantradesregister.Punkt::paragraf)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(bordlagt, Punktstatus.ANMALT, 12),
            org.assertj.core.groups.Tuple.tuple(aterremitterat, Punktstatus.ANMALT, 13),
            org.assertj.core.groups.Tuple.tuple(aterkallat, Punktstatus.AVFORT, null),
            org.assertj.core.groups.Tuple.tuple(beslutatMedLikalydande, Punktstatus.ANMALT, 14),
            org.assertj.core.groups.Tuple.tuple(beslutatMedUttalande, Punktstatus.ANMALT, 15));
    assertThat(taskService.getVariable(uppgift("Task_RegistreraBeslutIKs", beslutatMedUttalande).getId(), "paragraf"))
        .isEqualTo("§ 15");

    slutfor(uppgift("Task_RegistreraBeslutIKs", bordlagt), formular("ksBeslut", "BORDLAGGNING"));
    slutfor(uppgift("Task_RegistreraBeslutIKs", aterremitterat),
        formular("ksBeslut", "ATERREMISS", "aterremissTill", "PROMEMORIA"));
    // the secretaries decide in another order than the list's: the paragraphs stay the list's
    slutfor(uppgift("Task_RegistreraBeslutIKs", beslutatMedUttalande), formular("ksBeslut", "BESLUT",
        "beslutstext", BESLUTSTEXT, "paragraf", "",
        "ksSarskildaUttalanden", json("""
            [{"ledamot": "Anna König Jerlmyr", "parti": "M", "likalydande": false, "text": "Det är bra att staden deltar."}]""")));
    slutfor(uppgift("Task_RegistreraBeslutIKs", beslutatMedLikalydande), formular("ksBeslut", "BESLUT",
        "beslutstext", BESLUTSTEXT, "paragraf", "99",
        "ksSarskildaUttalanden", json("[{\"ledamot\": \"Jan Jönsson\", \"parti\": \"L\", \"likalydande\": true}]"),
        "ksReservationer", json("[{\"ledamot\": \"Clara Lindblom\", \"parti\": \"V\"}]")));
    korForfallnaJobb();

    assertThat(diarium.beslut(Diarienummer.parse(beslutatMedLikalydande)).orElseThrow().paragraf()).isEqualTo("§ 14");
    assertThat(diarium.beslut(Diarienummer.parse(beslutatMedUttalande)).orElseThrow().paragraf()).isEqualTo("§ 15");
    assertThat(sammantraden.hitta(Organ.KS, mote).orElseThrow().punkter())
        .extracting(Sammantradesregister.Punkt::status)
        .containsExactly(Punktstatus.BORDLAGT, Punktstatus.ATERREMITTERAT, Punktstatus.AVFORT, Punktstatus.BESLUTAT,
            Punktstatus.BESLUTAT);
    // the bordlagt ärende is first on the next meeting's list, with an event
    assertThat(pi.get(bordlagt)).isWaitingAt("Event_KsSammantrade");
    assertThat(sammantraden.hitta(Organ.KS, LocalDate.parse("2026-04-08")).orElseThrow().punkter())
        .extracting(p -> p.diarienummer().toString(), Sammantradesregister.Punkt::ordning, Sammantradesregister.Punkt::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(bordlagt, 1, Punktstatus.ANMALT));
    assertThat(handelsetyper(bordlagt)).endsWith(Handelsetyp.KS_BORDLAGT, Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA);
    assertThat(sammantraden.forArende(Diarienummer.parse(bordlagt))).extracting(Sammantradesregister.Sammantrade::datum)
        .containsExactly(mote, LocalDate.parse("2026-04-08"));

    // the föredragningslista, not fixed by the secretary, was written as it stood on the meeting morning
    String lista = ForedragningslistaProcessTest.text(dokument.innehall(Organ.KS, mote,
        dokument.senaste(Organ.KS, mote, se.stockholm.ks.sammantrade.Sammantradesdokument.Dokumenttyp.FOREDRAGNINGSLISTA)
            .orElseThrow().lopnummer()).orElseThrow());
    assertThat(lista).contains("Föredragningslista", "1. ", "Dnr " + bordlagt, "Dnr " + aterremitterat,
        "Dnr " + beslutatMedLikalydande, "4. ", "Dnr " + beslutatMedUttalande).doesNotContain(aterkallat, "5. ");
    assertThat(lista.indexOf("Dnr " + bordlagt)).isLessThan(lista.indexOf("Dnr " + aterremitterat));
    assertThat(lista.indexOf("Dnr " + aterremitterat)).isLessThan(lista.indexOf("Dnr " + beslutatMedUttalande));

    // the protokoll, read back from its PDF: every paragraph in order, the withdrawn ärende not in it
    var protokoll = dokument.upprattaProtokoll(mote, "Karin Wanngård (S), ordförande; Jan Jönsson (L)", "test:" + mote,
        null);
    String text = ForedragningslistaProcessTest.text(dokument.innehall(Organ.KS, mote, protokoll.lopnummer()).orElseThrow());
    java.util.List<String> iOrdning = java.util.List.of("Protokoll", "Kommunstyrelsen",
        "Sammanträde i Stockholm den 18 mars 2026", "Närvarande: Karin Wanngård (S), ordförande; Jan Jönsson (L)",
        "§ 12", "Dnr " + bordlagt, "Kommunstyrelsen beslutade att bordlägga ärendet.",
        "§ 13", "Dnr " + aterremitterat, "Kommunstyrelsen beslutade att återremittera ärendet.",
        "§ 14", "Dnr " + beslutatMedLikalydande, "Beslut", BESLUTSTEXT, "Clara Lindblom (V) reserverade sig mot beslutet.",
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
            + "borgarrådsberedningen.",
        "§ 15", "Dnr " + beslutatMedUttalande, BESLUTSTEXT,
        "Särskilt uttalande av Anna König Jerlmyr (M) enligt följande.", "Det är bra att staden deltar.");
    int fran = 0;
    for (String del : iOrdning) {
      int i = text.indexOf(del, fran);
      assertThat(i).as("'%s' efter position %d i protokollet: %s", del, fran, text).isGreaterThanOrEqualTo(0);
      fran = i + del.length();
    }
    assertThat(text).doesNotContain(aterkallat);
    assertThat(handelser(beslutatMedUttalande).get(handelser(beslutatMedUttalande).size() - 1).beskrivning())
        .startsWith("Protokoll, kommunstyrelsens sammanträde 2026-03-18 upprättat (KS 2026-03-18 nr 2")
        .endsWith("ärendet är § 15.");
  }
}
