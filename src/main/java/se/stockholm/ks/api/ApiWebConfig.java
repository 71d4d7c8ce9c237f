package se.stockholm.ks.api;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a diarienummer in its written form travel in a path: Tomcat passes an encoded slash
 * ({@code KS%202025%2F1513}) through to Spring MVC, which decodes it inside the path variable. The
 * URL form {@code KS-2025-1513} needs nothing of this.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashInPaths() {
    return factory -> factory.addConnectorCustomizers(
        connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
  }
}
