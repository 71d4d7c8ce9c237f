package se.stockholm.ks.lokaldatabas;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The local profile's datasource: an {@link InbaddadPostgres} in {@code ./data} — only in the
 * {@code local} profile and only when no datasource URL is given ({@code SPRING_DATASOURCE_URL}
 * points the local profile at any other database).
 *
 * <p>Order of shutdown on Ctrl-C: the datasource depends on the server, the process engine on the
 * datasource, so Spring stops the engine (and its job executor) first, then closes the pool, then
 * stops the server.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@Conditional(LokalDatabas.UtanDatakallansAdress.class)
public class LokalDatabas {

  /**
   * @param installningar {@code ks.lokal-databas.*}
   * @return the started server, stopped when the application context closes
   */
  @Bean(destroyMethod = "close")
  InbaddadPostgres inbaddadPostgres(LokalDatabasInstallningar installningar) {
    return InbaddadPostgres.starta(installningar);
  }

  /**
   * @param postgres the started server
   * @return a connection pool to its database; {@code spring.datasource.hikari.*} applies
   */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(InbaddadPostgres postgres) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(postgres.jdbcUrl());
    pool.setUsername(InbaddadPostgres.ANVANDARE);
    pool.setPoolName("lokal-postgres");
    // as in the postgres profile (see application-postgres.yaml): every statement planned with its parameters
    pool.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
    return pool;
  }

  /** Matches when {@code spring.datasource.url} is not set (or blank). */
  static class UtanDatakallansAdress implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
