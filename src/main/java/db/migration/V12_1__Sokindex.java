package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trigram indexes (PostgreSQL's {@code pg_trgm}) for the officials' search (issue 18,
 * {@code se.stockholm.ks.sok.Arendesok}): a text filter is "contains", {@code like '%årsta%'}, which
 * a b-tree cannot serve and a trigram GIN index can. The indexed expression is exactly the one the
 * search compares ({@code se.stockholm.ks.sok.Arendesok#NORMALISERAD}): lower case, with Å, Ä, Ö, É,
 * È and Ü lowered explicitly so that the result does not depend on the database's locale (a
 * database created with {@code LC_CTYPE=C} lowers only ASCII letters).
 *
 * <p>On H2 (the tests' default) nothing is created. When the database user may not create the
 * extension (it is "trusted" from PostgreSQL 13, so the database's owner may), the migration logs a
 * warning and goes on without the indexes: the search gives the same answers, only slower.
 */
public class V12_1__Sokindex extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V12_1__Sokindex.class);

  /** Keep equal to {@code Arendesok.normaliserad(…)}: a different expression is not served by the index. */
  private static String uttryck(String kolumn) {
    return "lower(translate(" + kolumn + ", 'ÅÄÖÉÈÜ', 'åäöéèü'))";
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
      return;
    }
    Savepoint sp = c.setSavepoint();
    try (Statement s = c.createStatement()) {
      s.execute("create extension if not exists pg_trgm");
    } catch (SQLException e) {
      c.rollback(sp);
      LOG.warn("Tillägget pg_trgm kunde inte skapas ({}): sökningen fungerar men utan trigramindex. "
          + "Be databasens administratör köra 'create extension pg_trgm' och skapa indexen i V12_1__Sokindex.",
          e.getMessage());
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("create index ix_arende_rubrik_trgm on arende using gin (" + uttryck("rubrik") + " gin_trgm_ops)");
      s.execute("create index ix_arende_avsandare_trgm on arende using gin (" + uttryck("avsandare_namn")
          + " gin_trgm_ops)");
      s.execute("create index ix_arende_dnr_trgm on arende using gin (lower(diarienummer) gin_trgm_ops)");
      s.execute("create index ix_handling_rubrik_trgm on handling using gin (" + uttryck("rubrik") + " gin_trgm_ops)");
    }
  }
}
