package se.stockholm.ks.support;

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

/**
 * A real OpenID Connect provider in the test JVM: Spring Authorization Server on its own port at
 * {@code http://127.0.0.1:<port>} (not {@code localhost}, so the browser keeps its cookies apart from the
 * application's), with discovery, JWKS, its login page (Spring Security's form login), authorization (code
 * with PKCE required), token (client credentials too), user info and RP-initiated logout endpoints, and
 * tokens signed with its own RSA key.
 *
 * <ul>
 *   <li>The application's login client {@value #KLIENT_ID} (secret {@value #HEMLIGHET}); its redirect and
 *       post-logout addresses are added once the application's port is known ({@link #tillatInloggning}).</li>
 *   <li>Officials ({@code anvandare}): login name, password {@value #LOSENORD}, and the directory groups put
 *       in the ID token's {@code groups} claim, with {@code preferred_username}, {@code given_name},
 *       {@code family_name}, {@code email}.</li>
 *   <li>Integrations ({@code klienter}): client credentials with secret {@link #hemlighet}; their access
 *       tokens carry {@code aud} {@value #MALGRUPP} and the extra claims given (e.g. {@code roles}; an
 *       {@code aud} given there replaces the audience).</li>
 * </ul>
 */
public final class OidcLeverantor implements AutoCloseable {

  /** The application's login client at the provider. */
  public static final String KLIENT_ID = "skrivelseprocessen";
  /** Every client's secret. */
  public static final String HEMLIGHET = "hemlighet-for-test";
  /** Every official's password at the provider. */
  public static final String LOSENORD = "losenord-i-katalogen";
  /** The audience of the API's tokens. */
  public static final String MALGRUPP = "skrivelseprocessen-api";

  private final ConfigurableApplicationContext context;
  private final Data data;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * What the provider knows.
   *
   * @param anvandare officials and their directory groups
   * @param klienter integrations and their tokens' extra claims
   * @param nyckel the signing key
   * @param kid the key's id
   */
  public record Data(Map<String, List<String>> anvandare, Map<String, Map<String, Object>> klienter,
                     KeyPair nyckel, String kid) {
  }

  private OidcLeverantor(ConfigurableApplicationContext context, Data data) {
    this.context = context;
    this.data = data;
  }

  /**
   * Starts a provider.
   *
   * @param anvandare officials: login name and directory groups
   * @param klienter integrations: client id and the extra claims of their access tokens
   * @return the running provider
   */
  public static OidcLeverantor starta(Map<String, List<String>> anvandare, Map<String, Map<String, Object>> klienter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Data data = new Data(anvandare, klienter, generator.generateKeyPair(), UUID.randomUUID().toString());
      ConfigurableApplicationContext context = new SpringApplicationBuilder(se.stockholm.oidcleverantor.LeverantorKonfiguration.class)
          .web(WebApplicationType.SERVLET)
          .initializers(c -> c.getBeanFactory().registerSingleton("oidcLeverantorData", data))
          .properties(Map.of(
              // not the application's application.yaml
              "spring.config.name", "oidc-leverantor",
              "server.port", "0",
              "server.address", "127.0.0.1",
              "spring.main.banner-mode", "off",
              // the application's start-up checks run in every Spring application of the JVM
              "camunda.bpm.admin-user.password", "ej-anvant",
              "logging.level.org.springframework.security", "warn"))
          .run();
      return new OidcLeverantor(context, data);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param klientId an integration's client id
   * @return its secret (the provider wants each client's secret to differ)
   */
  public static String hemlighet(String klientId) {
    return HEMLIGHET + "-" + klientId;
  }

  /** @return the issuer, {@code http://127.0.0.1:<port>} */
  public String utfardare() {
    return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Lets the application at {@code bas} sign officials in: its redirect and post-logout addresses.
   *
   * @param bas the application's address, e.g. {@code http://localhost:8115}
   */
  public void tillatInloggning(String bas) {
    RegisteredClientRepository klienter = context.getBean(RegisteredClientRepository.class);
    RegisteredClient klient = klienter.findByClientId(KLIENT_ID);
    klienter.save(RegisteredClient.from(klient)
        .redirectUri(bas + "/login/oauth2/code/ks")
        .postLogoutRedirectUri(bas + "/utloggad")
        .build());
  }

  /**
   * An access token from the token endpoint (client credentials).
   *
   * @param klientId an integration's client id
   * @return the access token (a JWT)
   */
  public String token(String klientId) {
    try {
      String basic = Base64.getEncoder().encodeToString((klientId + ":" + hemlighet(klientId)).getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> svar = http.send(HttpRequest.newBuilder(URI.create(utfardare() + "/oauth2/token"))
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (svar.statusCode() != 200) {
        throw new IllegalStateException("Token för " + klientId + ": " + svar.statusCode() + " " + svar.body());
      }
      return new ObjectMapper().readTree(svar.body()).path("access_token").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A JWT signed with the provider's own key (the one its JWKS publishes), with any claims: for tokens the
   * token endpoint does not issue (expired, another issuer's name).
   *
   * @param claims the claims ({@code iat}, {@code exp} as {@link java.time.Instant})
   * @return the signed token
   */
  public String signera(Map<String, Object> claims) {
    JwtClaimsSet.Builder builder = JwtClaimsSet.builder();
    claims.forEach(builder::claim);
    return new NimbusJwtEncoder(jwkSource(data))
        .encode(JwtEncoderParameters.from(JwsHeader.with(() -> "RS256").keyId(data.kid()).build(), builder.build()))
        .getTokenValue();
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * @param data the provider's key
   * @return the provider's key set (private key included, for signing)
   */
  public static JWKSource<SecurityContext> jwkSource(Data data) {
    RSAKey nyckel = new RSAKey.Builder((RSAPublicKey) data.nyckel().getPublic())
        .privateKey((RSAPrivateKey) data.nyckel().getPrivate()).keyID(data.kid()).build();
    return new ImmutableJWKSet<>(new JWKSet(nyckel));
  }

}
