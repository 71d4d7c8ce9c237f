package se.stockholm.ks.diarium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stockholm.ks.support.PostgresProperties;

/**
 * The same diarium tests as {@link DiariumIT} on a real PostgreSQL, and two application nodes on
 * one database: two diaria with their own connection pools and transaction managers register at
 * the same time.
 */
class DiariumPostgresIT extends DiariumIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresProperties.register(registry);
  }

  @Autowired
  DataSource dataSource;
  @Autowired
  Environment environment;
  @Autowired
  Innehallskontroll innehallskontroll;

  @Test
  void runsOnPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }

  @Test
  void twoNodesOnOnePostgresNeverDuplicateOrSkipANumber() throws Exception {
    int ar = 2017; // a fresh series: both nodes also race to create it
    try (HikariDataSource nod1 = pool("nod1"); HikariDataSource nod2 = pool("nod2");
         HikariDataSource serie1 = pool("nod1-serie"); HikariDataSource serie2 = pool("nod2-serie")) {
      List<DataSourceTransactionManager> tm = List.of(new DataSourceTransactionManager(nod1),
          new DataSourceTransactionManager(nod2));
      List<Diarium> noder = List.of(nod(nod1, serie1), nod(nod2, serie2));

      List<Integer> nummer = samtidigt(120, i -> registrera(tid(ar, 4, 1), tm.get(i % 2), noder.get(i % 2))
          .diarienummer().lopnummer());

      assertThat(nummer).doesNotHaveDuplicates();
      assertThat(nummer.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, 120).boxed().toList());
      assertThat(jdbc.queryForObject("select count(*) from arende where ar = ?", Integer.class, ar)).isEqualTo(120);
    }
  }

  private HikariDataSource pool(String namn) {
    HikariDataSource ds = new HikariDataSource();
    ds.setPoolName(namn);
    ds.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
    ds.setUsername(environment.getProperty("spring.datasource.username"));
    ds.setPassword(environment.getProperty("spring.datasource.password"));
    ds.setMaximumPoolSize(8);
    return ds;
  }

  /** A node's diarium: its own pool, and its own small pool for the number series, as in the application. */
  private Diarium nod(DataSource ds, DataSource serie) {
    return new Diarium(JdbcClient.create(ds), installningar, innehallskontroll, new Nummerserie(serie));
  }
}
