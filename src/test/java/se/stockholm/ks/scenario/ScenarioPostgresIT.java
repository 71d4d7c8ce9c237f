package se.stockholm.ks.scenario;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stockholm.ks.support.PostgresProperties;

/** The real case end to end on a real PostgreSQL. */
class ScenarioPostgresIT extends ScenarioIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresProperties.register(registry);
  }
}
