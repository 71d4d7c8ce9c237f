package se.stockholm.ks.identitet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.IntegrationTest;
import se.stockholm.ks.support.OidcLeverantor;
import se.stockholm.ks.support.OidcTestmiljo;

/**
 * The API and the engine REST API in the {@code oidc} profile, against a real provider in the JVM: a
 * client-credentials token registers a skrivelse (and the diarium names the client), and every kind of bad
 * token is refused with 401 (or 403 without a mapped group) and a problem detail.
 */
@IntegrationTest
@ActiveProfiles({"test", "oidc"})
@AutoConfigureObservability(tracing = false) // the Prometheus export, off in Spring Boot's tests otherwise
class OidcApiIT {

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry r) {
    OidcTestmiljo.egenskaper(r);
  }

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private static final String SKRIVELSE = "{\"rubrik\":\"Skrivelse via e-tjänst\",\"avsandare\":{\"namn\":\"Jan Jönsson\","
      + "\"parti\":\"L\"},\"text\":\"Fråga om inloggning.\"}";

  @Test
  void aClientCredentialsTokenRegistersASkrivelseAndTheDiariumNamesTheClient() throws Exception {
    String token = OidcTestmiljo.leverantor().token("e-tjanst");
    HttpResponse<String> svar = post("/api/v1/skrivelser", token, SKRIVELSE);
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(201);
    String dnr = json.readTree(svar.body()).path("diarienummer").asText();
    String urlDnr = dnr.replace(' ', '-').replace('/', '-');

    JsonNode handelser = json.readTree(get("/api/v1/arenden/" + urlDnr + "/handelser", token).body());
    assertThat(handelser.findValuesAsText("aktor")).as(handelser.toString()).contains("e-tjanst");
    // the engine's REST API with the same token, under the engine's authorizations for integration
    HttpResponse<String> instanser = get("/engine-rest/process-instance?businessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F"), token);
    assertThat(instanser.statusCode()).isEqualTo(200);
    assertThat(json.readTree(instanser.body())).hasSize(1);
    HttpResponse<String> uppgifter = get("/engine-rest/task", token);
    assertThat(uppgifter.statusCode()).as("integrationen har inga uppgifter").isIn(200, 403);
    if (uppgifter.statusCode() == 200) {
      assertThat(json.readTree(uppgifter.body())).isEmpty();
    }
  }

  static Stream<Arguments> felaktigaTokens() {
    OidcLeverantor l = OidcTestmiljo.leverantor();
    Instant nu = Instant.now();
    Map<String, Object> giltig = new HashMap<>(Map.of("iss", l.utfardare(), "sub", "e-tjanst",
        "aud", List.of(OidcLeverantor.MALGRUPP), "roles", List.of("skrivelser.integration"),
        "iat", nu.minusSeconds(30), "exp", nu.plusSeconds(300)));
    Map<String, Object> utgangen = new HashMap<>(giltig);
    utgangen.put("iat", nu.minusSeconds(3600));
    utgangen.put("exp", nu.minusSeconds(600));
    Map<String, Object> annanUtfardare = new HashMap<>(giltig);
    annanUtfardare.put("iss", "https://login.example.org/annan");
    String riktig = l.token("e-tjanst");
    String[] delar = riktig.split("\\.");
    String andradNyttolast = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(delar[1]), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"sub\":\"e-tjanst\"", "\"sub\":\"admin\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Stream.of(
        Arguments.of("ingen token", null, 401),
        Arguments.of("inte en JWT", "abc.def", 401),
        Arguments.of("utgången", l.signera(utgangen), 401),
        Arguments.of("annan utfärdare", l.signera(annanUtfardare), 401),
        Arguments.of("annan utfärdares nyckel", annanLeverantorsToken(), 401),
        Arguments.of("fel målgrupp", l.token("annan-app"), 401),
        Arguments.of("ändrad nyttolast, samma signatur", delar[0] + "." + andradNyttolast + "." + delar[2], 401),
        Arguments.of("signaturen borttagen (alg none)", delar[0] + "." + delar[1] + ".", 401),
        Arguments.of("ingen mappad grupp", l.token("okand-klient"), 403));
  }

  private static String annanLeverantorsToken() {
    try (OidcLeverantor annan = OidcLeverantor.starta(Map.of(),
        Map.of("e-tjanst", Map.of("roles", List.of("skrivelser.integration"))))) {
      return annan.token("e-tjanst");
    }
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("felaktigaTokens")
  void badTokensAreRefusedWithAProblemDetailAndNothingIsWritten(String fall, String token, int status) throws Exception {
    for (HttpResponse<String> svar : List.of(post("/api/v1/skrivelser", token, SKRIVELSE),
        get("/api/v1/arenden/KS-2025-1513", token),
        get("/engine-rest/task", token),
        post("/engine-rest/process-definition/key/skrivelse/start", token, "{}"))) {
      assertThat(svar.statusCode()).as(fall + " " + svar.uri() + ": " + svar.body()).isEqualTo(status);
      assertThat(svar.headers().firstValue("Content-Type").orElse("")).as(fall).startsWith("application/problem+json");
      JsonNode problem = json.readTree(svar.body());
      assertThat(problem.path("status").asInt()).isEqualTo(status);
      assertThat(problem.path("title").asText()).isIn("Inloggning krävs", "Behörighet saknas");
      if (status == 401) {
        assertThat(svar.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
      }
    }
    identityService.clearAuthentication();
    assertThat(identityService.createUserQuery().list()).extracting(u -> u.getId()).doesNotContain("admin");
  }

  @Test
  void theOperationsMetricsAnswerOnlyATokenOfTheGroupDrift() throws Exception {
    OidcLeverantor l = OidcTestmiljo.leverantor();
    HttpResponse<String> utan = get("/actuator/prometheus", null);
    assertThat(utan.statusCode()).isEqualTo(401);
    assertThat(utan.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(get("/actuator/prometheus", l.token("e-tjanst")).statusCode()).as("integration").isEqualTo(403);
    assertThat(get("/actuator/prometheus", l.token("registrator")).statusCode()).as("ks-kansli").isEqualTo(403);
    HttpResponse<String> drift = get("/actuator/prometheus", l.token("prometheus"));
    assertThat(drift.statusCode()).isEqualTo(200);
    assertThat(drift.body()).contains("ks_arenden_oppna");
  }

  /** ks.oidc.basic-tillaten is off (the default): Basic credentials are refused on every door, as problem+json. */
  @Test
  void noPasswordOpensAnything() throws Exception {
    String basic = Base64.getEncoder().encodeToString("admin:demo".getBytes());
    for (String path : List.of("/engine-rest/task", "/api/v1/arenden/KS-2025-1513", "/api/v1/bevakning",
        "/camunda/api/engine/engine/default/task", "/camunda/api/admin/auth/user/default")) {
      HttpResponse<String> svar = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(svar.statusCode()).as(path).isEqualTo(401);
      assertThat(svar.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
      assertThat(json.readTree(svar.body()).path("detail").asText()).as(path).contains("HTTP Basic");
      assertThat(svar.headers().allValues("WWW-Authenticate")).as(path).noneMatch(v -> v.startsWith("Basic"));
    }
    HttpResponse<String> skrivelse = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/v1/skrivelser")).header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(SKRIVELSE)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(skrivelse.statusCode()).isEqualTo(401);
    assertThat(identityService.checkPassword("admin", "demo")).isFalse();
    assertThat(identityService.createUserQuery().userId("admin").count()).as("ingen administratör med lösenord").isZero();
  }

  @Autowired
  Anvandarregister register;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /**
   * A token's user is written to kand_anvandare at its first request; an unchanged user is not written again
   * within the interval (no write per request), a changed one (a new group) at once.
   */
  @Test
  void theTableOfUsersSeenIsWrittenWhenSomethingIsNewNotOnEveryRequest() throws Exception {
    assertThat(get("/engine-rest/process-definition", OidcTestmiljo.leverantor().token("handlaggare")).statusCode())
        .isEqualTo(200);
    assertThat(register.hamta("handlaggare")).hasValueSatisfying(a -> assertThat(a.grupper())
        .containsExactly("stadsledningskontoret"));
    java.time.OffsetDateTime forr = java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z");
    jdbc.sql("update kand_anvandare set senast_sedd = :t where id = 'handlaggare'").param("t", forr).update();
    Tokenanvandare samma = register.hamta("handlaggare").orElseThrow();
    register.sett(samma);
    assertThat(register.senastSedd("handlaggare")).as("oförändrad, nyss skriven: ingen ny skrivning")
        .hasValueSatisfying(t -> assertThat(t.toInstant()).isEqualTo(forr.toInstant()));
    register.sett(new Tokenanvandare("handlaggare", null, null, null, List.of("stadsledningskontoret", "rotel-i")));
    assertThat(register.hamta("handlaggare").orElseThrow().grupper()).containsExactly("stadsledningskontoret", "rotel-i");
    assertThat(register.senastSedd("handlaggare")).hasValueSatisfying(t -> assertThat(t.toInstant())
        .isAfter(Instant.now().minusSeconds(120)));
    identityService.clearAuthentication();
    assertThat(identityService.createGroupQuery().groupMember("handlaggare").list()).extracting(g -> g.getId())
        .containsExactlyInAnyOrder("stadsledningskontoret", "rotel-i");
    register.registrera(samma);
  }

  /** The OpenAPI document tells integrators how to sign in here: a bearer token, the client credentials flow. */
  @Test
  void theOpenApiDocumentDeclaresTheBearerTokenAndTheClientCredentialsFlow() throws Exception {
    HttpResponse<String> svar = get("/api/v1/openapi", null);
    assertThat(svar.statusCode()).isEqualTo(200);
    JsonNode dokument = json.readTree(svar.body());
    JsonNode scheman = dokument.path("components").path("securitySchemes");
    assertThat(scheman.path("bearer").path("scheme").asText()).isEqualTo("bearer");
    assertThat(scheman.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(scheman.path("oauth2").path("flows").path("clientCredentials").path("tokenUrl").asText())
        .isEqualTo(OidcTestmiljo.leverantor().utfardare() + "/oauth2/token");
    assertThat(scheman.has("basic")).as("Basic är av").isFalse();
    assertThat(dokument.path("security").toString()).contains("\"bearer\"", "\"oauth2\"").doesNotContain("basic");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
