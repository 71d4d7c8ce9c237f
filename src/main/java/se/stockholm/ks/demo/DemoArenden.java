package se.stockholm.ks.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Sammantraden;
import se.stockholm.ks.kalender.Sammantradesplan;

/**
 * Demo cases for a newcomer, loaded at the first start in the local profile
 * ({@code ks.demo.arenden=true}, never in {@code postgres}): one decided by kommunstyrelsen and
 * waiting for the time for laglighetsprövning, one on the föredragningslista of borgarrådsberedningen's
 * next meeting, and one waiting for the tjänsteutlåtande. They are dated relative to the day the
 * database is created (working days, the sammanträdesplan's meetings), so that none is overdue at the
 * first start whatever the day, and registered in the order they came in. They are driven through the
 * process like real cases — each task completed by its role through the form service, on the cases'
 * own dates (the engine clock is moved back while they are made and reset afterwards), before the job
 * executor starts. The start-up log then names each case, where it is, and the demo users who have
 * something to do in it.
 */
@Component
@ConditionalOnProperty(name = "ks.demo.arenden", havingValue = "true")
class DemoArenden {

  private static final Logger LOG = LoggerFactory.getLogger(DemoArenden.class);
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String PROMEMORIEFORSLAG = "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final FormService formService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final Arbetsdagskalender kalender;
  private final Sammantradesplan plan;
  private final Sammantraden sammantraden;

