package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static se.stockholm.ks.modeller.Arendefixtur.formular;
import static se.stockholm.ks.modeller.Arendefixtur.json;
import static se.stockholm.ks.modeller.Arendefixtur.lista;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Handelse;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.earkiv.EarkivInstallningar;

/**
 * skrivelse.bpmn: the ärende from intake to close, with the called models and the protokoll
 * running for real. The dates are the seed's (see {@link Skrivelseforlopp}).
 */
class SkrivelseProcessTest extends Skrivelseforlopp {

  @Override
  String modell() {
    return "skrivelse";
  }

  Arende arende(String dnr) {
    return diarium.arende(Diarienummer.parse(dnr)).orElseThrow();
  }

  @Test
  void theSeedsCaseRunsFromIntakeToAClosedArende() {
    // Given the skrivelse received 2025-11-26
    String dnr = inkommer();
    ProcessInstance skrivelse = skrivelse(dnr);
    assertThat(skrivelse).isWaitingAt("Task_FordelaArende").hasPassed("Task_RegistreraSkrivelse");
    assertThat(arende(dnr).rubrik()).isEqualTo(Arendefixtur.RUBRIK);
    assertThat(arende(dnr).inkomDatum()).isEqualTo(LocalDate.parse("2025-11-26"));
    assertThat(skrivelse).variables().containsEntry("diarienummer", dnr).containsEntry("avsandare", Arendefixtur.AVSANDARE)
        .containsEntry("rubrik", Arendefixtur.RUBRIK).doesNotContainKeys("skrivelseText", "fragor", "inkom");

    // the fördelning proposes svarsdatum 15 working days on and Stadsledningskontoret
    Task fordela = uppgift("Task_FordelaArende", dnr);
    assertThat(kandidatgrupper(fordela)).containsExactly("ks-kansli");
    // ks.frister.kansli: two working days from Wednesday 2025-11-26
    assertThat(fordela.getDueDate()).isEqualTo(tid("2025-11-28T23:59:59"));
    assertThat(taskService.getVariable(fordela.getId(), "svarsdatum")).isEqualTo("2025-12-17");
    assertThat(taskService.getVariable(fordela.getId(), "remissinstanser").toString()).isEqualTo("[\"stadsledningskontoret\"]");
    fordelas(dnr);
    assertThat(arende(dnr).rotel()).isEqualTo("rotel-i");
    assertThat(arende(dnr).foredragandeBorgarrad()).isEqualTo("Karin Wanngård");
    ProcessInstance remiss = calledProcessInstance(skrivelse);
    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande");
    assertThat(remiss.getBusinessKey()).isEqualTo(dnr);

    besvarasAvRemissinstanserna(dnr);
    assertThat(skrivelse).isWaitingAt("Task_UpprattaPromemoria");
    Task pm = uppgift("Task_UpprattaPromemoria", dnr);
    assertThat(kandidatgrupper(pm)).containsExactly("rotel-i");
    // 20 working days from 2025-12-10 over Christmas, New Year and trettondedagen
    assertThat(pm.getDueDate()).isEqualTo(tid("2026-01-15T23:59:59"));
    assertThat(taskService.getVariables(pm.getId())).containsEntry("undertecknare", "Karin Wanngård")
        .containsEntry("forslagTillBeslut", BESLUTSTEXT)
        .as("dated the day it is written (the form proposes the day it is opened), not the day the task was made")
        .doesNotContainKey("promemoriaDatum");

    promemoriaUpprattas(dnr);
    ProcessInstance brb = calledProcessInstance("borgarradsberedning", skrivelse);
    assertThat(brb).isWaitingAt("Event_BrbSammantrade");
    assertThat(timer("Event_BrbSammantrade").getDuedate()).isEqualTo(tid("2026-03-11T07:00"));

    // Liberalerna announce a särskilt uttalande in borgarrådsberedningen and hand it in on time
    borgarradsberedningen(dnr, BRB, "brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista("L"));
    klockan("2026-03-13T11:00");
    slutfor(uppgift("Task_LamnaSarskiltUttalande", dnr), formular("uttalandeLedamot", "Jan Jönsson",
        "uttalandeText", "Vi hade gärna sett att staden deltog."));
    korForfallnaJobbFor(dnr);
    ProcessInstance ks = calledProcessInstance("kommunstyrelsen", skrivelse);
    assertThat(skrivelse).hasPassed("Task_SkapaArendedokumentTillKs");
    assertThat(ks).isWaitingAt("Event_KsSammantrade");
    assertThat(timer("Event_KsSammantrade").getDuedate()).isEqualTo(tid("2026-03-18T07:00"));

    // kommunstyrelsen decides 2026-03-18; Jan Jönsson's särskilt uttalande is likalydande
    kommunstyrelsen(dnr, KS, "ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT, "paragraf", "12",
        "ksSarskildaUttalanden", json("[{\"ledamot\": \"Jan Jönsson\", \"parti\": \"L\", \"likalydande\": true}]"));
    assertThat(arende(dnr).status()).isEqualTo(Arendestatus.BESLUTAT);
    korForfallnaJobbFor(dnr);
    assertThat(skrivelse).isWaitingAt("Event_ProtokollAnslaget");
    ProcessInstance protokoll = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("KS 2026-03-18")
        .singleResult();
    assertThat(protokoll).isWaitingAt("Task_JusteraProtokollet");
    assertThat(uppgift("Task_JusteraProtokollet").getDueDate()).isEqualTo(tid("2026-04-01T23:59:59"));

    // justerat Friday 2026-03-20: the anslag is due Sunday 22 → Monday 23; anslaget Monday 2026-03-23
    klockan("2026-03-20T10:00");
    slutfor(uppgift("Task_JusteraProtokollet"), formular("justeringsdatum", "2026-03-20", "justerare", "Jan Jönsson"));
    korForfallnaJobbFor(); // the protokoll is written after the justering (a save point)
    assertThat(uppgift("Task_AnslaProtokollet").getDueDate()).isEqualTo(tid("2026-03-23T23:59:59"));
    klockan("2026-03-23T09:00");
    slutfor(uppgift("Task_AnslaProtokollet"), formular("anslagsdatum", "2026-03-23"));
    korForfallnaJobbFor(dnr);
    assertThat(protokoll).isEnded();
    assertThat(skrivelse).isWaitingAt("Event_LaglighetsprovningUtgangen")
        .hasPassed("Task_SkapaProtokollsutdrag", "Task_SkapaArendedokument");
    assertThat(skrivelse).variables().containsEntry("anslagsdatum", "2026-03-23").containsEntry("justeringsdatum", "2026-03-20");
    // each event at the time of its act, not both at the anslag
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.PROTOKOLL_JUSTERAT).singleElement()
        .satisfies(h -> assertThat(h.tid().toInstant()).isEqualTo(tid("2026-03-20T10:00").toInstant()));
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.PROTOKOLL_ANSLAGET).singleElement()
        .satisfies(h -> assertThat(h.tid().toInstant()).isEqualTo(tid("2026-03-23T09:00").toInstant()));

