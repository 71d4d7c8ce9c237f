package db.migration;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * What the search's handling filters need at a million handlingar (measured with benchmark/sok):
 * an index on a handling's type and date (a type within a period, e.g. the tjänsteutlåtanden of
 * 2023), and on PostgreSQL statistics of how type and recipient or sender go together — the planner
 * otherwise takes them as independent, expects a tenth of the remisser to one remissinstans and
 * looks up each ärende one by one instead of joining once (300 ms instead of under 150 ms).
 */
public class V12_4__Sokstatistik extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("create index ix_handling_typ_datum on handling (handlingstyp, datum)");
      if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        s.execute("create statistics st_handling_typ_mottagare (mcv) on handlingstyp, mottagare from handling");
        s.execute("create statistics st_handling_typ_avsandare (mcv) on handlingstyp, avsandare from handling");
      }
    }
  }
}
