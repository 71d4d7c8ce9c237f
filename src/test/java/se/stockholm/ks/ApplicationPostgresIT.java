package se.stockholm.ks;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stockholm.ks.support.PostgresProperties;

/** The same application tests as {@link ApplicationIT}, on a real PostgreSQL. */
class ApplicationPostgresIT extends ApplicationIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresProperties.register(registry);
  }

  @Autowired
  DataSource dataSource;

  @Test
  void createsTheStatisticsForTasklistsAuthorizationJoin() throws Exception {
    try (var connection = dataSource.getConnection();
         var rs = connection.createStatement().executeQuery(
             "select count(*) from pg_statistic_ext where stxname = 'ks_auth_perms'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void runsOnPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