    // three weeks from Monday 2026-03-23: the last day is Monday 2026-04-13; closed the next morning
    assertThat(timer("Event_LaglighetsprovningUtgangen").getDuedate()).isEqualTo(tid("2026-04-14T07:00"));
    klockan("2026-04-14T06:59:59");
    assertThat(forfallnaJobb()).isEmpty();
    klockan("2026-04-14T07:00");
    korForfallnaJobbFor(dnr);

    assertThat(skrivelse).isEnded().hasPassed("Task_AvslutaArende", "Task_LevereraTillEarkiv", "EndEvent_ArendeAvslutat");
    // delivered to the e-arkiv: one package in the folder, its SHA-256 in the event log
    Path paket = earkiv.leveransmapp().resolve(dnr.replaceAll("[^A-Za-z0-9]+", "-") + ".zip");
    assertThat(paket).exists();
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.LEVERERAT_TILL_EARKIV).singleElement()
        .satisfies(h -> assertThat(h.beskrivning()).contains("SHA-256 " + sha256(paket)));
    assertThat(arende(dnr).status()).isEqualTo(Arendestatus.AVSLUTAT);
    assertThat(arende(dnr).avslutadDatum()).isEqualTo(LocalDate.parse("2026-04-14"));
    assertThat(handlingar(dnr)).extracting(Handling::dokumentnummer, Handling::handlingstyp, Handling::status, Handling::datum)
        .containsExactly(
            tuple(dnr + "-1", Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, LocalDate.parse("2025-11-26")),
            tuple(dnr + "-2", Handlingstyp.REMISS, HandlingStatus.EXPEDIERAD, LocalDate.parse("2025-11-27")),
            tuple(dnr + "-3", Handlingstyp.TJANSTUTLATANDE, HandlingStatus.INKOMMEN, LocalDate.parse("2025-12-10")),
            tuple(dnr + "-4", Handlingstyp.PROMEMORIA, HandlingStatus.UPPRATTAD, LocalDate.parse("2026-03-04")),
            tuple(dnr + "-5", Handlingstyp.SARSKILT_UTTALANDE, HandlingStatus.INKOMMEN, LocalDate.parse("2026-03-13")),
            tuple(dnr + "-6", Handlingstyp.ARENDEDOKUMENT, HandlingStatus.UPPRATTAD, LocalDate.parse("2026-03-13")),
            tuple(dnr + "-7", Handlingstyp.SARSKILT_UTTALANDE, HandlingStatus.INKOMMEN, LocalDate.parse("2026-03-18")),
            tuple(dnr + "-8", Handlingstyp.PROTOKOLLSUTDRAG, HandlingStatus.EXPEDIERAD, LocalDate.parse("2026-03-23")),
            tuple(dnr + "-9", Handlingstyp.ARENDEDOKUMENT, HandlingStatus.UPPRATTAD, LocalDate.parse("2026-03-23")));
    assertThat(handlingar(dnr).get(6).hanvisarTill()).isEqualTo(dnr + "-5");
    assertThat(handlingar(dnr).get(7).mediatyp()).isEqualTo("application/pdf");
    assertThat(handlingar(dnr).get(7).mottagare()).as("beslutsmeddelandet expedierat till avsändaren")
        .isEqualTo("Jan Jönsson (L)");
    assertThat(meddelanden(dnr)).as("remissen, begäran om särskilt uttalande till L och beslutet till avsändaren")
        .containsExactly("REMISS registrator.slk@ks.demo.example", "SARSKILT_UTTALANDE kansli.l@ks.demo.example",
            "BESLUT kansli.l@ks.demo.example");
    assertThat(meddelandehandelser(dnr)).extracting(Handelse::dokumentnummer)
        .containsExactly(dnr + "-2", null, dnr + "-8");
    // the meetings' documents are noted in the ärende: BRB's and KS's föredragningslista (written on the meeting
    // morning, not fixed by a secretary here), KS's protokoll at the justering and its anslagsbevis at the anslag
    assertThat(handelsetyper(dnr)).containsExactly(
        Handelsetyp.REGISTRERAT, Handelsetyp.FORDELAT, Handelsetyp.REMITTERAT, Handelsetyp.TJANSTUTLATANDE_INKOMMET,
        Handelsetyp.PROMEMORIA_UPPRATTAD, Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA, Handelsetyp.DOKUMENT_UPPRATTAT,
        Handelsetyp.BRB_TILLSTYRKT, Handelsetyp.SARSKILT_UTTALANDE_INKOMMET, Handelsetyp.DOKUMENT_UPPRATTAT,
        Handelsetyp.UPPFORT_PA_FOREDRAGNINGSLISTA, Handelsetyp.DOKUMENT_UPPRATTAT, Handelsetyp.KS_BESLUT,
        Handelsetyp.DOKUMENT_UPPRATTAT, Handelsetyp.PROTOKOLL_JUSTERAT, Handelsetyp.DOKUMENT_UPPRATTAT,
        Handelsetyp.PROTOKOLL_ANSLAGET, Handelsetyp.DOKUMENT_UPPRATTAT, Handelsetyp.DOKUMENT_UPPRATTAT,
        Handelsetyp.LAGA_KRAFT, Handelsetyp.AVSLUTAT, Handelsetyp.LEVERERAT_TILL_EARKIV);
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.DOKUMENT_UPPRATTAT)
        .extracting(h -> h.beskrivning().substring(0, h.beskrivning().indexOf(" upprätta")))
        .startsWith("Föredragningslista, borgarrådsberedningens sammanträde 2026-03-11")
        .contains("Föredragningslista, kommunstyrelsens sammanträde 2026-03-18",
            "Protokoll, kommunstyrelsens sammanträde 2026-03-18", "Anslagsbevis, kommunstyrelsens protokoll 2026-03-18");
  }

  // --- intake and fördelning ------------------------------------------------------------------

  @Test
  void aSkrivelseWithAnUnknownPartyIsRefusedAndNothingIsRegistered() {
    klockan("2025-11-26T10:00");
    int arenden = jdbc.sql("select count(*) from arende").query(Integer.class).single();
    Map<String, Object> inlamning = fixtur.skrivelseinlamning();
    inlamning.put("avsandareParti", "XX");
    inlamning.put("inkom", "2025-11-27");

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("skrivelse", inlamning))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Okänt parti 'XX'")
        .hasMessageContaining("ligger i framtiden");

    assertThat(jdbc.sql("select count(*) from arende").query(Integer.class).single()).isEqualTo(arenden);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("skrivelse").count()).isZero();
  }

  @Test
  void svarsdatumOnASaturdayIsRefusedAndNothingChanges() {
    String dnr = inkommer();
    klockan("2025-11-27T09:00");
    Task fordela = uppgift("Task_FordelaArende", dnr);

    assertThatThrownBy(() -> slutfor(fordela, formular("rotel", "rotel-i", "remissinstanser", lista("stadsledningskontoret"),
        "svarsdatum", "2025-12-20")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Svarsdatum 2025-12-20 är ingen arbetsdag")
        .hasMessageContaining("Välj t.ex. 2025-12-22.");
    assertThatThrownBy(() -> slutfor(fordela, formular("rotel", "rotel-i", "remissinstanser", lista("kulturforvaltningen"),
        "svarsdatum", SVARSDATUM)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Okänd remissinstans 'kulturforvaltningen'.");
    assertThatThrownBy(() -> slutfor(fordela, formular("rotel", "rotel-ix", "remissinstanser", lista(), "svarsdatum", SVARSDATUM)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Rotel: 'rotel-ix' är inget giltigt val.")
        .hasMessageContaining("Välj minst ett alternativ i remissinstanser.");

    assertThat(skrivelse(dnr)).isWaitingAt("Task_FordelaArende");
    assertThat(uppgift("Task_FordelaArende", dnr).getId()).isEqualTo(fordela.getId());
    assertThat(runtimeService.getVariable(skrivelse(dnr).getId(), "svarsdatum")).isEqualTo("2025-12-17");
    assertThat(arende(dnr).rotel()).isNull();
    assertThat(handelsetyper(dnr)).containsExactly(Handelsetyp.REGISTRERAT);
    assertThat(forfallnaJobb()).isEmpty();
  }

  @Test
  void theRemissGoesToEveryRemissinstansInParallelAndThePromemoriaWaitsForAll() {
    String dnr = inkommer();
    fordelasTill(dnr, "stadsledningskontoret", "stadsbyggnadskontoret");

    List<Task> remisser = taskService.createTaskQuery().taskDefinitionKey("Task_SkrivTjanstutlatande")
        .processInstanceBusinessKey(dnr).list();
    assertThat(remisser).extracting(this::kandidatgrupper)
        .containsExactlyInAnyOrder(List.of("stadsledningskontoret"), List.of("stadsbyggnadskontoret"));
    assertThat(handlingar(dnr)).extracting(Handling::handlingstyp, Handling::mottagare).containsExactlyInAnyOrder(
        tuple(Handlingstyp.SKRIVELSE, null), tuple(Handlingstyp.REMISS, "Stadsledningskontoret"),
        tuple(Handlingstyp.REMISS, "Stadsbyggnadskontoret"));

    // Stadsledningskontoret answers; Stadsbyggnadskontoret does not, and the kansli goes on without it
    klockan("2025-12-10T14:00");
    slutfor(remisser.stream().filter(t -> kandidatgrupper(t).contains("stadsledningskontoret")).findFirst().orElseThrow(),
        formular("tjanstutlatandeText", "Svar.", "tjanstutlatandeDatum", "2025-12-10"));
    korForfallnaJobbFor(dnr);
    assertThat(skrivelse(dnr)).isWaitingAt("CallActivity_Remiss");
    klockan("2025-12-22T07:00");
    korForfallnaJobbFor(dnr);
    slutfor(uppgift("Task_HanteraForsenatRemissvar", dnr), formular("forsenatRemissvarAtgard", "FORTSATT_UTAN_SVAR"));
    korForfallnaJobbFor(dnr);

    assertThat(skrivelse(dnr)).isWaitingAt("Task_UpprattaPromemoria");
    assertThat(handelsetyper(dnr)).contains(Handelsetyp.TJANSTUTLATANDE_INKOMMET, Handelsetyp.REMISSVAR_UTEBLEV);
  }

  // --- withdrawal -------------------------------------------------------------------------------

  /** The ärende was withdrawn: closed as återkallat, nothing open, nothing registered lost. */
  void arAterkallat(String dnr, Handlingstyp... registreradeForut) {
    // the withdrawal is registered at once; the delivery to the e-arkiv is its own job after a save point
    assertThat(skrivelse(dnr)).isWaitingAt("Task_LevereraAterkallatTillEarkiv");
    assertThat(arende(dnr).status()).isEqualTo(Arendestatus.ATERKALLAT);
    korForfallnaJobbFor(dnr);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(dnr)
        .processDefinitionKey("skrivelse").singleResult().getEndActivityId()).isEqualTo("EndEvent_ArendeAterkallat");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(dnr).count())
        .as("ärendets processer, också de anropade").isZero();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(dnr).count()).as("öppna uppgifter").isZero();
    assertThat(managementService.createJobQuery().count()).as("jobb och timrar").isZero();
    assertThat(arende(dnr).status()).isEqualTo(Arendestatus.ATERKALLAT);
    assertThat(arende(dnr).avslutadDatum()).isEqualTo(idag());
    List<Handling> handlingar = handlingar(dnr);
    assertThat(handlingar).extracting(Handling::handlingstyp)
        .containsExactly(java.util.stream.Stream.concat(java.util.Arrays.stream(registreradeForut),
            java.util.stream.Stream.of(Handlingstyp.ATERKALLELSE)).toArray(Handlingstyp[]::new));
    Handling aterkallelse = handlingar.get(handlingar.size() - 1);
    assertThat(aterkallelse.dokumentnummer()).isEqualTo(dnr + "-" + handlingar.size());
    assertThat(aterkallelse.status()).isEqualTo(HandlingStatus.INKOMMEN);
    assertThat(aterkallelse.avsandare()).isEqualTo(Arendefixtur.AVSANDARE);
    assertThat(aterkallelse.registreradAv()).isEqualTo("integration");
    assertThat(text(aterkallelse.dokumentnummer())).isEqualTo("Avsändaren " + Arendefixtur.AVSANDARE
        + " återkallar skrivelsen " + dnr + ".\n\nFrågan har besvarats i kommunfullmäktige.");
    assertThat(handelsetyper(dnr)).endsWith(Handelsetyp.ATERKALLAT, Handelsetyp.LEVERERAT_TILL_EARKIV);
    assertThat(earkiv.leveransmapp().resolve(dnr.replaceAll("[^A-Za-z0-9]+", "-") + ".zip")).exists();
  }

  // --- delivery to the e-arkiv -------------------------------------------------------------------

  @Test
  void aFailedDeliveryIsRetriedEveryTenMinutesThenAnIncidentAndDeliversOnceRepaired() throws Exception {
    String dnr = inkommer();
    klockan("2025-11-26T15:00");
    aterkallas(dnr);
    assertThat(skrivelse(dnr)).isWaitingAt("Task_LevereraAterkallatTillEarkiv");
    // the delivery folder cannot be written: a file stands where the folder should be
    Path mapp = earkiv.leveransmapp();
    Path undan = mapp.resolveSibling(mapp.getFileName() + "-undan");
    if (Files.exists(mapp)) {
      Files.move(mapp, undan);
    }
    Files.writeString(mapp, "ingen mapp");
    try {
      org.camunda.bpm.engine.runtime.Job jobb = managementService.createJobQuery().processInstanceId(skrivelse(dnr).getId())
          .activityId("Task_LevereraAterkallatTillEarkiv").singleResult();
      assertThatThrownBy(() -> managementService.executeJob(jobb.getId())).hasMessageContaining("Arkivpaketet för " + dnr);
      org.camunda.bpm.engine.runtime.Job igen = managementService.createJobQuery().jobId(jobb.getId()).singleResult();
      assertThat(igen.getRetries()).as("R5/PT10M: fem försök kvar").isEqualTo(4);
      assertThat(igen.getDuedate()).isEqualTo(om(java.time.Duration.ofMinutes(10)));
      assertThat(forfallnaJobb()).isEmpty();
      // the last try fails: an incident in Cockpit with the Swedish reason; nothing delivered, nothing logged
      managementService.setJobRetries(jobb.getId(), 1);
      spolaFram(java.time.Duration.ofMinutes(10));
      assertThatThrownBy(() -> managementService.executeJob(jobb.getId())).isNotNull();
      org.camunda.bpm.engine.runtime.Incident incident = runtimeService.createIncidentQuery()
          .processInstanceId(skrivelse(dnr).getId()).singleResult();
      assertThat(incident.getActivityId()).isEqualTo("Task_LevereraAterkallatTillEarkiv");
      assertThat(incident.getIncidentMessage()).contains("kunde inte");
      assertThat(handelsetyper(dnr)).doesNotContain(Handelsetyp.LEVERERAT_TILL_EARKIV);
    } finally {
      Files.delete(mapp);
      if (Files.exists(undan)) {
        Files.move(undan, mapp);
      }
    }
    // repaired, the operator retries in Cockpit: delivered once, the process ends
    managementService.setJobRetries(managementService.createJobQuery().processInstanceId(skrivelse(dnr).getId())
        .singleResult().getId(), 1);
    spolaFram(java.time.Duration.ofMinutes(10));
    arAterkallat(dnr, Handlingstyp.SKRIVELSE);
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }

  @Autowired
  EarkivInstallningar earkiv;

  static String sha256(Path fil) throws java.io.IOException {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(fil)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void withdrawalAtFordelning() {
    String dnr = inkommer();
    klockan("2025-11-26T15:00");

    aterkallas(dnr);

    arAterkallat(dnr, Handlingstyp.SKRIVELSE);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(dnr)
        .taskDefinitionKey("Task_FordelaArende").singleResult().getDeleteReason()).isEqualTo("deleted");
  }

  @Test
  void withdrawalDuringTheRemissEndsTheCalledRemissesAndTheirTasks() {
    String dnr = inkommer();
    fordelasTill(dnr, "stadsledningskontoret", "stadsbyggnadskontoret");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("remiss").processInstanceBusinessKey(dnr)
        .count()).isEqualTo(2);
    assertThat(managementService.createJobQuery().timers().count()).as("påminnelse och bevakning per remiss").isEqualTo(4);
    klockan("2025-12-01T10:00");

    aterkallas(dnr);

    arAterkallat(dnr, Handlingstyp.SKRIVELSE, Handlingstyp.REMISS, Handlingstyp.REMISS);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("remiss")
        .processInstanceBusinessKey(dnr).list()).hasSize(2)
        .allSatisfy(r -> {
          assertThat(r.getState()).isEqualTo("INTERNALLY_TERMINATED");
          assertThat(r.getDeleteReason()).contains("BoundaryEvent_Aterkallelse");
        });
  }

  @Test
  void withdrawalAtThePromemoria() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    assertThat(skrivelse(dnr)).isWaitingAt("Task_UpprattaPromemoria");

    aterkallas(dnr);

    arAterkallat(dnr, Handlingstyp.SKRIVELSE, Handlingstyp.REMISS, Handlingstyp.TJANSTUTLATANDE);
  }

  @Test
  void withdrawalAtBorgarradsberedningen() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    promemoriaUpprattas(dnr);
    klockan(BRB + "T07:00");
    korForfallnaJobbFor(dnr);
    assertThat(calledProcessInstance("borgarradsberedning", skrivelse(dnr))).isWaitingAt("Task_RegistreraUtfallIBrb");

    aterkallas(dnr);

    arAterkallat(dnr, Handlingstyp.SKRIVELSE, Handlingstyp.REMISS, Handlingstyp.TJANSTUTLATANDE, Handlingstyp.PROMEMORIA);
  }

  @Test
  void withdrawalAtKommunstyrelsenBeforeTheDecision() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    promemoriaUpprattas(dnr);
    tillstyrksIBrb(dnr);
    klockan(KS + "T07:00");
    korForfallnaJobbFor(dnr);
    assertThat(calledProcessInstance("kommunstyrelsen", skrivelse(dnr))).isWaitingAt("Task_RegistreraBeslutIKs");

    aterkallas(dnr);

    arAterkallat(dnr, Handlingstyp.SKRIVELSE, Handlingstyp.REMISS, Handlingstyp.TJANSTUTLATANDE, Handlingstyp.PROMEMORIA,
        Handlingstyp.ARENDEDOKUMENT);
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.AVFORT_FRAN_FOREDRAGNINGSLISTA)
        .extracting(h -> h.beskrivning()).containsExactly(
            "Ärendet avfört från föredragningslistan för kommunstyrelsens sammanträde 2026-03-18 (skrivelsen återkallad).");
  }

  @Test
  void withdrawalBeforeBorgarradsberedningensMeetingTakesTheArendeOffItsFöredragningslista() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    promemoriaUpprattas(dnr);
    klockan("2026-03-09T10:00");

    aterkallas(dnr);

    arAterkallat(dnr, Handlingstyp.SKRIVELSE, Handlingstyp.REMISS, Handlingstyp.TJANSTUTLATANDE, Handlingstyp.PROMEMORIA);
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.AVFORT_FRAN_FOREDRAGNINGSLISTA)
        .extracting(h -> h.beskrivning()).containsExactly("Ärendet avfört från föredragningslistan för "
            + "borgarrådsberedningens sammanträde 2026-03-11 (skrivelsen återkallad).");
  }

  @Test
  void withdrawalIsRefusedAfterKommunstyrelsensDecision() {
    String dnr = beslutade("12").get(0);
    int handlingar = handlingar(dnr).size();

    assertThatThrownBy(() -> aterkallas(dnr)).isInstanceOf(MismatchingMessageCorrelationException.class);

    assertThat(arende(dnr).status()).isEqualTo(Arendestatus.BESLUTAT);
    assertThat(handlingar(dnr)).hasSize(handlingar);
    assertThat(skrivelse(dnr)).isWaitingAt("Task_AnmalTillProtokoll");
    korForfallnaJobbFor(dnr);
    assertThat(skrivelse(dnr)).isWaitingAt("Event_ProtokollAnslaget");
    assertThatThrownBy(() -> aterkallas(dnr)).isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(arende(dnr).status()).isEqualTo(Arendestatus.BESLUTAT);
  }

  @Test
  void aPromemoriaSentWithoutADateIsDatedTheDayItIsCompleted() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    klockan("2026-03-04T10:00");
    slutfor(uppgift("Task_UpprattaPromemoria", dnr), formular(
        "sammanfattning", "Jan Jönsson (L) frågar om stadens deltagande.",
        "synpunkter", "Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället."));
    assertThat(skrivelse(dnr)).variables().containsEntry("promemoriaDatum", "2026-03-04");
  }

  // --- föredragande borgarråd and promemoria -----------------------------------------------------

  @Test
  void theForedragandeBorgarradChosenAtFordelningIsTheArendesOneNameFromPromemoriaToDocument() {
    String dnr = inkommer();
    klockan("2025-11-27T09:00");
    slutfor(uppgift("Task_FordelaArende", dnr), formular("rotel", "rotel-i", "remissinstanser",
        lista("stadsledningskontoret"), "svarsdatum", SVARSDATUM, "annatForedragandeBorgarrad", " Eva Teststrand "));
    korForfallnaJobbFor(dnr);
    assertThat(arende(dnr).foredragandeBorgarrad()).isEqualTo("Eva Teststrand");
    assertThat(arende(dnr).rotel()).isEqualTo("rotel-i");
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.FORDELAT).singleElement()
        .satisfies(h -> assertThat(h.beskrivning()).contains("Rotel I (föredragande borgarråd Eva Teststrand)"));
    assertThat(skrivelse(dnr)).variables().containsEntry("foredragandeBorgarrad", "Eva Teststrand")
        .doesNotContainKey("annatForedragandeBorgarrad");

    besvarasAvRemissinstanserna(dnr);
    Task pm = uppgift("Task_UpprattaPromemoria", dnr);
    assertThat(taskService.getVariable(pm.getId(), "undertecknare")).as("förslaget till underskrift")
        .isEqualTo("Eva Teststrand");
    promemoriaUpprattas(dnr);

    String promemoria = handlingar(dnr).stream().filter(h -> h.handlingstyp() == Handlingstyp.PROMEMORIA)
        .findFirst().orElseThrow().dokumentnummer();
    assertThat(text(promemoria)).contains("Föredragande borgarrådet Eva Teststrand", "Stockholm den 4 mars 2026\n\nEva Teststrand")
        .doesNotContain("Karin Wanngård", "2026-03-04");

    tillstyrksIBrb(dnr);
    String pdf = arendedokumentetsText(dnr);
    assertThat(pdf).contains("Föredragande borgarrådet Eva Teststrand", "Stockholm den 4 mars 2026 Eva Teststrand")
        .doesNotContain("Karin Wanngård");
  }

  @Test
  void aPromemoriaSignedByAnotherBorgarradMakesThatBorgarradTheArendesForedragande() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    klockan("2026-03-04T10:00");

    slutfor(uppgift("Task_UpprattaPromemoria", dnr), formular(
        "sammanfattning", "Jan Jönsson (L) frågar om stadens deltagande.",
        "synpunkter", "Staden prioriterar sina internationella åtaganden.",
        "promemoriaDatum", "2026-03-04", "undertecknare", "Eva Teststrand"));
    korForfallnaJobbFor(dnr);

    assertThat(arende(dnr).foredragandeBorgarrad()).isEqualTo("Eva Teststrand");
    assertThat(handelser(dnr)).filteredOn(h -> h.handelsetyp() == Handelsetyp.FOREDRAGANDE_ANDRAT)
        .extracting(h -> h.beskrivning()).containsExactly(
            "Föredragande borgarråd ändrat från Karin Wanngård till Eva Teststrand, som undertecknar promemorian.");
    String promemoria = handlingar(dnr).get(3).dokumentnummer();
    assertThat(text(promemoria)).contains("Föredragande borgarrådet Eva Teststrand").doesNotContain("Karin Wanngård");
  }

  @Test
  void synpunkterAreRequiredUnlessTheForslagRefersToATjanstutlatande() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    klockan("2026-03-04T10:00");
    Task pm = uppgift("Task_UpprattaPromemoria", dnr);

    assertThatThrownBy(() -> slutfor(pm, formular("sammanfattning", "Jan Jönsson (L) frågar om stadens deltagande.",
        "promemoriaDatum", "2026-03-04")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Föredragande borgarrådets synpunkter måste fyllas i");

    slutfor(pm, formular("sammanfattning", "Jan Jönsson (L) frågar om stadens deltagande.",
        "forslagTillBeslut", "Skrivelsen besvaras med hänvisning till stadsledningskontorets tjänsteutlåtande.",
        "promemoriaDatum", "2026-03-04"));
    korForfallnaJobbFor(dnr);
    assertThat(handlingar(dnr)).extracting(Handling::handlingstyp).contains(Handlingstyp.PROMEMORIA);
  }

  /**
   * Återremiss to a new remiss: the same remissinstans answers a second time and another does not;
   * the rotel's new promemoria starts from the first one; the ärende document (read back with PDFBox)
   * has each round's own answer with its own date, in order.
   */
  @Test
  void aterremissToANewRemissKeepsEachRoundsOwnAnswerInTheArendedokument() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr); // 2025-12-10: "Stadsledningskontoret hänvisar till den internationella beredningen."
    promemoriaUpprattas(dnr);
    borgarradsberedningen(dnr, BRB, "brbUtfall", "ATERREMISS", "aterremissTill", "REMISS");

    fordelasVid(dnr, "2026-03-12T09:00", "2026-04-09", "stadsledningskontoret", "stadsbyggnadskontoret");
    klockan("2026-04-01T10:00");
    Task slk = taskService.createTaskQuery().taskDefinitionKey("Task_SkrivTjanstutlatande").processInstanceBusinessKey(dnr)
        .taskCandidateGroup("stadsledningskontoret").singleResult();
    slutfor(slk, formular("tjanstutlatandeText", "Stadsledningskontoret har nu tagit del av programmet och står fast.",
        "tjanstutlatandeDatum", "2026-04-01"));
    korForfallnaJobbFor(dnr);
    klockan("2026-04-10T07:00");
    korForfallnaJobbFor(dnr);
    slutfor(uppgift("Task_HanteraForsenatRemissvar", dnr), formular("forsenatRemissvarAtgard", "FORTSATT_UTAN_SVAR"));
    korForfallnaJobbFor(dnr);

    // the new promemoria is prefilled from the first
    Task pm = uppgift("Task_UpprattaPromemoria", dnr);
    assertThat(taskService.getVariables(pm.getId()))
        .containsEntry("sammanfattning", "Jan Jönsson (L) har i en skrivelse till kommunstyrelsen ställt frågan om varför "
            + "finansborgarrådet avstod från att delta i Paris Mayors Summit Against Antisemitism 2025.")
        .containsEntry("beredning", "Ärendet har remitterats till stadsledningskontoret.")
        .containsEntry("synpunkter", "Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället.")
        .containsEntry("arendebeskrivning", "Skrivelsen frågar om stadens deltagande.")
        .containsEntry("forslagTillBeslut", BESLUTSTEXT)
        .containsEntry("undertecknare", "Karin Wanngård")
        .doesNotContainKey("promemoriaDatum");
    klockan("2026-04-13T10:00");
    slutfor(pm, formular("forslagTillBeslut",
        "Skrivelsen besvaras med hänvisning till stadsledningskontorets tjänsteutlåtande.", "synpunkter", "",
        "promemoriaDatum", "2026-04-13"));
    korForfallnaJobbFor(dnr);
    borgarradsberedningen(dnr, "2026-05-06", "brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista());

    String pdf = arendedokumentetsText(dnr);
    int forsta = pdf.indexOf("Stadsledningskontorets tjänsteutlåtande daterat den 10 december 2025 har i huvudsak "
        + "följande lydelse. Stadsledningskontoret hänvisar till den internationella beredningen.");
    int andra = pdf.indexOf("Stadsledningskontorets tjänsteutlåtande daterat den 1 april 2026 har i huvudsak "
        + "följande lydelse. Stadsledningskontoret har nu tagit del av programmet och står fast.");
    assertThat(forsta).as("första omgångens svar med sitt datum").isPositive();
    assertThat(andra).as("andra omgångens svar med sitt datum, efter det första").isGreaterThan(forsta);
    assertThat(pdf).contains("Ärendet har remitterats till stadsledningskontoret och stadsbyggnadskontoret.",
            "Stadsbyggnadskontoret har inte besvarat remissen av den 12 mars 2026.",
            "Stockholm den 13 april 2026 Karin Wanngård")
        .doesNotContain("Föredragande borgarrådets synpunkter");
    assertThat(pdf.indexOf("Remissammanställning")).isLessThan(forsta);
  }

  /** @return the text of the ärende's latest ärendedokument (PDF/A), white space collapsed */
  String arendedokumentetsText(String dnr) {
    Handling dokument = handlingar(dnr).stream().filter(h -> h.handlingstyp() == Handlingstyp.ARENDEDOKUMENT)
        .reduce((a, b) -> b).orElseThrow();
    byte[] pdf = diarium.innehall(dokument.dokumentnummer()).orElseThrow().fil();
    try (var dokumentet = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(dokumentet)
          .replaceAll("PM Rotel I \\(Dnr [^)]*\\)", " ").replaceAll("Sida \\d+ \\(\\d+\\)", " ")
          .replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- återremiss -------------------------------------------------------------------------------

  @Test
  void aterremissInBorgarradsberedningenToThePromemoriaGoesBackToTheRotelAndOnToTheNextMeeting() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    promemoriaUpprattas(dnr);

    borgarradsberedningen(dnr, BRB, "brbUtfall", "ATERREMISS", "aterremissTill", "PROMEMORIA");

    ProcessInstance skrivelse = skrivelse(dnr);
    assertThat(skrivelse).isWaitingAt("Task_UpprattaPromemoria").hasPassed("Gateway_Aterremiss", "Gateway_AterremissTill");
    assertThat(kandidatgrupper(uppgift("Task_UpprattaPromemoria", dnr))).containsExactly("rotel-i");
    assertThat(taskService.getVariables(uppgift("Task_UpprattaPromemoria", dnr).getId()))
        .as("the first promemoria's date is not proposed for the new one").doesNotContainKey("promemoriaDatum");

    // the new promemoria 2026-03-20 (+3 working days: 2026-03-25) goes to the meeting of 2026-04-01
    promemoriaUpprattas(dnr, "2026-03-20T10:00");
    assertThat(timer("Event_BrbSammantrade").getDuedate()).isEqualTo(tid("2026-04-01T07:00"));
    borgarradsberedningen(dnr, "2026-04-01", "brbUtfall", "TILLSTYRKER");
    // kommunstyrelsen: 2026-04-01 + 3 working days over Easter (3 and 6 April) = 2026-04-08
    assertThat(calledProcessInstance("kommunstyrelsen", skrivelse)).isWaitingAt("Event_KsSammantrade");
    assertThat(timer("Event_KsSammantrade").getDuedate()).isEqualTo(tid("2026-04-08T07:00"));
    assertThat(handlingar(dnr)).extracting(Handling::dokumentnummer, Handling::handlingstyp).containsExactly(
        tuple(dnr + "-1", Handlingstyp.SKRIVELSE), tuple(dnr + "-2", Handlingstyp.REMISS),
        tuple(dnr + "-3", Handlingstyp.TJANSTUTLATANDE), tuple(dnr + "-4", Handlingstyp.PROMEMORIA),
        tuple(dnr + "-5", Handlingstyp.PROMEMORIA), tuple(dnr + "-6", Handlingstyp.ARENDEDOKUMENT));
    assertThat(handlingar(dnr).get(4).datum()).isEqualTo(LocalDate.parse("2026-03-20"));
  }

  @Test
  void aterremissInBorgarradsberedningenToANewRemissGoesBackToFordelning() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    promemoriaUpprattas(dnr);

    borgarradsberedningen(dnr, BRB, "brbUtfall", "ATERREMISS", "aterremissTill", "REMISS");

    ProcessInstance skrivelse = skrivelse(dnr);
    assertThat(skrivelse).isWaitingAt("Task_FordelaArende");
    // proposal: 15 working days from 2026-03-11
    assertThat(taskService.getVariable(uppgift("Task_FordelaArende", dnr).getId(), "svarsdatum")).isEqualTo("2026-04-01");
    fordelasVid(dnr, "2026-03-12T09:00", "2026-04-09", "stadsbyggnadskontoret");
    ProcessInstance remiss = calledProcessInstance("remiss", skrivelse);
    assertThat(remiss).isWaitingAt("Task_SkrivTjanstutlatande");
    assertThat(kandidatgrupper(uppgift("Task_SkrivTjanstutlatande", dnr))).containsExactly("stadsbyggnadskontoret");
    assertThat(uppgift("Task_SkrivTjanstutlatande", dnr).getDueDate()).isEqualTo(tid("2026-04-09T23:59:59"));
    besvarasAvRemissinstanserna(dnr, "2026-04-01T10:00");
    assertThat(skrivelse).isWaitingAt("Task_UpprattaPromemoria");
    assertThat(handlingar(dnr)).extracting(Handling::handlingstyp).containsExactly(Handlingstyp.SKRIVELSE,
        Handlingstyp.REMISS, Handlingstyp.TJANSTUTLATANDE, Handlingstyp.PROMEMORIA, Handlingstyp.REMISS,
        Handlingstyp.TJANSTUTLATANDE);
  }

  @Test
  void aterremissInKommunstyrelsenToThePromemoria() {
    String dnr = inkommer();
    fordelas(dnr);
    besvarasAvRemissinstanserna(dnr);
    promemoriaUpprattas(dnr);
    tillstyrksIBrb(dnr);

    kommunstyrelsen(dnr, KS, "ksBeslut", "ATERREMISS", "aterremissTill", "PROMEMORIA");

    ProcessInstance skrivelse = skrivelse(dnr);
    assertThat(skrivelse).isWaitingAt("Task_UpprattaPromemoria").hasPassed("Gateway_BeslutIKs", "Gateway_Aterremiss");
    assertThat(skrivelse).variables().containsEntry("ksBeslut", "ATERREMISS").containsEntry("aterremissTill", "PROMEMORIA");
    assertThat(arende(dnr).status()).isEqualTo(Arendestatus.PAGAENDE);

    // and back through borgarrådsberedningen to the next kommunstyrelsen
    promemoriaUpprattas(dnr, "2026-03-20T10:00");
    borgarradsberedningen(dnr, "2026-04-01", "brbUtfall", "TILLSTYRKER");
    kommunstyrelsen(dnr, "2026-04-08", "ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT, "paragraf", "4");
    korForfallnaJobbFor(dnr);
    assertThat(skrivelse).isWaitingAt("Event_ProtokollAnslaget");
    assertThat(skrivelse).variables().containsEntry("ksSammantrade", "2026-04-08");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("KS 2026-04-08").count()).isOne();
  }

  // --- the protokoll ----------------------------------------------------------------------------

  @Test
  void aJusteringRecordedAfterItsDayIsDatedThatDayAndTheEventsFollowTheActsOrder() {
    String dnr = beslutade("12").get(0);
    korForfallnaJobbFor(dnr);
    // justerat Friday 20 March, recorded on Monday 23 March together with the anslag
    klockan("2026-03-23T10:00");
    slutfor(uppgift("Task_JusteraProtokollet", "KS " + KS), formular("justeringsdatum", "2026-03-20",
        "justerare", "Karin Wanngård, Jan Jönsson"));
    korForfallnaJobbFor(); // the protokoll is written after the justering (a save point)
    klockan("2026-03-23T11:00");
    slutfor(uppgift("Task_AnslaProtokollet", "KS " + KS), formular("anslagsdatum", "2026-03-23"));
    korForfallnaJobbFor(dnr);

    var handelser = handelser(dnr);
    var justerat = handelser.stream().filter(h -> h.handelsetyp() == Handelsetyp.PROTOKOLL_JUSTERAT).findFirst()
        .orElseThrow();
    var anslaget = handelser.stream().filter(h -> h.handelsetyp() == Handelsetyp.PROTOKOLL_ANSLAGET).findFirst()
        .orElseThrow();
    assertThat(justerat.tid().toInstant()).as("justeringens dag (klockslaget är okänt)")
        .isEqualTo(tid("2026-03-20T00:00").toInstant());
    assertThat(anslaget.tid().toInstant()).isEqualTo(tid("2026-03-23T11:00").toInstant());
    assertThat(handelser).as("i tidsordning").isSortedAccordingTo(java.util.Comparator.comparing(h -> h.tid()));
  }

  @Test
  void anArendeAnnouncedToTheProtokollAfterItsAnslagContinuesAtOnce() {
    List<String> dnr = beslutade("12", "13");
    String forst = dnr.get(0);
    String sent = dnr.get(1);
    korForfallnaJobbFor(forst);
    protokolletJusterasOchAnslas(KS, "2026-03-20", "2026-03-23");
    korForfallnaJobbFor(forst);
    assertThat(skrivelse(forst)).isWaitingAt("Event_LaglighetsprovningUtgangen");

    // the second ärende's anmälan ran late (its job), after the anslag
    korForfallnaJobbFor(sent);

    ProcessInstance skrivelse = skrivelse(sent);
    assertThat(skrivelse).isWaitingAt("Event_LaglighetsprovningUtgangen")
        .hasPassed("Gateway_ProtokollRedanAnslaget", "Gateway_ProtokollAnslaget", "Task_SkapaProtokollsutdrag")
        .hasNotPassed("Event_ProtokollAnslaget");
    assertThat(skrivelse).variables().containsEntry("protokollAnslaget", true)
        .containsEntry("justeringsdatum", "2026-03-20").containsEntry("anslagsdatum", "2026-03-23");
    assertThat(timrar("Event_LaglighetsprovningUtgangen")).extracting(j -> j.getDuedate())
        .containsOnly(tid("2026-04-14T07:00"));
    assertThat(handelsetyper(sent)).contains(Handelsetyp.PROTOKOLL_JUSTERAT, Handelsetyp.PROTOKOLL_ANSLAGET);
    assertThat(handlingar(sent)).extracting(Handling::handlingstyp).contains(Handlingstyp.PROTOKOLLSUTDRAG);
  }
}
