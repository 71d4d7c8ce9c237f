package se.stockholm.ks.drift;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import se.stockholm.ks.bevakning.Bevakning;
import se.stockholm.ks.bevakning.Fas;

/**
 * The operations gauges in {@code /actuator/prometheus} (README "Drift", the Grafana dashboard in
 * {@code docs/grafana-skrivelseprocessen.json}):
 *
 * <ul>
 *   <li>{@code ks_arenden_oppna{fas}}: open ärenden per phase ({@link Fas});</li>
 *   <li>{@code ks_remisser_forsenade}: remisser whose svarsdatum has passed without a tjänsteutlåtande;</li>
 *   <li>{@code ks_incidenter_oppna}: open incidents, each counted once where it arose (not again in the
 *       calling processes, as Cockpit shows it);</li>
 *   <li>{@code ks_jobb_vantande}: jobs that are due and have retries left (waiting for a job executor);</li>
 *   <li>{@code ks_jobb_misslyckade}: jobs without retries left (each has an incident).</li>
 * </ul>
 *
 * <p>The values are counted with a handful of count queries on the engine's runtime tables (open
 * work only) and kept for {@code ks.drift.matvarden-cache} (default 15 s), so a scrape every few
 * seconds from several Prometheus servers costs one round of queries per period and node. While the
 * database is away the gauges are NaN (no value), not an error.
 */
@Component
class Driftmatvarden {

  private static final Logger LOG = LoggerFactory.getLogger(Driftmatvarden.class);

  /** What was counted, and when. */
  record Varden(long lastMillis, Map<Fas, Long> perFas, long forsenadeRemisser, long incidenter,
                long vantandeJobb, long misslyckadeJobb) {
  }

  private final Bevakning bevakning;
  private final JdbcClient jdbc;
  private final ManagementService managementService;
  private final long cacheMillis;
  private volatile Varden senaste;

  Driftmatvarden(Bevakning bevakning, JdbcClient jdbc, ManagementService managementService,
                 MeterRegistry registry, @Value("${ks.drift.matvarden-cache:15s}") Duration cache) {
    this.bevakning = bevakning;
    this.jdbc = jdbc;
    this.managementService = managementService;
    this.cacheMillis = cache.toMillis();
    for (Fas fas : Fas.values()) {
      matare(registry, "ks.arenden.oppna", "Öppna ärenden per fas", v -> v.perFas().getOrDefault(fas, 0L))
          .tag("fas", fas.nyckel()).register(registry);
    }
    matare(registry, "ks.remisser.forsenade", "Remisser vars svarsdatum har passerat utan tjänsteutlåtande",
        Varden::forsenadeRemisser).register(registry);
    matare(registry, "ks.incidenter.oppna", "Öppna incidenter", Varden::incidenter).register(registry);
    matare(registry, "ks.jobb.vantande", "Jobb som ska köras nu och har försök kvar", Varden::vantandeJobb)
        .register(registry);
    matare(registry, "ks.jobb.misslyckade", "Jobb utan försök kvar", Varden::misslyckadeJobb).register(registry);
  }

  private Gauge.Builder<Driftmatvarden> matare(MeterRegistry registry, String namn, String beskrivning,
                                              ToDoubleFunction<Varden> varde) {
    return Gauge.builder(namn, this, m -> {
      Varden v = m.varden();
      return v == null ? Double.NaN : varde.applyAsDouble(v);
    }).description(beskrivning);
  }

  /** @return the values, counted anew when older than the cache period; null while the database is away */
  Varden varden() {
    Varden v = senaste;
    long nu = System.currentTimeMillis();
    if (v != null && nu - v.lastMillis() < cacheMillis) {
      return v;
    }
    synchronized (this) {
      v = senaste;
      if (v != null && nu - v.lastMillis() < cacheMillis) {
        return v;
      }
      try {
        v = new Varden(nu, bevakning.oppnaPerFas(), bevakning.forsenadeRemisser(),
            jdbc.sql("select count(*) from ACT_RU_INCIDENT where ID_ = ROOT_CAUSE_INCIDENT_ID_")
                .query(Long.class).single(),
            managementService.createJobQuery().executable().count(),
            managementService.createJobQuery().noRetriesLeft().count());
        senaste = v;
        return v;
      } catch (RuntimeException e) {
        LOG.debug("Driftens mätvärden kunde inte räknas: {}", e.toString());
        return null;
      }
    }
  }
}
