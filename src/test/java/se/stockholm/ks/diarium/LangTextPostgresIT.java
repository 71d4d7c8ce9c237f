package se.stockholm.ks.diarium;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stockholm.ks.support.PostgresProperties;

/** Long texts through the forms, on a real PostgreSQL. */
class LangTextPostgresIT extends LangTextIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresProperties.register(registry);
  }
}
