package se.stockholm.ks.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a request may have left in the database: the row counts of the diarium's tables and of
 * Camunda's runtime and history tables, and the diarium's number series. Two snapshots that are
 * equal mean nothing was registered, numbered, started or kept.
 */
public final class Databasrader {

  private static final List<String> TABELLER = List.of(
      "arende", "handling", "arende_handelse", "arende_beslut", "idempotens",
      "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_INCIDENT",
      "ACT_RU_EVENT_SUBSCR", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_GE_BYTEARRAY");

  private Databasrader() {
  }

  /**
   * @param jdbc the application's database
   * @return the row count of every table, and each number series' last number
   */
  public static Map<String, Object> rakna(JdbcTemplate jdbc) {
    Map<String, Object> rader = new LinkedHashMap<>();
    for (String tabell : TABELLER) {
      rader.put(tabell, jdbc.queryForObject("select count(*) from " + tabell, Long.class));
    }
    jdbc.query("select diarium, ar, senaste_lopnummer from diarienummer_serie order by diarium, ar",
        rs -> {
          rader.put("serie " + rs.getString(1) + " " + rs.getInt(2), rs.getInt(3));
        });
    return rader;
  }
}
