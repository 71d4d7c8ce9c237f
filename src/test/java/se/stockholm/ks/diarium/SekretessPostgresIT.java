package se.stockholm.ks.diarium;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stockholm.ks.support.PostgresProperties;

/** {@link SekretessIT} on PostgreSQL. */
class SekretessPostgresIT extends SekretessIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresProperties.register(registry);
  }
}
