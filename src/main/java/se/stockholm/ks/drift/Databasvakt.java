package se.stockholm.ks.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Knows, within about a second, whether the database answers: probes it every second on a
 * connection of its own (a pool of one, with the application pool's settings and a 2 s timeout, so
 * a busy application pool never makes the database look away), and is told at once by {@link
 * DatabasFelFilter} when a request met a database error. It is the health indicator {@code
 * databas}: DOWN while the database is away (so {@code /actuator/health} answers DOWN at once
 * instead of waiting for a connection), UP at the first probe that succeeds after it is back; and
 * it sets the application's readiness ({@code /actuator/health/readiness}) to OUT_OF_SERVICE
 * (refusing traffic) for that time. Liveness stays UP: the node is fine, restarting it would not
 * bring the database back.
 */
@Component("databas")
public class Databasvakt implements HealthIndicator, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(Databasvakt.class);

  /** How long one probe waits for the database. */
  static final Duration PROBTID = Duration.ofSeconds(2);

  private final HikariDataSource prob;
  private final org.springframework.context.ApplicationEventPublisher handelser;
  private volatile boolean tillganglig = true;
  private volatile Instant sedan = Instant.now();
  private volatile String orsak;

  /**
   * @param applikationensPool the application's datasource, whose settings the probe copies
   * @param databas the datasource properties, when the application's datasource is not a Hikari pool
   * @param handelser where the readiness changes are published
   */
  Databasvakt(DataSource applikationensPool, DataSourceProperties databas,
              org.springframework.context.ApplicationEventPublisher handelser) {
    this.handelser = handelser;
    this.prob = EgenPool.skapa(applikationensPool, databas, "databasvakt", config -> {
      config.setMaximumPoolSize(1);
      config.setMinimumIdle(0);
      config.setConnectionTimeout(PROBTID.toMillis());
      config.setValidationTimeout(Math.min(PROBTID.toMillis(), 1000));
      // the application may start while the database is still coming up: the probe then says so
      config.setInitializationFailTimeout(-1);
    });
  }

  /** @return whether the database answered the last probe and no request has met an outage since */
  public boolean tillganglig() {
    return tillganglig;
  }

  /**
   * Marks the database as away (a request met a database error); the next probe, within a second,
   * decides again.
   *
   * @param fel the error, for the log and the health details
   */
  public void markeraOtillganglig(Throwable fel) {
    andra(false, fel == null ? null : String.valueOf(fel.getMessage()));
  }

  /**
   * Probes the database now (waits at most {@link #PROBTID}), as a request that met a server error
   * asks before it answers.
   *
   * @return whether the database answered
   */
  public synchronized boolean provaNu() {
    probe();
    return tillganglig;
  }

  /** Probes the database: runs every second (one probe at a time: the probe's pool has one connection). */
  @Scheduled(fixedDelay = 1000, initialDelay = 1000)
  public synchronized void probe() {
    try (Connection c = prob.getConnection()) {
      boolean ok = c.isValid((int) PROBTID.toSeconds());
      andra(ok, ok ? null : "Anslutningen svarade inte inom " + PROBTID.toSeconds() + " s");
    } catch (SQLException | RuntimeException e) {
      andra(false, e.getMessage());
    }
  }

  private synchronized void andra(boolean nu, String varfor) {
    if (nu != tillganglig) {
      sedan = Instant.now();
      if (nu) {
        LOG.info("Databasen svarar igen");
      } else {
        LOG.warn("Databasen svarar inte: {}", varfor);
      }
      // readiness (/actuator/health/readiness) OUT_OF_SERVICE while the database is away
      org.springframework.boot.availability.AvailabilityChangeEvent.publish(handelser, this,
          nu ? org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC
              : org.springframework.boot.availability.ReadinessState.REFUSING_TRAFFIC);
    }
    tillganglig = nu;
    orsak = varfor;
  }

  @Override
  public Health health() {
    Health.Builder h = tillganglig ? Health.up() : Health.down().withDetail("orsak", String.valueOf(orsak));
    return h.withDetail("sedan", sedan.toString()).build();
  }

  @Override
  public void destroy() {
    prob.close();
  }
}
