package se.stockholm.ks.identitet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Keeps Spring Security's auto-configuration out of the application in every profile (registered in
 * {@code META-INF/spring.factories}): the local and postgres profiles use Camunda's own logins, and the
 * {@code oidc} profile configures Spring Security itself ({@link OidcSakerhetConfig}). The exclusions are
 * added to any that a profile, a test or the command line already gives.
 *
 * <p>In the {@code oidc} profile also: Camunda's starter does not create the administrator user
 * ({@code camunda.bpm.admin-user.id=false} switches its creation off): administrators come from the
 * directory through the group mapping ({@code camunda-admin}), and no password is stored for anyone.
 */
public class SpringSecurityBaraMedOidc implements EnvironmentPostProcessor, Ordered {

  /** The profile in which officials and integrations sign in with OpenID Connect. */
  public static final String OIDC = "oidc";

  static final List<String> SPRING_SECURITY_AUTOKONFIGURATION = List.of(
      "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Set<String> exclude = new LinkedHashSet<>(
        List.of(Binder.get(environment).bind("spring.autoconfigure.exclude", String[].class).orElse(new String[0])));
    exclude.addAll(SPRING_SECURITY_AUTOKONFIGURATION);
    Map<String, Object> properties = new java.util.HashMap<>();
    properties.put("spring.autoconfigure.exclude", String.join(",", exclude));
    if (environment.acceptsProfiles(Profiles.of(OIDC))) {
      properties.put("camunda.bpm.admin-user.id", "false");
    }
    environment.getPropertySources().addFirst(new MapPropertySource("ks-spring-security-bara-med-oidc", properties));
  }

  /** After the configuration files and profiles are read. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
