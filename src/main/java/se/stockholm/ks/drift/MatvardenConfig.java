package se.stockholm.ks.drift;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

import se.stockholm.ks.behorighet.Driftgrind;

/**
 * Registers the REST timer and log context ({@link Anropsmatning}, early on every path, so it also
 * times requests that end in 401, 403 or 503) and the door of {@code /actuator/prometheus}
 * ({@link Driftgrind}).
 */
@Configuration(proxyBeanMethods = false)
class MatvardenConfig {

  @Bean
  FilterRegistrationBean<Anropsmatning> anropsmatning(MeterRegistry registry) {
    FilterRegistrationBean<Anropsmatning> r = new FilterRegistrationBean<>(new Anropsmatning(registry));
    r.setName("ks-anropsmatning");
    r.addUrlPatterns("/*");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return r;
  }

  /**
   * The metrics' door in the profiles with passwords; with {@code oidc} the bearer-token chain guards
   * {@code /actuator/prometheus} ({@code identitet.OidcSakerhetConfig}).
   */
  @Bean
  @Profile("!oidc")
  FilterRegistrationBean<Driftgrind> driftgrind(ProcessEngine engine) {
    FilterRegistrationBean<Driftgrind> r = new FilterRegistrationBean<>(new Driftgrind(engine));
    r.setName("ks-driftgrind");
    r.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return r;
  }
}
