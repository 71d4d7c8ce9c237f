package se.stockholm.ks.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.EgenPostgres;
import se.stockholm.ks.support.Nod;

/**
 * A node that dies holding jobs (issue 24), measured: two nodes, each a JVM of its own with its job
 * executor running and the configured job lock time ({@code KS_JOBB_LASTID_MS}, 60 s), on one
 * PostgreSQL cluster of the test's own. 24 remisser are started with their first step ("Skicka
 * remiss", an asynchronous job) held back; while the test holds a lock on the activity history
 * (so that no job can finish) the jobs are let go, both nodes take some, and node A is killed with
 * SIGKILL while it holds jobs. Then the history lock is released.
 *
 * <p>What it shows: node B takes over each of A's jobs only when its lock has run out, never before,
 * and within the lock time plus B's acquisition wait ({@code max-wait} 10 s) and a margin for a
 * loaded machine; every remiss is then sent exactly once (one REMISS handling per ärende), so A's
 * half-run jobs left nothing behind. The measured time from the kill until the last of A's jobs is
 * taken over is printed (README, Drift).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DodNodPostgresIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final int REMISSER = 24;
  /** The job lock time the application is configured with (application.yaml, KS_JOBB_LASTID_MS). */
  private static final Duration LASTID = Duration.ofSeconds(60);
  /** B's acquisition wait after a round without jobs (max-wait 10 s) and a margin for a loaded machine. */
  private static final Duration MARGINAL = Duration.ofSeconds(25);

  private EgenPostgres pg;
  private Nod a;
  private Nod b;

  @AfterAll
  void stoppa() throws Exception {
    for (Nod n : new Nod[] {a, b}) {
      if (n != null) {
        n.close();
      }
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void jobsLockedByAKilledNodeAreTakenOverWhenTheirLockRunsOutNeverBefore() throws Exception {
    pg = EgenPostgres.starta("ks");
    String[] argument = {"--spring.profiles.active=test",
        "--spring.datasource.url=" + pg.url("ks"), "--spring.datasource.username=postgres",
        "--spring.datasource.password=", "--camunda.bpm.database.type=postgres",
        "--camunda.bpm.job-execution.enabled=true",
        // the job executor's lock owner in /actuator/health
        "--management.endpoint.health.show-details=always"};
    b = Nod.starta("b", argument);
    a = Nod.starta("a", argument);
    Api apiB = new Api(b.vantaPaStart(Duration.ofMinutes(6)));
    Api apiA = new Api(a.vantaPaStart(Duration.ofMinutes(6)));
    String agareA = lasagare(apiA);
    assertThat(agareA).isNotEqualTo(lasagare(apiB));

    // the remisser's first job is held back: their job definitions are suspended
    ok(apiB.send("admin", "PUT", "/engine-rest/job-definition/suspended", "application/json",
        "{\"processDefinitionKey\":\"remiss\",\"suspended\":true,\"includeJobs\":true}".getBytes()));
    List<String> arenden = new ArrayList<>();
    for (int i = 0; i < REMISSER; i++) {
      String dnr = registrera(apiB, "Skrivelse " + i + " om en nod som dör");
      arenden.add(dnr);
      Map<String, Object> v = new HashMap<>();
      v.put("diarienummer", variabel(dnr));
      v.put("rubrik", variabel("Skrivelse " + i + " om en nod som dör"));
      v.put("avsandare", variabel("Jan Jönsson (L), ledamot"));
      v.put("arendeLank", variabel("/arenden/" + dnr.replace(' ', '-').replace('/', '-')));
      v.put("remissinstans", variabel("stadsledningskontoret"));
      v.put("svarsdatum", variabel(svarsdatum().toString()));
      ok(apiB.postJson("admin", "/engine-rest/process-definition/key/remiss/start",
          JSON.writeValueAsString(Map.of("businessKey", dnr, "variables", v))));
    }

    try (Connection test = DriverManager.getConnection(pg.url("ks"), "postgres", "");
         Connection las = DriverManager.getConnection(pg.url("ks"), "postgres", "")) {
      assertThat(antal(test, "select count(*) from act_ru_job where suspension_state_ = 2")).isEqualTo(REMISSER);
      // no job can finish while the test holds the activity history: each node's threads wait with their jobs
      las.setAutoCommit(false);
      try (Statement s = las.createStatement()) {
        s.execute("lock table act_hi_actinst in exclusive mode");
      }
      ok(apiB.send("admin", "PUT", "/engine-rest/job-definition/suspended", "application/json",
          "{\"processDefinitionKey\":\"remiss\",\"suspended\":false,\"includeJobs\":true}".getBytes()));
      long slut = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < slut && (antal(test, "select count(*) from act_ru_job where lock_owner_ = '" + agareA + "'") == 0
          || antal(test, "select count(*) from act_ru_job where lock_owner_ is null and suspension_state_ = 1") > 0)) {
        Thread.sleep(100);
      }

      // node A dies holding jobs
      a.doda();
      LocalDateTime dodad = LocalDateTime.now(STOCKHOLM);
      long dodadNanos = System.nanoTime();
      Map<String, LocalDateTime> asJobb = new HashMap<>();
      try (PreparedStatement q = test.prepareStatement("select id_, lock_exp_time_ from act_ru_job where lock_owner_ = ?")) {
        q.setString(1, agareA);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            asJobb.put(rs.getString(1), rs.getTimestamp(2).toLocalDateTime());
          }
        }
      }
      assertThat(asJobb).as("jobb som den dödade noden höll").isNotEmpty();
      las.rollback();

      // B takes each of them over when its lock has run out, not before
      Map<String, LocalDateTime> overtagna = new HashMap<>();
      long grans = dodadNanos + LASTID.plus(MARGINAL).toNanos();
      while (overtagna.size() < asJobb.size() && System.nanoTime() < grans) {
        LocalDateTime nu = LocalDateTime.now(STOCKHOLM);
        for (String id : asJobb.keySet()) {
          if (!overtagna.containsKey(id) && !laststAv(test, id, agareA)) {
            overtagna.put(id, nu);
          }
        }
        Thread.sleep(100);
      }
      double sekunder = (System.nanoTime() - dodadNanos) / 1e9;
      LocalDateTime senasteLas = asJobb.values().stream().max(LocalDateTime::compareTo).orElseThrow();
      System.out.printf("Dödad nod: %d jobb låsta av den; låsen gick ut %.1f–%.1f s efter kill -9; "
              + "alla övertagna av den andra noden %.1f s efter kill -9%n", asJobb.size(),
          sekunder(dodad, asJobb.values().stream().min(LocalDateTime::compareTo).orElseThrow()),
          sekunder(dodad, senasteLas), sekunder);
      assertThat(overtagna).as("övertagna inom låstiden + %s s", MARGINAL.toSeconds()).hasSameSizeAs(asJobb);
      for (var e : overtagna.entrySet()) {
        assertThat(e.getValue()).as("jobbet %s togs inte över före sitt lås", e.getKey())
            .isAfterOrEqualTo(asJobb.get(e.getKey()).minusSeconds(1));
        assertThat(sekunder(asJobb.get(e.getKey()), e.getValue())).as("efter att låset gått ut, s")
            .isLessThan(MARGINAL.toSeconds());
      }

      // every remiss is sent, once
      slut = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (System.nanoTime() < slut && antal(test, "select count(*) from act_ru_job where job_def_id_ in "
          + "(select id_ from act_ru_jobdef where act_id_ = 'Task_SkickaRemiss')") > 0) {
        Thread.sleep(500);
      }
    }
    for (String dnr : arenden) {
      JsonNode arende = apiB.get("integration", "/api/v1/arenden/" + dnr.replace(' ', '-').replace('/', '-')).json();
      long remisser = 0;
      for (JsonNode h : arende.path("handlingar")) {
        if ("REMISS".equals(h.path("handlingstyp").asText())) {
          remisser++;
        }
      }
      assertThat(remisser).as("remisser i %s", dnr).isEqualTo(1);
    }
  }

  private static String lasagare(Api api) {
    Api.Svar halsa = api.get(null, "/actuator/health");
    List<JsonNode> agare = halsa.json().findValues("lockOwner");
    assertThat(agare).as("jobbutförarens låsägare i %s", halsa).hasSize(1);
    return agare.get(0).asText();
  }

  private static String registrera(Api api, String rubrik) {
    ObjectNode n = JSON.createObjectNode();
    n.put("rubrik", rubrik);
    n.putObject("avsandare").put("namn", "Jan Jönsson").put("parti", "L").put("roll", "ledamot");
    n.put("inkom", "2025-11-26T10:15:00+01:00");
    n.putArray("fragor").add("Vad händer när en nod dör?");
    n.put("text", "Skrivelsens text.");
    Api.Svar svar = api.postJson("integration", "/api/v1/skrivelser", n.toString(), "Idempotency-Key",
        UUID.randomUUID().toString());
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    return svar.json().path("diarienummer").asText();
  }

  /** Three weeks ahead, a weekday. */
  private static LocalDate svarsdatum() {
    LocalDate d = LocalDate.now(STOCKHOLM).plusWeeks(3);
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  private static Map<String, Object> variabel(String varde) {
    return Map.of("value", varde, "type", "String");
  }

  private static void ok(Api.Svar svar) {
    assertThat(svar.status()).as(svar.toString()).isBetween(200, 299);
  }

  private static long antal(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** @return whether the job is still there, locked by {@code agare} */
  private static boolean laststAv(Connection c, String jobb, String agare) throws Exception {
    try (PreparedStatement q = c.prepareStatement("select lock_owner_ from act_ru_job where id_ = ?")) {
      q.setString(1, jobb);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() && agare.equals(rs.getString(1));
      }
    }
  }

  private static double sekunder(LocalDateTime fran, LocalDateTime till) {
    return Duration.between(fran, till).toMillis() / 1000.0;
  }
}
