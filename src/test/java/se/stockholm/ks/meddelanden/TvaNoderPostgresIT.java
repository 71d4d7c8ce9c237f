package se.stockholm.ks.meddelanden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.stockholm.ks.SkrivelseApplication;
import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Avsandare;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.diarium.NyttArende;
import se.stockholm.ks.support.Epostserver;
import se.stockholm.ks.support.PostgresTestDatabase;

/**
 * Two application nodes — two process engines with their job executors running — on one PostgreSQL
 * database of their own, sending to one SMTP server (GreenMail). Each node's job lock lasts only a
 * moment, so the other node takes over jobs that are still running (as after a long SMTP wait or a
 * pause): the same reminder job runs on both. Each reminder is still sent exactly once.
 */
class TvaNoderPostgresIT {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  static final int REMISSER = 8;

  final Epostserver smtp = new Epostserver();
  final List<ConfigurableApplicationContext> noder = new ArrayList<>();

  @AfterEach
  void stoppa() {
    noder.forEach(ConfigurableApplicationContext::close);
    ClockUtil.reset();
    smtp.stoppa();
  }

  @Test
  void eachReminderIsSentOnceByTwoNodes() throws Exception {
    smtp.starta();
    PostgresTestDatabase.Database db = PostgresTestDatabase.create();
    // the remisser are sent on Friday 2025-11-28 with svarsdatum Friday 2025-12-19 (reminder Tue 2025-12-16 07:00)
    ClockUtil.setCurrentTime(tid("2025-11-28T10:00"));
    ConfigurableApplicationContext nod1 = nod("nod1", db, SkrivelseApplication.class);
    nod("nod2", db, AndraNoden.class);

    Diarium diarium = nod1.getBean(Diarium.class);
    RuntimeService runtime = nod1.getBean(RuntimeService.class);
    List<String> dnr = new ArrayList<>();
    for (int i = 0; i < REMISSER; i++) {
      Arende a = diarium.registreraArende(new NyttArende("SKRIVELSE", "Skrivelse nr " + i + " om två noder",
          OffsetDateTime.parse("2025-11-26T09:30:00+01:00"), new Avsandare("Jan Jönsson", "L", "ledamot"), "registrator"));
      diarium.registreraHandling(a.diarienummer(), NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN,
          "Skrivelse nr " + i, a.inkomDatum(), "Text " + i));
      Map<String, Object> v = new HashMap<>();
      v.put("diarienummer", a.diarienummer().toString());
      v.put("rubrik", "Skrivelse nr " + i + " om två noder");
      v.put("remissinstans", "stadsledningskontoret");
      v.put("svarsdatum", "2025-12-19");
      runtime.startProcessInstanceByKey("remiss", a.diarienummer().toString(), v);
      dnr.add(a.diarienummer().toString());
    }
    JdbcClient jdbc = nod1.getBean(JdbcClient.class);
    vanta(() -> antal(jdbc, "REMISS") == REMISSER, "remisserna skickade");

    ClockUtil.setCurrentTime(tid("2025-12-16T07:05"));
    ManagementService jobb = nod1.getBean(ManagementService.class);
    vanta(() -> {
      if (antal(jdbc, "PAMINNELSE", "SKICKAT") == REMISSER
          && jobb.createJobQuery().activityId("Task_SkickaPaminnelse").count() == 0) {
        return true;
      }
      // a job that failed because the other node was sending it comes back after its retry interval
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61_000));
      return false;
    }, "påminnelserna skickade");

    List<Epostserver.Brev> paminnelser = smtp.brev().stream().filter(b -> b.amne().startsWith("Påminnelse")).toList();
    assertThat(paminnelser).hasSize(REMISSER);
    assertThat(paminnelser).extracting(b -> b.amne().substring("Påminnelse: remissvar i ".length(),
            b.amne().indexOf(" senast")))
        .containsExactlyInAnyOrderElementsOf(dnr);
    assertThat(smtp.brev().stream().filter(b -> b.amne().startsWith("Remiss ")).count()).isEqualTo(REMISSER);
    assertThat(jdbc.sql("select count(*) from arende_handelse where handelsetyp = 'PAMINNELSE_SKICKAD'")
        .query(Integer.class).single()).as("en påminnelse per remiss i ärendena").isEqualTo(REMISSER);
    assertThat(jdbc.sql("select count(distinct nod) from meddelande").query(Integer.class).single())
        .as("båda noderna skickade").isEqualTo(2);
  }

  /**
   * The second node in this JVM: the whole application, but not registered as a second process
   * application of the same name (the JVM's platform allows one); its engine runs the deployments
   * the first node made, with its own beans, as a node of its own would. A plain
   * {@code @Configuration}, not a {@code @SpringBootConfiguration}: Spring Boot's test support looks
   * for the latter in a test's package, and would start this package's other tests with it.
   */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @ConfigurationPropertiesScan("se.stockholm.ks")
  @ComponentScan(basePackages = "se.stockholm.ks", excludeFilters = {
      @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SkrivelseApplication.class),
      @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Test|IT)(\\$.*)?")})
  static class AndraNoden {
  }

  private ConfigurableApplicationContext nod(String namn, PostgresTestDatabase.Database db, Class<?> app) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=test",
        "--spring.main.web-application-type=none",
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=" + db.password(),
        "--camunda.bpm.database.type=postgres",
        "--camunda.bpm.process-engine-name=" + namn,
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=50",
        "--camunda.bpm.job-execution.max-wait=200",
        // one job per acquisition: a node cannot take every due job in one go while the other waits
        // (on a loaded machine one node did all of them, and the test showed nothing about two)
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=1",
        // a lock that runs out at once: the other node takes over jobs that are still running
        "--camunda.bpm.job-execution.lock-time-in-millis=1",
        "--ks.demo.users=false",
        // the first node deploys the models
        "--camunda.bpm.auto-deployment-enabled=" + (app == SkrivelseApplication.class)));
    for (String e : smtp.egenskaper()) {
      args.add("--" + e);
    }
    ConfigurableApplicationContext ctx = new SpringApplicationBuilder(app)
        .run(args.toArray(String[]::new));
    noder.add(ctx);
    return ctx;
  }

  private static int antal(JdbcClient jdbc, String typ, String... status) {
    return jdbc.sql("select count(*) from meddelande where meddelandetyp = ?"
            + (status.length == 0 ? "" : " and status = '" + status[0] + "'"))
        .param(typ).query(Integer.class).single();
  }

  private static void vanta(java.util.function.BooleanSupplier klart, String vad) throws InterruptedException {
    long slut = System.currentTimeMillis() + 120_000;
    while (!klart.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("väntar på: " + vad).isLessThan(slut);
      Thread.sleep(500);
    }
  }

  private static Date tid(String lokal) {
    return Date.from(LocalDateTime.parse(lokal).atZone(STOCKHOLM).toInstant());
  }
}
