package se.stockholm.ks.identitet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.IntegrationTest;
import se.stockholm.ks.support.OidcTestmiljo;

/**
 * HTTP Basic together with OpenID Connect, where the configuration explicitly allows it
 * ({@code ks.oidc.basic-tillaten=true}): the technical account listed in {@code ks.oidc.basic-anvandare}
 * (its password a bcrypt hash there) registers a skrivelse over {@code /api/v1} and reads the engine's REST
 * API with its groups; a wrong password, an account not listed and the webapps' API are refused with 401
 * problem+json; bearer tokens work as before. {@code OidcApiIT} shows the default: Basic refused everywhere.
 */
@IntegrationTest
@ActiveProfiles({"test", "oidc"})
class OidcBasicIT {

  static final String KONTO = "e-tjanst-basic";
  static final String LOSENORD = "ett-langt-losenord-for-e-tjansten";

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry r) {
    OidcTestmiljo.egenskaper(r);
    r.add("ks.oidc.basic-tillaten", () -> "true");
    r.add("ks.oidc.basic-anvandare[0].id", () -> KONTO);
    r.add("ks.oidc.basic-anvandare[0].losenord", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(LOSENORD));
    r.add("ks.oidc.basic-anvandare[0].namn", () -> "E-tjänsten (Basic)");
    r.add("ks.oidc.basic-anvandare[0].grupper[0]", () -> "integration");
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theListedAccountRegistersASkrivelseWithBasicAndTheDiariumNamesIt() throws Exception {
    HttpResponse<String> svar = skicka("POST", "/api/v1/skrivelser", basic(KONTO, LOSENORD),
        "{\"rubrik\":\"Skrivelse via Basic\",\"avsandare\":{\"namn\":\"Jan Jönsson\",\"parti\":\"L\"},"
            + "\"text\":\"Fråga om inloggning.\"}");
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(201);
    String dnr = json.readTree(svar.body()).path("diarienummer").asText();
    JsonNode handelser = json.readTree(skicka("GET", "/api/v1/arenden/" + dnr.replace(' ', '-').replace('/', '-')
        + "/handelser", basic(KONTO, LOSENORD), null).body());
    assertThat(handelser.findValuesAsText("aktor")).as(handelser.toString()).contains(KONTO);
    HttpResponse<String> instanser = skicka("GET", "/engine-rest/process-instance?businessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F"), basic(KONTO, LOSENORD), null);
    assertThat(instanser.statusCode()).as(instanser.body()).isEqualTo(200);
    assertThat(json.readTree(instanser.body())).hasSize(1);
    // bearer tokens work beside it
    assertThat(skicka("GET", "/engine-rest/process-instance", "Bearer " + OidcTestmiljo.leverantor().token("e-tjanst"),
        null).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordAnAccountNotListedAndTheWebappsApiAreRefused() throws Exception {
    for (String[] fall : new String[][] {
        {"/api/v1/arenden/KS-2025-1513", KONTO, "fel-losenord"},
        {"/engine-rest/task", KONTO, "fel-losenord"},
        {"/engine-rest/task", "admin", "demo"},
        {"/api/v1/arenden/KS-2025-1513", "rebecka", OidcTestmiljo.class.getSimpleName()},
        {"/camunda/api/engine/engine/default/task", KONTO, LOSENORD},
        {"/camunda/api/admin/auth/user/default", KONTO, LOSENORD}}) {
      HttpResponse<String> svar = skicka("GET", fall[0], basic(fall[1], fall[2]), null);
      String vad = String.join(" ", fall);
      assertThat(svar.statusCode()).as(vad + ": " + svar.body()).isEqualTo(401);
      assertThat(svar.headers().firstValue("Content-Type").orElse("")).as(vad).startsWith("application/problem+json");
      assertThat(json.readTree(svar.body()).path("title").asText()).isEqualTo("Inloggning krävs");
      if (!fall[0].startsWith("/camunda")) {
        assertThat(svar.headers().allValues("WWW-Authenticate")).as(vad).anyMatch(v -> v.startsWith("Basic"))
            .anyMatch(v -> v.startsWith("Bearer"));
      }
    }
  }

  @Test
  void theOpenApiDocumentOffersBasicBesideTheToken() throws Exception {
    HttpResponse<String> svar = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi"))
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonNode dokument = json.readTree(svar.body());
    assertThat(dokument.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
    assertThat(dokument.path("security").toString()).contains("\"bearer\"", "\"oauth2\"", "\"basic\"");
  }

  private static String basic(String namn, String losenord) {
    return "Basic " + Base64.getEncoder().encodeToString((namn + ":" + losenord).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> skicka(String metod, String path, String autentisering, String kropp) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", autentisering)
        .method(metod, kropp == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(kropp));
    if (kropp != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
