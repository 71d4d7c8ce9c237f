package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.stockholm.ks.modeller.Arendefixtur.formular;
import static se.stockholm.ks.modeller.Arendefixtur.lista;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Drives skrivelse processes through their phases the way the seed's case went, each step at its
 * date: received 2025-11-26, fördelat 2025-11-27 with svarsdatum 2025-12-19, stadsledningskontoret's
 * tjänsteutlåtande 2025-12-10, the promemoria 2026-03-04, borgarrådsberedningen 2026-03-11,
 * kommunstyrelsen 2026-03-18. Several ärenden can be driven side by side: a step moves the clock to
 * its date and acts on the ärenden named.
 */
abstract class Skrivelseforlopp extends Processtest {

  static final String SVARSDATUM = "2025-12-19";
  static final String BRB = "2026-03-11";
  static final String KS = "2026-03-18";
  static final String BESLUTSTEXT = "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.";

  /** The seed's skrivelse arrives: returns its diarienummer, the business key. */
  String inkommer() {
    klockan("2025-11-26T10:00");
    ProcessInstance pi = fixtur.startaSkrivelse();
    assertThat(pi.getBusinessKey()).startsWith("KS 2025/");
    return pi.getBusinessKey();
  }

  ProcessInstance skrivelse(String dnr) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("skrivelse").processInstanceBusinessKey(dnr)
        .singleResult();
  }

  /** KS kansli assigns rotel I and sends the remiss to the remissinstanser (default Stadsledningskontoret). */
  void fordelas(String dnr) {
    fordelasTill(dnr, "stadsledningskontoret");
  }

  void fordelasTill(String dnr, String... remissinstanser) {
    fordelasVid(dnr, "2025-11-27T09:00", SVARSDATUM, remissinstanser);
  }

  void fordelasVid(String dnr, String tid, String svarsdatum, String... remissinstanser) {
    klockan(tid);
    slutfor(uppgift("Task_FordelaArende", dnr), formular("rotel", "rotel-i", "remissinstanser", lista(remissinstanser),
        "svarsdatum", svarsdatum));
    korForfallnaJobbFor(dnr);
  }

  /** Each open remiss of the ärende is answered. */
  void besvarasAvRemissinstanserna(String dnr) {
    besvarasAvRemissinstanserna(dnr, "2025-12-10T14:00");
  }

  void besvarasAvRemissinstanserna(String dnr, String tid) {
    klockan(tid);
    List<Task> tasks = taskService.createTaskQuery().taskDefinitionKey("Task_SkrivTjanstutlatande")
        .processInstanceBusinessKey(dnr).list();
    assertThat(tasks).isNotEmpty();
    for (Task task : tasks) {
      slutfor(task, formular("tjanstutlatandeText", "Stadsledningskontoret hänvisar till den internationella beredningen.",
          "tjanstutlatandeDatum", idag().toString()));
    }
    korForfallnaJobbFor(dnr);
  }

  /** Rotel I writes the promemoria; the ärende is put on borgarrådsberedningen's agenda. */
  void promemoriaUpprattas(String dnr) {
    promemoriaUpprattas(dnr, "2026-03-04T10:00");
  }

  void promemoriaUpprattas(String dnr, String tid) {
    klockan(tid);
    slutfor(uppgift("Task_UpprattaPromemoria", dnr), formular(
        "sammanfattning", "Jan Jönsson (L) har i en skrivelse till kommunstyrelsen ställt frågan om varför "
            + "finansborgarrådet avstod från att delta i Paris Mayors Summit Against Antisemitism 2025.",
        "beredning", "Ärendet har remitterats till stadsledningskontoret.",
        "synpunkter", "Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället.",
        "arendebeskrivning", "Skrivelsen frågar om stadens deltagande.",
        "promemoriaDatum", idag().toString()));
    korForfallnaJobbFor(dnr);
  }

  /** Borgarrådsberedningen's meeting day comes; its secretary records the outcome. */
  void borgarradsberedningen(String dnr, String datum, Object... utfall) {
    klockan(datum + "T07:00");
    korForfallnaJobbFor(dnr);
    slutfor(uppgift("Task_RegistreraUtfallIBrb", dnr), formular(utfall));
    korForfallnaJobbFor(dnr);
  }

  /** Borgarrådsberedningen tillstyrker on 2026-03-11 without särskilda uttalanden; the ärende goes to KS. */
  void tillstyrksIBrb(String dnr) {
    borgarradsberedningen(dnr, BRB, "brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", lista());
  }

  /** Kommunstyrelsen's meeting day comes; its secretary records the outcome. */
  void kommunstyrelsen(String dnr, String datum, Object... beslut) {
    klockan(datum + "T07:00");
    korForfallnaJobbFor(dnr);
    slutfor(uppgift("Task_RegistreraBeslutIKs", dnr), formular(beslut));
  }

  /** Kommunstyrelsen decides on 2026-03-18 as proposed (§ paragraf); the decision is not yet anmält. */
  void beslutasIKs(String dnr, String paragraf) {
    kommunstyrelsen(dnr, KS, "ksBeslut", "BESLUT", "beslutstext", BESLUTSTEXT, "paragraf", paragraf);
  }

  /**
   * Drives new ärenden side by side to kommunstyrelsen's decision on 2026-03-18, one per paragraph;
   * their anmälan to the protokoll (a job) waits.
   *
   * @return their diarienummer
   */
  List<String> beslutade(String... paragrafer) {
    List<String> dnr = Arrays.stream(paragrafer).map(p -> inkommer()).toList();
    dnr.forEach(d -> fordelas(d));
    dnr.forEach(this::besvarasAvRemissinstanserna);
    dnr.forEach(this::promemoriaUpprattas);
    dnr.forEach(this::tillstyrksIBrb);
    for (int i = 0; i < paragrafer.length; i++) {
      beslutasIKs(dnr.get(i), paragrafer[i]);
      assertThat(skrivelse(dnr.get(i))).isWaitingAt("Task_AnmalTillProtokoll");
    }
    return dnr;
  }

  /** The sender withdraws the skrivelse: the message Aterkallelse on the diarienummer. */
  void aterkallas(String dnr) {
    runtimeService.createMessageCorrelation("Aterkallelse").processInstanceBusinessKey(dnr)
        .setVariables(Variables.createVariables()
            .putValue("aterkallelseMotivering", "Frågan har besvarats i kommunfullmäktige.")
            .putValue("aterkalladAv", "integration"))
        .correlateWithResult();
  }

  /** The protokoll of the meeting is justerat and anslaget by its secretary. */
  void protokolletJusterasOchAnslas(String sammantrade, String justeringsdatum, String anslagsdatum) {
    klockan(justeringsdatum + "T10:00");
    slutfor(uppgift("Task_JusteraProtokollet", "KS " + sammantrade), formular(
        "justeringsdatum", justeringsdatum, "justerare", "Karin Wanngård, Jan Jönsson"));
    korForfallnaJobbFor(); // the protokoll is written after the justering (a save point)
    klockan(anslagsdatum + "T10:00");
    slutfor(uppgift("Task_AnslaProtokollet", "KS " + sammantrade), formular("anslagsdatum", anslagsdatum));
  }

  // --- jobs of some ärenden only ----------------------------------------------------------------

  /**
   * Executes the due jobs of the named ärenden (their skrivelse and called processes, which carry
   * the diarienummer as business key) and of the meetings' processes, the earliest first, until none
   * is due; other ärenden's jobs wait.
   */
  int korForfallnaJobbFor(String... dnr) {
    Set<String> nycklar = Set.copyOf(Arrays.asList(dnr));
    int korda = 0;
    for (List<Job> jobb = forfallnaJobbFor(nycklar); !jobb.isEmpty(); jobb = forfallnaJobbFor(nycklar)) {
      managementService.executeJob(jobb.get(0).getId());
      korda++;
      assertThat(korda).as("jobb i rad (en loop i modellen?)").isLessThan(200);
    }
    return korda;
  }

  private List<Job> forfallnaJobbFor(Set<String> nycklar) {
    return forfallnaJobb().stream().filter(j -> {
      ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId())
          .singleResult();
      // the ärenden's own processes, and the meetings' protokoll and föredragningslista processes
      return pi != null && (nycklar.contains(pi.getBusinessKey()) || pi.getBusinessKey().startsWith("KS 20")
          && pi.getBusinessKey().indexOf('/') < 0 || pi.getBusinessKey().startsWith("Föredragningslista "));
    }).toList();
  }
}
