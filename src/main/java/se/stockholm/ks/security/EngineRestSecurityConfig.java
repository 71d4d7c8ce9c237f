package se.stockholm.ks.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requires authentication on the engine REST API ({@code /engine-rest/*}) and on the application's
 * own API and pages ({@code /api/*}, {@code /arenden/*}, see {@link ApiAuthenticationFilter}).
 *
 * <p>Camunda's own {@link ProcessEngineAuthenticationFilter} checks HTTP Basic credentials
 * against the engine's identity service and answers 401 with {@code WWW-Authenticate} when they
 * are missing or wrong; the authenticated user and groups then go through the engine's
 * authorization checks. The webapps (Tasklist, Cockpit, Admin) use their own session login.
 */
@Configuration(proxyBeanMethods = false)
// in the oidc profile: se.stockholm.ks.identitet
@org.springframework.context.annotation.Profile("!oidc")
class EngineRestSecurityConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
    registration.setName("ks-api-auth");
    registration.addUrlPatterns("/api/*", "/arenden/*", "/meddelanden", "/meddelanden/*");
    registration.setOrder(10);
    return registration;
  }
}
