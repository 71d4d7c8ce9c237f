package se.stockholm.ks.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot test at a fresh {@link PostgresTestDatabase}. */
public final class PostgresProperties {

  private PostgresProperties() {
  }

  /**
   * Registers the datasource of a new PostgreSQL database.
   *
   * @param registry the test's dynamic properties
   */
  public static void register(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.Database db = PostgresTestDatabase.create();
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.datasource.username", db::username);
    registry.add("spring.datasource.password", db::password);
    registry.add("camunda.bpm.database.type", () -> "postgres");
  }
}
