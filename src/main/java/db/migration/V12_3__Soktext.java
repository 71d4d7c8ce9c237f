package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import se.stockholm.ks.diarium.Diarium;

/**
 * Fills {@code arende_sok} (V12_2) for the ärenden registered before it, with the diarium's own
 * normalization ({@link Diarium#soktext}), and on PostgreSQL indexes it with a trigram GIN index when
 * {@code pg_trgm} is there (V12_1 created it, or logged why not).
 */
public class V12_3__Soktext extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    Map<Long, String> texter = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select id, rubrik from arende where status <> 'REGISTRERAS'"
             + " and id not in (select arende_id from arende_sok) order by id")) {
      while (rs.next()) {
        texter.put(rs.getLong(1), Diarium.soktext(null, rs.getString(2)));
      }
    }
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select arende_id, rubrik from handling order by arende_id, lopnummer")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String titel = rs.getString(2);
        if (titel != null && texter.containsKey(id)) {
          texter.put(id, Diarium.soktext(texter.get(id), titel));
        }
      }
    }
    try (PreparedStatement u = c.prepareStatement("insert into arende_sok (sok_text, arende_id) values (?, ?)")) {
      int n = 0;
      for (var e : texter.entrySet()) {
        u.setString(1, e.getValue());
        u.setLong(2, e.getKey());
        u.addBatch();
        if (++n % 1000 == 0) {
          u.executeBatch();
        }
      }
      u.executeBatch();
    }
    if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
      boolean trgm;
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("select count(*) from pg_extension where extname = 'pg_trgm'")) {
        rs.next();
        trgm = rs.getInt(1) > 0;
      }
      if (trgm) {
        try (Statement s = c.createStatement()) {
          s.execute("create index ix_arende_soktext_trgm on arende_sok using gin (sok_text gin_trgm_ops)");
          s.execute("create index ix_arende_inkom_tid on arende (inkom_tid, id)");
        }
      }
    }
  }
}
