package se.stockholm.ks.behorighet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stockholm.ks.drift.Databasvakt;

/**
 * Registers the login throttle's filter (first, on every request), the gate in front of the
 * engine's REST doors ({@link MotorRestGrind}, after Camunda's authentication of
 * {@code /engine-rest}), and a 404 problem detail for {@code /error} asked for directly (Spring's
 * error page answered it with {@code {"status":999}} and 500).
 */
@Configuration(proxyBeanMethods = false)
class BehorighetConfig {

  @Bean
  FilterRegistrationBean<InloggningsstrypningFilter> inloggningsstrypningFilter() {
    Inloggningsstrypning.glomAllt(); // a new application starts with no failures counted
    FilterRegistrationBean<InloggningsstrypningFilter> r = new FilterRegistrationBean<>(new InloggningsstrypningFilter());
    r.setName("ks-inloggningsstrypning");
    r.addUrlPatterns("/*");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return r;
  }

  @Bean
  FilterRegistrationBean<MotorRestGrind> motorRestGrind(ProcessEngine engine, Databasvakt vakt) {
    FilterRegistrationBean<MotorRestGrind> r = new FilterRegistrationBean<>(
        new MotorRestGrind(engine, () -> vakt.tillganglig() && vakt.provaNu()));
    r.setName("ks-motor-rest-grind");
    r.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    r.setOrder(11);
    return r;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> felsidaDirekt() {
    FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Motorfel.problem(404, "finns-inte", "Finns inte", "Adressen finns inte.", request.getRequestURI(), response);
      }
    });
    r.setName("ks-felsida-direkt");
    r.addUrlPatterns("/error", "/error/*");
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return r;
  }
}
