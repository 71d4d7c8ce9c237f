package se.stockholm.ks.identitet;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.HtmlUtils;

import se.stockholm.ks.behorighet.Driftgrind;
import se.stockholm.ks.startup.StartRefusedException;

/**
 * Spring Security in the {@code oidc} profile (README, "Inloggning med stadens konton (OIDC)").
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: OAuth2 resource server. A JWT bearer token signed by the
 *       provider (its JWKS), unexpired, whose {@code iss} is {@link OidcInstallningar#utfardare()} and whose
 *       {@code aud} holds {@link OidcInstallningar#malgrupp()}; its groups from the mapping table. No
 *       token, or a bad one: 401 problem+json; a token without a mapped group: 403 problem+json. An
 *       official's session may read {@code /api} (GET, HEAD) so that links in forms open. HTTP Basic only when
 *       {@link OidcInstallningar#basicTillaten()}, for the accounts listed ({@link BasicInloggning});
 *       otherwise Basic credentials get 401 problem+json here and on the webapps' API.</li>
 *   <li>Everything else: an official's session from the provider's login (authorization code flow with
 *       PKCE); the webapps' Camunda session is made from it by Camunda's
 *       {@link ContainerBasedAuthenticationFilter} with {@link SpringSecurityAutentisering}. Without a
 *       mapped group: a Swedish page (403). {@code /logga-ut} ends the session here and at the provider
 *       (RP-initiated logout). Spring Security's CSRF protection on the pages; the webapps keep Camunda's
 *       own CSRF filter.</li>
 *   <li>Open without signing in: {@link #OPPNA} (README lists them; {@code OidcOppnaAdresserIT} checks that
 *       nothing else is).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Profile(SpringSecurityBaraMedOidc.OIDC)
@EnableWebSecurity
@EnableConfigurationProperties(OidcInstallningar.class)
public class OidcSakerhetConfig {

  /** The login's registration id: the login starts at {@code /oauth2/authorization/ks}. */
  public static final String REGISTRERING = "ks";

  /** The API's addresses that answer without signing in: its documentation and the public e-diarium. */
  static final List<String> OPPNA_I_API = List.of(
      "/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/dokumentation", "/api/v1/dokumentation/**",
      "/api/v1/swagger-ui/**",
      // the public e-diarium (OSL 5 kap. 2 §), open in every profile
      "/api/v1/publikt/diarium");

  /**
   * The addresses that answer without signing in: health, the login and logout, the API's documentation
   * and the public pages (the e-diarium, OSL 5 kap. 2 §; the anslagstavla, kommunallagen 8 kap. 12 §),
   * which are open in every profile.
   */
  public static final List<String> OPPNA = Stream.concat(Stream.of(
      "/actuator/health", "/actuator/health/**", "/actuator/info",
      "/oauth2/authorization/" + REGISTRERING, "/login/oauth2/code/" + REGISTRERING,
      "/login", "/utloggad", "/error",
      "/e-diarium", "/anslagstavla", "/anslagstavla/*/*/anslagsbevis.pdf"), OPPNA_I_API.stream()).toList();

  /**
   * @param path a path inside the application
   * @return whether it is open in the API: its documentation (the OpenAPI document and its viewer) or the
   *     public e-diarium
   */
  static boolean arOppenIApi(String path) {
    return path.startsWith("/api/v1/openapi") || path.startsWith("/api/v1/dokumentation")
        || path.startsWith("/api/v1/swagger-ui") || path.equals("/api/v1/publikt/diarium");
  }

  /**
   * The login's client registration, from the provider's discovery document
   * ({@code <utfardare>/.well-known/openid-configuration}), read once at start.
   *
   * @param installningar the settings
   * @return the repository with the one registration
   */
  @Bean
  ClientRegistrationRepository clientRegistrationRepository(OidcInstallningar installningar) {
    kravs(installningar.utfardare(), "KS_OIDC_UTFARDARE");
    kravs(installningar.klientId(), "KS_OIDC_KLIENT_ID");
    kravs(installningar.malgrupp(), "KS_OIDC_MALGRUPP");
    ClientRegistration registrering = ClientRegistrations.fromIssuerLocation(installningar.utfardare())
        .registrationId(REGISTRERING)
        .clientId(installningar.klientId())
        .clientSecret(installningar.klientHemlighet())
        .scope(installningar.omfang())
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .userNameAttributeName("sub")
        .build();
    return new InMemoryClientRegistrationRepository(registrering);
  }

  @Bean
  Gruppmappning gruppmappning(OidcInstallningar installningar) {
    return new Gruppmappning(installningar);
  }

  /**
   * Bearer tokens: signature from the provider's JWKS, expiry (60 s clock skew), issuer and audience.
   *
   * @param registreringar the login's registration (its JWKS address)
   * @param installningar issuer and audience
   * @return the decoder
   */
  @Bean
  JwtDecoder jwtDecoder(ClientRegistrationRepository registreringar, OidcInstallningar installningar) {
    String jwks = registreringar.findByRegistrationId(REGISTRERING).getProviderDetails().getJwkSetUri();
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks).build();
    OAuth2TokenValidator<Jwt> malgrupp = jwt -> jwt.getAudience() != null
        && jwt.getAudience().contains(installningar.malgrupp())
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
            "Token är inte utfärdad för det här API:t (aud).", null));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(installningar.utfardare()), malgrupp));
    return decoder;
  }

  /**
   * @param decoder the bearer tokens' decoder
   * @param gruppmappning the mapping table
   * @param installningar the user claim, and whether HTTP Basic is allowed
   * @param register the table of users seen: the request's client or user is written to it
   * @param http Spring Security's builder
   * @return the chain for {@code /api/**} and {@code /engine-rest/**}
   * @throws Exception when the chain cannot be built
   */
  @Bean
  @Order(1)
  SecurityFilterChain apiKedja(HttpSecurity http, JwtDecoder decoder, Gruppmappning gruppmappning,
                               OidcInstallningar installningar, Anvandarregister register) throws Exception {
    boolean basic = installningar.basicTillaten();
    AuthenticationEntryPoint utanToken = (request, response, e) -> {
      String detalj;
      if (arBasic(request) && !basic) {
        detalj = "HTTP Basic tas inte emot här (ks.oidc.basic-tillaten är av): skicka en åtkomsttoken "
            + "(Authorization: Bearer) från stadens inloggningstjänst.";
      } else if (arBasic(request)) {
        detalj = "Fel användarnamn eller lösenord för HTTP Basic, eller ett konto som inte står i "
            + "ks.oidc.basic-anvandare.";
      } else {
        detalj = "Skicka en giltig åtkomsttoken (Authorization: Bearer) från stadens inloggningstjänst" + orsak(e)
            + ".";
      }
      Problemsvar.skriv(response, 401, "inloggning-kravs", "Inloggning krävs", detalj, basic);
    };
    AccessDeniedHandler utanGrupp = (request, response, e) -> Problemsvar.skriv(response, 403, "behorighet-saknas",
        "Behörighet saknas", "Token ger ingen av processens grupper: klienten eller användaren saknar en roll "
            + "som är mappad i ks.oidc.gruppmappning.");
    http.securityMatcher(monster("/api/**", "/engine-rest/**", "/actuator/prometheus", "/actuator/prometheus/**"))
        .authorizeHttpRequests(a -> a
            .requestMatchers(monster(OPPNA_I_API.toArray(String[]::new))).permitAll()
            // the operations metrics: a token of the group drift (or camunda-admin), as Driftgrind asks
            // for in the profiles with passwords
            .requestMatchers(monster("/actuator/prometheus", "/actuator/prometheus/**")).hasAnyAuthority(
                Driftgrind.GRUPPER.stream().map(g -> Inloggning.GRUPP_PREFIX + g).toArray(String[]::new))
            .anyRequest().hasAuthority(Inloggning.HAR_GRUPP))
        .oauth2ResourceServer(o -> o
            .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(jwt -> new Inloggning.Token(jwt,
                Tokenanvandare.av(jwt.getClaims(), installningar.anvandarClaim(), gruppmappning.grupper(jwt.getClaims())))))
            .authenticationEntryPoint(utanToken)
            .accessDeniedHandler(utanGrupp))
        .exceptionHandling(e -> e.authenticationEntryPoint(utanToken).accessDeniedHandler(utanGrupp))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(c -> c.disable())
        // no cookie authenticates a write here: a session only reads (TokenApiFilter), a token is no cookie
        .csrf(c -> c.disable())
        .addFilterAfter(new AnvandarregistreringFilter(register), AuthorizationFilter.class);
    if (basic) {
      // only where configured: the technical accounts of ks.oidc.basic-anvandare, passwords as hashes there
      http.httpBasic(h -> h.authenticationEntryPoint(utanToken))
          .authenticationProvider(new BasicInloggning(installningar.basicAnvandare()));
    }
    return http.build();
  }

  /**
   * @param http Spring Security's builder
   * @param registreringar the login's registration
   * @param anvandartjanst the officials' user service (groups from the mapping table)
   * @param installningar where the provider sends the browser after logout
   * @param register the table of users seen: the request's user is written to it
   * @return the chain for the webapps, the pages and the login
   * @throws Exception when the chain cannot be built
   */
  @Bean
  @Order(2)
  SecurityFilterChain webbKedja(HttpSecurity http, ClientRegistrationRepository registreringar,
                                OAuth2UserService<OidcUserRequest, OidcUser> anvandartjanst,
                                OidcInstallningar installningar, Anvandarregister register) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(registreringar, "/oauth2/authorization");
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    OidcClientInitiatedLogoutSuccessHandler utloggning = new OidcClientInitiatedLogoutSuccessHandler(registreringar);
    utloggning.setPostLogoutRedirectUri(installningar.utloggningsadress());
    AuthenticationFailureHandler misslyckad = (request, response, e) -> sida(response, 401,
        "Inloggningen misslyckades",
        "Inloggningen genom stadens inloggningstjänst gick inte igenom" + HtmlUtils.htmlEscape(orsak(e))
            + ". Försök igen; "
            + "kvarstår felet, kontakta IT-supporten.");
    AccessDeniedHandler utanGrupp = (request, response, e) -> {
      if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
        Problemsvar.skriv(response, 403, "behorighet-saknas", "Behörighet saknas",
            "Ditt konto har ingen roll i skrivelseprocessen.");
        return;
      }
      String vem = Inloggning.aktuell().map(Tokenanvandare::id).orElse("");
      sida(response, 403, "Du saknar behörighet",
          "Du är inloggad som " + HtmlUtils.htmlEscape(vem) + ", men ditt konto har ingen roll i "
              + "skrivelseprocessen (ingen av dina grupper i stadens katalog är kopplad till processens grupper). "
              + "Be din chef eller systemförvaltaren att lägga till dig i rätt grupp.");
    };
    http.authorizeHttpRequests(a -> a
            .requestMatchers(monster(OPPNA.toArray(String[]::new))).permitAll()
            .requestMatchers(monster("/logga-ut")).permitAll()
            .anyRequest().hasAuthority(Inloggning.HAR_GRUPP))
        .oauth2Login(o -> o
            .authorizationEndpoint(e -> e.authorizationRequestResolver(pkce))
            .userInfoEndpoint(u -> u.oidcUserService(anvandartjanst))
            .failureHandler(misslyckad))
        .logout(l -> l
            .logoutRequestMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/logga-ut", "GET"),
                new AntPathRequestMatcher("/logga-ut", "POST")))
            .logoutSuccessHandler(utloggning))
        .exceptionHandling(e -> e
            // the webapps' API: their session only (HTTP Basic is not taken here in any profile)
            .defaultAuthenticationEntryPointFor((request, response, fel) -> Problemsvar.skriv(response, 401,
                    "inloggning-kravs", "Inloggning krävs", arBasic(request)
                        ? "Webbapparnas API tar inte emot HTTP Basic: logga in genom stadens inloggningstjänst."
                        : "Logga in genom stadens inloggningstjänst.", false),
                new AntPathRequestMatcher("/camunda/api/**"))
            .defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRERING),
                new AntPathRequestMatcher("/**"))
            .accessDeniedHandler(utanGrupp))
        // Camunda's own CSRF filter protects the webapps' API (X-XSRF-TOKEN)
        .csrf(c -> c.ignoringRequestMatchers(monster("/camunda/**")))
        .addFilterAfter(new AnvandarregistreringFilter(register), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * The officials' user service: the provider's ID token and user info, the groups from the mapping table.
   *
   * @param gruppmappning the mapping table
   * @param installningar the user claim
   * @param register the table of users seen: written at each login
   * @return the service
   */
  @Bean
  OAuth2UserService<OidcUserRequest, OidcUser> tjanstemannensAnvandartjanst(Gruppmappning gruppmappning,
                                                                            OidcInstallningar installningar,
                                                                            Anvandarregister register) {
    OidcUserService leverantorens = new OidcUserService();
    return request -> {
      OidcUser user = leverantorens.loadUser(request);
      Map<String, Object> claims = user.getClaims();
      Tokenanvandare anvandare = Tokenanvandare.av(claims, installningar.anvandarClaim(), gruppmappning.grupper(claims));
      register.registrera(anvandare);
      return new Inloggning.Tjansteman(anvandare, user.getIdToken(), user.getUserInfo());
    };
  }

  /** Spring Security's filters before every filter of the application and of Camunda. */
  @Bean
  DelegatingFilterProxyRegistrationBean springSecurityFilterRegistration() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setOrder(-100);
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    return registration;
  }

  /**
   * The webapps' Camunda session from the Spring Security login.
   *
   * @param webappPath the webapps' path ({@code /camunda})
   * @return the registration
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAutentisering(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("ks-webapp-oidc");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityAutentisering.class.getName());
    registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(-99);
    return registration;
  }

  /** @return the engine REST API with the token's user and groups */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityAutentisering.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }

  /**
   * @param engine the engine
   * @return the application's API and pages with the signed-in user and groups
   */
  @Bean
  FilterRegistrationBean<TokenApiFilter> apiAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<TokenApiFilter> registration = new FilterRegistrationBean<>(new TokenApiFilter(engine));
    registration.setName("ks-api-auth");
    registration.addUrlPatterns("/api/*", "/arenden/*", "/meddelanden", "/meddelanden/*");
    registration.setOrder(10);
    return registration;
  }

  /** Paths as Ant patterns on the whole path: not only Spring MVC's (the engine REST API and the webapps are Jersey). */
  private static RequestMatcher monster(String... monster) {
    return new OrRequestMatcher(java.util.Arrays.stream(monster)
        .map(m -> (RequestMatcher) new AntPathRequestMatcher(m)).toList());
  }

  private static boolean arBasic(HttpServletRequest request) {
    String rubrik = request.getHeader("Authorization");
    return rubrik != null && rubrik.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static String orsak(Exception e) {
    if (e instanceof AuthenticationException && e.getMessage() != null && !e.getMessage().isBlank()) {
      return " (" + e.getMessage().replace("\"", "'") + ")";
    }
    return "";
  }

  private static void kravs(String varde, String miljovariabel) {
    if (varde == null || varde.isBlank()) {
      throw new StartRefusedException("Profilen oidc kräver " + miljovariabel + ", som inte är satt.",
          "Sätt " + miljovariabel + " (README, \"Inloggning med stadens konton (OIDC)\") och starta igen.");
    }
  }

  /** A plain Swedish page with a link to sign in again and to sign out. */
  static void sida(HttpServletResponse response, int status, String rubrik, String text) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("""
        <!DOCTYPE html>
        <html lang="sv"><head><meta charset="UTF-8"><title>%1$s – Skrivelseprocessen</title>
        <style>body{font-family:Helvetica,Arial,sans-serif;max-width:40em;margin:3em auto;color:#1b3a5c}</style>
        </head><body><h1>%1$s</h1><p>%2$s</p>
        <p><a href="/camunda/app/tasklist/">Försök igen</a> · <a href="/logga-ut">Logga ut</a></p></body></html>
        """.formatted(HtmlUtils.htmlEscape(rubrik), text));
  }
}
