package se.stockholm.ks.drift;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Registers {@link DatabasFelFilter} outermost on every path and {@link EngineRestDatabasfel} in the engine's REST API. */
@Configuration(proxyBeanMethods = false)
class DriftConfig {

  @Bean
  FilterRegistrationBean<DatabasFelFilter> databasFelFilter(Databasvakt vakt, ObjectMapper json) {
    FilterRegistrationBean<DatabasFelFilter> registration = new FilterRegistrationBean<>(new DatabasFelFilter(vakt, json));
    registration.setName("ks-databasfel");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer engineRestDatabasfel(Databasvakt vakt, ObjectMapper json) {
    return config -> config.register(new EngineRestDatabasfel(vakt, json));
  }
}
