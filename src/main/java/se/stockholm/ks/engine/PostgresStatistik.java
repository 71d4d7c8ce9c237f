package se.stockholm.ks.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Extended statistics that keep PostgreSQL's plans for Tasklist's task queries linear in the
 * number of open tasks (docs/benchmarks.md, "Tasklist").
 *
 * <p>With authorizations on, Camunda gives a task's candidate group an authorization row per
 * task, and every task query joins {@code ACT_RU_AUTHORIZATION} on
 * {@code RESOURCE_ID_ IN (task id, process key, '*')} with a filter {@code PERMS_ & n = n}.
 * PostgreSQL estimates such a bit test at 0.5 % of the rows, so with 10,000 open tasks it
 * expects 50 matching rows where there are 10,000 and joins every task with every authorization
 * (10<sup>8</sup> comparisons: 18 s for one page of ks-kansli's list). Statistics on the two bit
 * tests Tasklist's queries use (READ on a task, READ_TASK on a process definition) give the planner
 * the true count, and it looks each task's authorization up in the index instead (1.2 s, and the
 * rest is the engine's query). Created once, at start, on PostgreSQL only; filled by the next
 * ANALYZE (autovacuum's). Does nothing on H2 and never stops the start.
 *
 * <p>Statistics on an expression only help a plan made with the parameters' values: the
 * {@code postgres} profile therefore sets {@code plan_cache_mode = force_custom_plan} on its
 * connections (the generic plan PostgreSQL otherwise switches to after five executions of a
 * prepared statement is the quadratic one again).
 */
@Component
class PostgresStatistik {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStatistik.class);

  /** The statistics object; its name is the application's. */
  static final String SQL = "create statistics if not exists ks_auth_perms on (perms_ & 2), (perms_ & 64) "
      + "from act_ru_authorization";

  private final DataSource dataSource;

  PostgresStatistik(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates the statistics once the engine's tables exist. */
  @EventListener(PostDeployEvent.class)
  @Order(40)
  public void skapa() {
    try (Connection c = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        return;
      }
      try (Statement s = c.createStatement()) {
        s.execute(SQL);
      }
    } catch (SQLException e) {
      LOG.warn("Utökad statistik för ACT_RU_AUTHORIZATION kunde inte skapas: {}", e.getMessage());
    }
  }
}
