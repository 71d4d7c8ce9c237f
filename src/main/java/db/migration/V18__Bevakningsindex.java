package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Bevakning with 100,000 closed ärenden (issue 20, {@code benchmark/bevakning}): the lead times read, for
 * each ärende that came in in the period ({@code ix_arende_inkom_datum}), the times of its events of the six
 * milestone types ({@code se.stockholm.ks.bevakning.Bevakning.Milstolpe}). On PostgreSQL a partial index
 * holds just those events with their time, so they are read from the index alone — six small entries per
 * ärende — instead of every event row of the ärende from the table (twenty and more per closed ärende).
 * H2 (the tests' default) has no partial indexes: there the index covers every event.
 *
 * <p>{@link #MILSTOLPAR} must be the milestones' event types, in the statement {@code
 * Bevakning.LEDTIDER_HANDELSER} writes them ({@code BevakningTest} checks it): otherwise PostgreSQL cannot
 * use the index.
 */
public class V18__Bevakningsindex extends BaseJavaMigration {

  /** The event types of the lead times' milestones, as in {@code Bevakning.Milstolpe}. */
  public static final List<String> MILSTOLPAR =
      List.of("FORDELAT", "REMITTERAT", "PROMEMORIA_UPPRATTAD", "BRB_TILLSTYRKT", "KS_BESLUT", "AVSLUTAT");

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        s.execute("create index ix_handelse_milstolpe on arende_handelse (arende_id, handelsetyp, tid) where handelsetyp in ("
            + String.join(", ", MILSTOLPAR.stream().map(t -> "'" + t + "'").toList()) + ")");
      } else {
        s.execute("create index ix_handelse_milstolpe on arende_handelse (arende_id, handelsetyp, tid)");
      }
    }
  }
}
