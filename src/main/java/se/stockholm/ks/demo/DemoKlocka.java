package se.stockholm.ks.demo;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.security.Grupper;

/**
 * The engine's clock for demonstrations and the scenario runner: lets a real case from the past
 * (the seed, KS 2025/1513) run on its own dates without waiting for them — deadlines, meetings and
 * timers follow the moved clock. Only with {@code ks.demo.klocka=true} (the local demo profile and
 * the tests), only for administrators, never in the {@code postgres} profile. The clock is
 * cluster-wide: the node that moves it writes it to the database ({@code demo_klocka}) and every
 * node on that database follows within a second ({@link #folj()}), also one started later — so no
 * node runs the jobs of another by a clock of its own. Moving it affects every case.
 */
@Hidden
@RestController
@RequestMapping("/api/v1/demo/klocka")
@ConditionalOnProperty(name = "ks.demo.klocka", havingValue = "true")
class DemoKlocka {

  private static final Logger LOG = LoggerFactory.getLogger(DemoKlocka.class);

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;
  private final JdbcClient jdbc;
  /** The version of the shared clock this node last applied; -1: none yet. */
  private long tillampad = -1;

  DemoKlocka(IdentityService identityService, ProcessEngineConfigurationImpl configuration, JdbcClient jdbc) {
    this.identityService = identityService;
    this.configuration = configuration;
    this.jdbc = jdbc;
  }

  /**
   * Follows the cluster's demo clock: applies a change another node wrote (and, at start, the
   * clock as the cluster has it). Runs every second; a database that does not answer is left to
   * the next run.
   */
  @Scheduled(initialDelay = 0, fixedDelay = 1000)
  synchronized void folj() {
    try {
      jdbc.sql("select tid, version from demo_klocka where id = 1")
          .query((rs, i) -> {
            long version = rs.getLong(2);
            if (version != tillampad) {
              OffsetDateTime tid = rs.getObject(1, OffsetDateTime.class);
              if (tid == null && tillampad < 0) {
                // at start, real time in the cluster: the clock is left as it is
                tillampad = version;
                return version;
              }
              if (tid == null) {
                ClockUtil.reset();
              } else {
                ClockUtil.setCurrentTime(Date.from(tid.toInstant()));
              }
              if (tillampad >= 0 || tid != null) {
                LOG.info("Demoklockan följer klustret: {}", tid == null ? "verklig tid" : tid);
              }
              tillampad = version;
            }
            return version;
          }).optional();
    } catch (RuntimeException e) {
      LOG.debug("Demoklockan kunde inte läsas nu", e);
    }
  }

  /** Writes the clock for every node and applies it here at once. */
  private synchronized void skriv(OffsetDateTime tid) {
    jdbc.sql("update demo_klocka set tid = ?, version = version + 1 where id = 1").param(tid).update();
    tillampad = jdbc.sql("select version from demo_klocka where id = 1").query(Long.class).single();
    if (tid == null) {
      ClockUtil.reset();
    } else {
      ClockUtil.setCurrentTime(Date.from(tid.toInstant()));
    }
  }

  /** The engine's time, and whether its job executor runs (then it fires due timers by itself). */
  @GetMapping
  Map<String, Object> hamta() {
    admin();
    return Map.of("tid", Diarium.nu(), "jobbutforareAktiv",
        configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive());
  }

  @PutMapping
  Map<String, Object> stall(@RequestBody Map<String, String> begaran) {
    admin();
    OffsetDateTime tid = OffsetDateTime.parse(begaran.get("tid"));
    skriv(tid);
    LOG.warn("Demoklockan ställd till {}", tid);
    return Map.of("tid", Diarium.nu());
  }

  @DeleteMapping
  Map<String, Object> aterstall() {
    admin();
    skriv(null);
    LOG.warn("Demoklockan återställd till verklig tid");
    return Map.of("tid", Diarium.nu());
  }

  private void admin() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Grupper.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Endast administratörer får ställa klockan.");
    }
  }
}
