package se.stockholm.oidcleverantor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import se.stockholm.ks.support.OidcLeverantor;
import se.stockholm.ks.support.OidcLeverantor.Data;
import static se.stockholm.ks.support.OidcLeverantor.*;

/**
 * The Spring configuration of the test's OpenID Connect provider ({@link OidcLeverantor}): only what it needs,
 * none of the application's. Outside {@code se.stockholm.ks}, so the application's component scan never
 * finds it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class})
public class LeverantorKonfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain leverantorensSlutpunkter(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer as = OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(as.getEndpointsMatcher())
        .with(as, a -> a.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .csrf(c -> c.ignoringRequestMatchers(as.getEndpointsMatcher()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain inloggningssidan(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  UserDetailsService anvandare(Data data) {
    InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
    data.anvandare().keySet().forEach(namn ->
        manager.createUser(User.withUsername(namn).password("{noop}" + LOSENORD).roles("USER").build()));
    return manager;
  }

  @Bean
  RegisteredClientRepository klienter(Data data) {
    List<RegisteredClient> klienter = new java.util.ArrayList<>();
    klienter.add(RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(KLIENT_ID).clientSecret("{noop}" + HEMLIGHET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri("http://127.0.0.1/inte-anvand")
        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .build());
    data.klienter().keySet().forEach(id -> klienter.add(RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(id).clientSecret("{noop}" + hemlighet(id))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .build()));
    return new InMemoryRegisteredClientRepository(klienter);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(Data data) {
    return OidcLeverantor.jwkSource(data);
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims(Data data) {
    return context -> {
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
        Map<String, Object> extra = new HashMap<>(data.klienter().getOrDefault(
            context.getRegisteredClient().getClientId(), Map.of()));
        Object aud = extra.remove("aud");
        context.getClaims().audience(List.of(aud == null ? MALGRUPP : aud.toString()));
        extra.forEach((k, v) -> context.getClaims().claim(k, v));
        return;
      }
      String namn = context.getPrincipal().getName();
      if (data.anvandare().containsKey(namn)
          && (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
              || "access_token".equals(context.getTokenType().getValue()))) {
        context.getClaims().claim("preferred_username", namn)
            .claim("given_name", namn.substring(0, 1).toUpperCase() + namn.substring(1))
            .claim("family_name", "Testsson")
            .claim("email", namn + "@stad.example")
            .claim("groups", data.anvandare().get(namn));
      }
    };
  }
}

