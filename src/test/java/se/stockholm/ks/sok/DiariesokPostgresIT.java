package se.stockholm.ks.sok;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stockholm.ks.support.PostgresProperties;

/**
 * {@link DiariesokIT} on PostgreSQL: the same answers as on H2, and the text filters served by the
 * trigram indexes of {@code V12_1__Sokindex} (the plan names them when sequential scans are off,
 * which a table this small would otherwise prefer).
 */
class DiariesokPostgresIT extends DiariesokIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresProperties.register(registry);
  }

  @Autowired
  DataSource dataSource;

  @Test
  void textFiltersUseTheTrigramIndexes() throws Exception {
    try (var c = dataSource.getConnection(); var s = c.createStatement()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      s.execute("set enable_seqscan = off");
      List<String> plan = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("explain select s.arende_id from arende_sok s where s.sok_text like '%årsta%' escape '!'"
          + " union all select h.id from handling h where " + Arendesok.normaliserad("h.rubrik")
          + " like '%årsta%' escape '!'")) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      s.execute("reset enable_seqscan");
      assertThat(String.join("\n", plan)).contains("ix_arende_soktext_trgm").contains("ix_handling_rubrik_trgm");
    }
  }
}
