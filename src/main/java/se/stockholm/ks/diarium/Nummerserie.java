package se.stockholm.ks.diarium;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.stockholm.ks.drift.EgenPool;

/**
 * The connections on which the diarium takes its numbers, in short transactions of their own.
 *
 * <p>Diarienummer are consecutive without gaps: a number is taken under the row lock of its
 * series ({@code diarienummer_serie}), which no other registration can pass until the taking
 * transaction ends. Taken inside a registration's own transaction, the lock would be held through
 * the whole start of the case (the engine's flush included) and every start of the year would wait
 * for the one before — about a hundred a second at most, see {@code docs/benchmarks.md}. Here the
 * number is taken, and the ärende's row written with status {@link Arendestatus#REGISTRERAS}, in a
 * transaction that commits at once; the registration then completes the row in its own
 * transaction, and if that fails the number is made {@link Arendestatus#MAKULERAT} with an event
 * that says why. Every number handed out is thus in the diarium, exactly once, as an ärende or as a
 * void number.
 *
 * <p>The connections come from a small pool of their own (setting
 * {@code ks.diarium.nummerserie.anslutningar}, default 2), not from the application's pool: a
 * registration already holds a connection of that pool, and waiting there for a second one would
 * let a burst as large as the pool wait on itself.
 */
@Component
public class Nummerserie implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(Nummerserie.class);

  /**
   * A number still {@link Arendestatus#REGISTRERAS} this long after it was taken, whose row no
   * transaction holds, was left by a registration that did not end here (its node stopped, or the
   * database went away before the number could be made void). A running registration locks the row
   * within microseconds of taking the number (it makes it PAGAENDE in its own transaction) and holds
   * the lock to its end, and the sweep skips locked rows: the minute is only a margin for that first
   * instant, not for how long a registration may run.
   */
  static final Duration OVERGIVEN = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final TransactionTemplate egenTransaktion;
  private final HikariDataSource egenPool;

  /**
   * A pool of its own to the application's database.
   *
   * @param databas the application's datasource settings
   * @param anslutningar the pool's size
   */
  @Autowired
  Nummerserie(DataSource applikationensPool, DataSourceProperties databas,
              @Value("${ks.diarium.nummerserie.anslutningar:2}") int anslutningar) {
    this(pool(applikationensPool, databas, anslutningar), true);
  }

  /**
   * Takes numbers on the given datasource, which should not be the pool the registrations use.
   *
   * @param dataSource connections for the short transactions
   */
  public Nummerserie(DataSource dataSource) {
    this(dataSource, false);
  }

  private Nummerserie(DataSource dataSource, boolean egen) {
    this.jdbc = JdbcClient.create(dataSource);
    this.egenTransaktion = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.egenTransaktion.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.egenPool = egen ? (HikariDataSource) dataSource : null;
  }

  /**
   * A pool with the application pool's settings (URL, credentials, {@code spring.datasource.hikari.*}
   * such as schema, connection properties and timeouts) but its own name and size; from the
   * datasource properties when the application's datasource is not a Hikari pool.
   */
  private static HikariDataSource pool(DataSource applikationensPool, DataSourceProperties databas, int anslutningar) {
    return EgenPool.skapa(applikationensPool, databas, "diarienummer", config -> {
      config.setMaximumPoolSize(Math.max(1, anslutningar));
      config.setMinimumIdle(1);
    });
  }

  /**
   * Runs work in a transaction of its own on this pool, committed when it returns.
   *
   * @param arbete the work, given this pool's JDBC client
   * @param <T> its result
   * @return the work's result
   */
  <T> T iEgenTransaktion(Function<JdbcClient, T> arbete) {
    return egenTransaktion.execute(status -> arbete.apply(jdbc));
  }

  /**
   * Makes every number whose registration has been running for longer than {@link #OVERGIVEN}
   * (by the database's clock, never the demo clock) void. Runs 30 s after start and then every 30 s;
   * a node that stops in the middle of a registration leaves its number to this.
   *
   * @return the numbers made void
   */
  @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
  public List<String> makuleraOvergivna() {
    // the database's clock, which also stamped the reservation: the nodes' clocks may differ
    OffsetDateTime grans = jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single().minus(OVERGIVEN);
    List<String> kandidater = jdbc.sql("select diarienummer from arende where status = ? and reserverad_tid < ?")
        .params(Arendestatus.REGISTRERAS.name(), grans).query(String.class).list();
    List<String> makulerade = new java.util.ArrayList<>();
    for (String dnr : kandidater) {
      if (makulera(Diarienummer.parse(dnr), "Registreringen avbröts utan att slutföras (tjänsten stoppades).")) {
        makulerade.add(dnr);
      }
    }
    return makulerade;
  }

  /**
   * Makes a number whose registration did not complete void, with an event, in a transaction of
   * its own. Does nothing when the registration completed after all.
   *
   * @param dnr the number
   * @param orsak why, in Swedish
   * @return whether the number was made void now
   */
  boolean makulera(Diarienummer dnr, String orsak) {
    try {
      boolean makulerat = iEgenTransaktion(j -> {
        // a registration still running holds the row: skipped, it is not abandoned
        Long id = j.sql("select id from arende where diarienummer = ? and status = ? for update skip locked")
            .params(dnr.toString(), Arendestatus.REGISTRERAS.name()).query(Long.class).optional().orElse(null);
        if (id == null) {
          return false;
        }
        OffsetDateTime nu = Diarium.nu();
        j.sql("update arende set status = ?, avslutad_datum = ? where id = ?")
            .params(Arendestatus.MAKULERAT.name(), nu.atZoneSameInstant(Diarium.STOCKHOLM).toLocalDate(), id)
            .update();
        j.sql("insert into arende_handelse (arende_id, tid, handelsetyp, beskrivning, aktor) values (?, ?, ?, ?, ?)")
            .params(id, nu, Handelsetyp.MAKULERAT.name(), "Diarienumret " + dnr + " makulerades. " + orsak, null)
            .update();
        return true;
      });
      if (makulerat) {
        LOG.warn("Diarienumret {} makulerades: {}", dnr, orsak);
      }
      return makulerat;
    } catch (RuntimeException e) {
      LOG.error("Diarienumret {} kunde inte makuleras nu; det görs inom {} s efter att databasen svarar igen", dnr,
          OVERGIVEN.toSeconds() + 30, e);
      return false;
    }
  }

  @Override
  public void destroy() {
    if (egenPool != null) {
      egenPool.close();
    }
  }
}
