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
 * JVM-wide: moving it affects every case on the instance.
 */
@Hidden
@RestController
@RequestMapping("/api/v1/demo/klocka")
@ConditionalOnProperty(name = "ks.demo.klocka", havingValue = "true")
class DemoKlocka {

  private static final Logger LOG = LoggerFactory.getLogger(DemoKlocka.class);

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;

  DemoKlocka(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
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
    ClockUtil.setCurrentTime(Date.from(tid.toInstant()));
    LOG.warn("Demoklockan ställd till {}", tid);
    return Map.of("tid", Diarium.nu());
  }

  @DeleteMapping
  Map<String, Object> aterstall() {
    admin();
    ClockUtil.reset();
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