  DemoArenden(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
              FormService formService, ManagementService managementService, IdentityService identityService,
              JdbcClient jdbc, Arbetsdagskalender kalender, Sammantradesplan plan, Sammantraden sammantraden) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.formService = formService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.kalender = kalender;
    this.plan = plan;
    this.sammantraden = sammantraden;
  }

  /** Creates the demo cases when the diarium is empty, dated back from today. */
  @EventListener(PostDeployEvent.class)
  @Order(40)
  public void skapa() {
    if (jdbc.sql("select count(*) from arende").query(Integer.class).single() > 0) {
      return;
    }
    long start = System.currentTimeMillis();
    LocalDate idag = LocalDate.now(STOCKHOLM);
    List<String> arenden = new ArrayList<>();
    try {
      beslutat(idag).ifPresent(arenden::add);
      arenden.add(iBorgarradsberedningen(idag));
      arenden.add(vantarPaTjanstutlatande(idag));
    } finally {
      ClockUtil.reset();
      identityService.clearAuthentication();
    }
    korJobb(); // what is due by the real clock (none, unless the plan has no recent meeting)
    StringBuilder sb = new StringBuilder("Demoärenden skapade på " + (System.currentTimeMillis() - start)
        + " ms, daterade bakåt från i dag (" + idag + "):");
    arenden.forEach(dnr -> sb.append("\n  ").append(beskriv(dnr)));
    LOG.info(sb.toString());
  }

  /**
   * Decided by kommunstyrelsen at its latest meeting before today, justerat and anslaget; the
   * three weeks for laglighetsprövning run (or have run, when the plan's latest meeting is long ago).
   */
  private Optional<String> beslutat(LocalDate idag) {
    Optional<LocalDate> ks = plan.kommunstyrelsen().stream().filter(d -> d.isBefore(idag)).reduce((a, b) -> b);
    Optional<LocalDate> brb = ks.flatMap(k -> plan.borgarradsberedningen().stream()
        .filter(b -> b.isBefore(k) && k.equals(forstaKs(b))).reduce((a, b) -> b));
    if (brb.isEmpty()) {
      LOG.info("Sammanträdesplanen har inget sammanträde före {} att lägga ett beslutat demoärende på.", idag);
      return Optional.empty();
    }
    LocalDate kommunstyrelsen = ks.get();
    LocalDate beredning = brb.get();
    LocalDate promemoria = kalender.dragIfranArbetsdagar(beredning, 1);
    for (int varv = 0; !beredning.equals(sammantraden.forstaBrbSammantrade(promemoria)); varv++) {
      if (varv > 60) {
        throw new IllegalStateException("Demoärendena: ingen dag leder till borgarrådsberedningen " + beredning);
      }
      promemoria = kalender.dragIfranArbetsdagar(promemoria, 1);
    }
    LocalDate tjanstutlatande = kalender.dragIfranArbetsdagar(promemoria, 5);
    LocalDate fordelat = kalender.dragIfranArbetsdagar(tjanstutlatande, 10);
    LocalDate inkom = kalender.dragIfranArbetsdagar(fordelat, 1);
    LocalDate justerat = fore(kalender.laggTillArbetsdagar(kommunstyrelsen, 1), idag, kommunstyrelsen);
    LocalDate anslaget = fore(kalender.laggTillArbetsdagar(justerat, 1), idag, justerat);

    klocka(inkom, 10, 30);
    String dnr = registrera("Skrivelse om stadens kostnader för konsulttjänster",
        "Erik Holm", "KD", "oppositionsborgarråd", inkom,
        "Hur har stadens kostnader för konsulter utvecklats sedan 2022?\nVilka åtgärder vidtas för att minska dem?");
    klocka(fordelat, 9, 0);
    fordela(dnr, kalender.laggTillArbetsdagar(fordelat, 15));
    klocka(tjanstutlatande, 14, 0);
    slutfor(dnr, "Task_SkrivTjanstutlatande", "handlaggare", Map.of(
        "tjanstutlatandeDatum", tjanstutlatande.toString(),
        "tjanstutlatandeText", "Stadens kostnader för konsulttjänster har minskat med tolv procent sedan 2022. "
            + "Nya riktlinjer för inhyrd kompetens gäller från i år."));
    klocka(promemoria, 10, 0);
    slutfor(dnr, "Task_UpprattaPromemoria", "rotel1", Map.of(
        "forslagTillBeslut", PROMEMORIEFORSLAG,
        "sammanfattning", "Erik Holm (KD) frågar om stadens kostnader för konsulttjänster.",
        "beredning", "Stadsledningskontoret redovisar kostnadsutvecklingen och de nya riktlinjerna.",
        "synpunkter", "Staden ska använda skattemedel ansvarsfullt. Riktlinjerna för inhyrd kompetens följs upp "
            + "årligen.",
        "promemoriaDatum", promemoria.toString()));
    klocka(beredning, 9, 0);
    slutfor(dnr, "Task_RegistreraUtfallIBrb", "brbsekreterare", Map.of(
        "brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", SpinValues.jsonValue("[\"M\"]").create()));
    klocka(kalender.laggTillArbetsdagar(beredning, 1), 10, 0);
    slutfor(dnr, "Task_LamnaSarskiltUttalande", "moderaterna", Map.of(
        "uttalandeLedamot", "Anna Lindqvist",
        "uttalandeText", "Vi välkomnar att kostnaderna minskar, men staden bör sätta ett tydligt mål för hur "
            + "mycket konsultkostnaderna ska minska till 2028."));
    klocka(kommunstyrelsen, 9, 30);
    slutfor(dnr, "Task_RegistreraBeslutIKs", "kssekreterare", Map.of(
        "ksBeslut", "BESLUT",
        "beslutstext", "Skrivelsen besvaras med hänvisning till vad som sägs i promemorian.",
        "paragraf", "§ 8",
        "ksSarskildaUttalanden", SpinValues.jsonValue(
            "[{\"ledamot\":\"Anna Lindqvist\",\"parti\":\"M\",\"likalydande\":true}]").create(),
        "ksReservationer", SpinValues.jsonValue(
            "[{\"ledamot\":\"Erik Holm\",\"parti\":\"KD\",\"text\":\"Vi reserverar oss till förmån för eget förslag om "
                + "ett tak för konsultkostnaderna.\"}]").create()));
    klocka(justerat, 14, 0);
    slutfor("KS " + kommunstyrelsen, "Task_JusteraProtokollet", "kssekreterare", Map.of(
        "justeringsdatum", justerat.toString(), "justerare", "Karin Wanngård och Erik Holm"));
    klocka(anslaget, anslaget.equals(justerat) ? 15 : 9, 0);
    slutfor("KS " + kommunstyrelsen, "Task_AnslaProtokollet", "kssekreterare",
        Map.of("anslagsdatum", anslaget.toString()));
    return Optional.of(dnr);
  }

  /** The promemoria written on the last working day: on the föredragningslista of the next meeting. */
  private String iBorgarradsberedningen(LocalDate idag) {
    LocalDate promemoria = kalender.dragIfranArbetsdagar(idag, 1);
    LocalDate tjanstutlatande = kalender.dragIfranArbetsdagar(promemoria, 3);
    LocalDate fordelat = kalender.dragIfranArbetsdagar(tjanstutlatande, 8);
    LocalDate inkom = kalender.dragIfranArbetsdagar(fordelat, 1);
    klocka(inkom, 13, 5);
    String dnr = registrera("Skrivelse om simundervisning för nyanlända elever",
        "Karl Berg", "C", "oppositionsborgarråd", inkom,
        "Hur många elever i årskurs 6 når inte simkunnighetsmålet?\nVilka insatser planeras inför nästa läsår?");
    klocka(fordelat, 9, 0);
    fordela(dnr, kalender.laggTillArbetsdagar(fordelat, 15));
    klocka(tjanstutlatande, 15, 0);
    slutfor(dnr, "Task_SkrivTjanstutlatande", "handlaggare", Map.of(
        "tjanstutlatandeDatum", tjanstutlatande.toString(),
        "tjanstutlatandeText", "Enligt utbildningsförvaltningens uppföljning når nio av tio elever i årskurs 6 "
            + "simkunnighetsmålet. Förvaltningen planerar intensivkurser under sommarlovet och samarbete med "
            + "simhallarna i ytterstaden."));
    klocka(promemoria, 11, 0);
    slutfor(dnr, "Task_UpprattaPromemoria", "rotel1", Map.of(
        "forslagTillBeslut", PROMEMORIEFORSLAG,
        "sammanfattning", "Karl Berg (C) frågar om simundervisningen för nyanlända elever.",
        "beredning", "Stadsledningskontoret redovisar utbildningsförvaltningens uppföljning och planerade insatser.",
        "synpunkter", "Alla barn ska kunna simma. Staden fortsätter arbetet med intensivkurser och samarbete med "
            + "simhallarna.",
        "promemoriaDatum", promemoria.toString()));
    return dnr;
  }

  /** Received three working days ago and sent on remiss the day after: the answer is due in 15 working days. */
  private String vantarPaTjanstutlatande(LocalDate idag) {
    LocalDate inkom = kalender.dragIfranArbetsdagar(idag, 3);
    LocalDate fordelat = kalender.dragIfranArbetsdagar(idag, 2);
    klocka(inkom, 9, 40);
    String dnr = registrera("Skrivelse om trygghetskameror vid tunnelbanestationerna i Söderort",
        "Anna Lindqvist", "M", "oppositionsborgarråd", inkom,
        "Anser majoriteten att kamerabevakning vid stationerna behövs?\nNär kan en ansökan om tillstånd lämnas in?");
    klocka(fordelat, 10, 0);
    fordela(dnr, kalender.laggTillArbetsdagar(fordelat, 15));
    return dnr;
  }

  // --- the start-up log --------------------------------------------------------------------------

  /** One line: the case, its open tasks with due date and the demo users who can do them, or what it waits for. */
  private String beskriv(String dnr) {
    List<String> delar = new ArrayList<>();
    for (Task t : taskService.createTaskQuery().processInstanceBusinessKey(dnr).orderByTaskCreateTime().asc().list()) {
      Set<String> anvandare = new LinkedHashSet<>();
      for (IdentityLink l : taskService.getIdentityLinksForTask(t.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null) {
          DemoUsers.USERS.stream().filter(u -> u.groups().contains(l.getGroupId())).forEach(u -> anvandare.add(u.id()));
        }
      }
      delar.add("\"" + t.getName() + "\"" + (t.getDueDate() == null ? "" : " förfaller "
          + t.getDueDate().toInstant().atZone(STOCKHOLM).toLocalDate()) + " – logga in som " + String.join(" eller ", anvandare));
    }
    for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(dnr).list()) {
      for (Job j : managementService.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
        String aktivitet = managementService.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId())
            .singleResult().getActivityId();
        LocalDate dag = j.getDuedate().toInstant().atZone(STOCKHOLM).toLocalDate();
        switch (aktivitet) {
          case "Event_BrbSammantrade" -> delar.add("på föredragningslistan för borgarrådsberedningens sammanträde "
              + dag + " (brbsekreterare får uppgiften den dagen)");
          case "Event_KsSammantrade" -> delar.add("på föredragningslistan för kommunstyrelsens sammanträde " + dag);
          case "Event_LaglighetsprovningUtgangen" -> delar.add("beslutat av kommunstyrelsen; tiden för "
              + "laglighetsprövning löper, ärendet avslutas " + dag + " (följ det i Cockpit som processagare)");
          default -> {
            // reminders and other timers of an open task: the task's line says enough
          }
        }
      }
    }
    if (delar.isEmpty()) {
      String status = jdbc.sql("select status from arende where diarienummer = ?").param(dnr).query(String.class).single();
      delar.add("status " + status.toLowerCase());
    }
    return dnr + ": " + String.join("; ", delar);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** @return the kommunstyrelsen meeting after a borgarrådsberedningen meeting, or null outside the plan */
  private LocalDate forstaKs(LocalDate brb) {
    try {
      return sammantraden.forstaKsSammantrade(brb);
    } catch (se.stockholm.ks.kalender.SammantradeSaknasException utanforPlanen) {
      return null;
    }
  }

  /** @return {@code dag} if it lies before today, else {@code annars} */
  private static LocalDate fore(LocalDate dag, LocalDate idag, LocalDate annars) {
    return dag.isBefore(idag) ? dag : annars;
  }

  private void fordela(String dnr, LocalDate svarsdatum) {
    slutfor(dnr, "Task_FordelaArende", "registrator", Map.of(
        "rotel", "rotel-i", "remissinstanser", SpinValues.jsonValue("[\"stadsledningskontoret\"]").create(),
        "svarsdatum", svarsdatum.toString()));
  }

  private String registrera(String rubrik, String namn, String parti, String roll, LocalDate inkom, String fragor) {
    som("registrator");
    VariableMap v = Variables.createVariables().putValue("rubrik", rubrik).putValue("avsandareNamn", namn)
        .putValue("avsandareParti", parti).putValue("avsandareRoll", roll).putValue("inkom", inkom.toString())
        .putValue("fragor", fragor);
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("skrivelse")
        .latestVersion().singleResult().getId();
    String dnr = formService.submitStartForm(definition, v).getBusinessKey();
    identityService.clearAuthentication();
    korJobb();
    return dnr;
  }

  private void slutfor(String affarsnyckel, String aktivitet, String anvandare, Map<String, Object> varden) {
    korJobb();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(affarsnyckel).taskDefinitionKey(aktivitet)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("Demoärende " + affarsnyckel + ": uppgiften " + aktivitet + " finns inte");
    }
    som(anvandare);
    taskService.claim(task.getId(), anvandare);
    formService.submitTaskForm(task.getId(), Variables.fromMap(varden));
    identityService.clearAuthentication();
    korJobb();
  }

  private void som(String anvandare) {
    List<String> grupper = identityService.createGroupQuery().groupMember(anvandare).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(anvandare, grupper);
  }

  private void klocka(LocalDate dag, int timme, int minut) {
    ClockUtil.setCurrentTime(Date.from(dag.atTime(LocalTime.of(timme, minut)).atZone(STOCKHOLM).toInstant()));
    korJobb();
  }

  private void korJobb() {
    for (int varv = 0; varv < 100; varv++) {
      List<Job> jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      jobb.forEach(j -> managementService.executeJob(j.getId()));
    }
    throw new IllegalStateException("Demoärendena: jobben tar aldrig slut");
  }
}
