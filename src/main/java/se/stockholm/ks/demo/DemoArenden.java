package se.stockholm.ks.demo;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

/**
 * Demo cases for a newcomer, loaded at the first start in the local profile
 * ({@code ks.demo.arenden=true}, never in {@code postgres}): one waiting for the tjänsteutlåtande,
 * one at borgarrådsberedningen, one decided by kommunstyrelsen and waiting for the time for
 * laglighetsprövning. They are driven through the process like real cases — each task completed
 * by its role through the form service, on the cases' own dates (the engine clock is moved while
 * they are made and reset afterwards), before the job executor starts.
 */
@Component
@ConditionalOnProperty(name = "ks.demo.arenden", havingValue = "true")
class DemoArenden {

  private static final Logger LOG = LoggerFactory.getLogger(DemoArenden.class);
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final FormService formService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final JdbcClient jdbc;

  DemoArenden(RepositoryService repositoryService, TaskService taskService, FormService formService,
              ManagementService managementService, IdentityService identityService, JdbcClient jdbc) {
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.formService = formService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  /** Creates the demo cases when the diarium is empty. */
  @EventListener(PostDeployEvent.class)
  @Order(40)
  public void skapa() {
    if (jdbc.sql("select count(*) from arende").query(Integer.class).single() > 0) {
      return;
    }
    long start = System.currentTimeMillis();
    try {
      vantarPaTjanstutlatande();
      iBorgarradsberedningen();
      beslutat();
      LOG.warn("Demoärenden skapade på {} ms: ett väntar på tjänsteutlåtande, ett ligger i borgarrådsberedningen, "
          + "ett är beslutat. Logga in i Tasklist som handlaggare, brbsekreterare eller registrator.",
          System.currentTimeMillis() - start);
    } finally {
      ClockUtil.reset();
      identityService.clearAuthentication();
    }
  }

  private void vantarPaTjanstutlatande() {
    klocka(2026, 11, 16, 9, 40);
    String dnr = registrera("Skrivelse om trygghetskameror vid tunnelbanestationerna i Söderort",
        "Anna Lindqvist", "M", "oppositionsborgarråd", "2026-11-16",
        "Anser majoriteten att kamerabevakning vid stationerna behövs?\nNär kan en ansökan om tillstånd lämnas in?");
    klocka(2026, 11, 17, 10, 0);
    slutfor(dnr, "Task_FordelaArende", "registrator", Map.of(
        "rotel", "rotel-i", "remissinstanser", SpinValues.jsonValue("[\"stadsledningskontoret\"]").create(),
        "svarsdatum", "2026-12-14"));
  }

  private void iBorgarradsberedningen() {
    klocka(2026, 9, 14, 13, 5);
    String dnr = registrera("Skrivelse om simundervisning för nyanlända elever",
        "Karl Berg", "C", "oppositionsborgarråd", "2026-09-14",
        "Hur många elever i årskurs 6 når inte simkunnighetsmålet?\nVilka insatser planeras inför nästa läsår?");
    klocka(2026, 9, 15, 9, 0);
    slutfor(dnr, "Task_FordelaArende", "registrator", Map.of(
        "rotel", "rotel-i", "remissinstanser", SpinValues.jsonValue("[\"stadsledningskontoret\"]").create(),
        "svarsdatum", "2026-10-20"));
    klocka(2026, 10, 19, 15, 0);
    slutfor(dnr, "Task_SkrivTjanstutlatande", "handlaggare", Map.of(
        "tjanstutlatandeDatum", "2026-10-19",
        "tjanstutlatandeText", "Enligt utbildningsförvaltningens uppföljning når nio av tio elever i årskurs 6 "
            + "simkunnighetsmålet. Förvaltningen planerar intensivkurser under sommarlovet och samarbete med "
            + "simhallarna i ytterstaden."));
    klocka(2026, 11, 18, 11, 0);
    slutfor(dnr, "Task_UpprattaPromemoria", "rotel1", Map.of(
        "forslagTillBeslut", "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.",
        "sammanfattning", "Karl Berg (C) frågar om simundervisningen för nyanlända elever.",
        "beredning", "Stadsledningskontoret redovisar utbildningsförvaltningens uppföljning och planerade insatser.",
        "synpunkter", "Alla barn ska kunna simma. Staden fortsätter arbetet med intensivkurser och samarbete med "
            + "simhallarna.",
        "promemoriaDatum", "2026-11-18", "undertecknare", "Karin Wanngård"));
    klocka(2026, 11, 25, 9, 0);
  }

  private void beslutat() {
    klocka(2026, 8, 24, 10, 30);
    String dnr = registrera("Skrivelse om stadens kostnader för konsulttjänster",
        "Erik Holm", "KD", "oppositionsborgarråd", "2026-08-24",
        "Hur har stadens kostnader för konsulter utvecklats sedan 2022?\nVilka åtgärder vidtas för att minska dem?");
    klocka(2026, 8, 25, 9, 0);
    slutfor(dnr, "Task_FordelaArende", "registrator", Map.of(
        "rotel", "rotel-i", "remissinstanser", SpinValues.jsonValue("[\"stadsledningskontoret\"]").create(),
        "svarsdatum", "2026-09-29"));
    klocka(2026, 9, 28, 14, 0);
    slutfor(dnr, "Task_SkrivTjanstutlatande", "handlaggare", Map.of(
        "tjanstutlatandeDatum", "2026-09-28",
        "tjanstutlatandeText", "Stadens kostnader för konsulttjänster har minskat med tolv procent sedan 2022. "
            + "Nya riktlinjer för inhyrd kompetens gäller från 2026."));
    klocka(2026, 11, 2, 10, 0);
    slutfor(dnr, "Task_UpprattaPromemoria", "rotel1", Map.of(
        "forslagTillBeslut", "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.",
        "sammanfattning", "Erik Holm (KD) frågar om stadens kostnader för konsulttjänster.",
        "beredning", "Stadsledningskontoret redovisar kostnadsutvecklingen och de nya riktlinjerna.",
        "synpunkter", "Staden ska använda skattemedel ansvarsfullt. Riktlinjerna för inhyrd kompetens följs upp "
            + "årligen.",
        "promemoriaDatum", "2026-11-02", "undertecknare", "Karin Wanngård"));
    klocka(2026, 11, 11, 9, 0);
    slutfor(dnr, "Task_RegistreraUtfallIBrb", "brbsekreterare", Map.of(
        "brbUtfall", "TILLSTYRKER", "brbSarskildaUttalanden", SpinValues.jsonValue("[\"M\"]").create()));
    klocka(2026, 11, 12, 10, 0);
    slutfor(dnr, "Task_LamnaSarskiltUttalande", "moderaterna", Map.of(
        "uttalandeLedamot", "Anna Lindqvist",
        "uttalandeText", "Vi välkomnar att kostnaderna minskar, men staden bör sätta ett tydligt mål för hur "
            + "mycket konsultkostnaderna ska minska till 2028."));
    klocka(2026, 11, 18, 9, 30);
    slutfor(dnr, "Task_RegistreraBeslutIKs", "kssekreterare", Map.of(
        "ksBeslut", "BESLUT",
        "beslutstext", "Skrivelsen besvaras med hänvisning till vad som sägs i promemorian.",
        "paragraf", "§ 8",
        "ksSarskildaUttalanden", SpinValues.jsonValue(
            "[{\"ledamot\":\"Anna Lindqvist\",\"parti\":\"M\",\"likalydande\":true}]").create(),
        "ksReservationer", SpinValues.jsonValue(
            "[{\"ledamot\":\"Erik Holm\",\"parti\":\"KD\",\"text\":\"Vi reserverar oss till förmån för eget förslag om "
                + "ett tak för konsultkostnaderna.\"}]").create()));
    klocka(2026, 11, 24, 14, 0);
    slutfor("KS 2026-11-18", "Task_JusteraProtokollet", "kssekreterare", Map.of(
        "justeringsdatum", "2026-11-24", "justerare", "Karin Wanngård och Erik Holm"));
    klocka(2026, 11, 25, 9, 0);
    slutfor("KS 2026-11-18", "Task_AnslaProtokollet", "kssekreterare", Map.of("anslagsdatum", "2026-11-25"));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private String registrera(String rubrik, String namn, String parti, String roll, String inkom, String fragor) {
    som("registrator");
    VariableMap v = Variables.createVariables().putValue("rubrik", rubrik).putValue("avsandareNamn", namn)
        .putValue("avsandareParti", parti).putValue("avsandareRoll", roll).putValue("inkom", inkom)
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

  private void klocka(int ar, int manad, int dag, int timme, int minut) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(ar, manad, dag, timme, minut).atZone(STOCKHOLM).toInstant()));
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
