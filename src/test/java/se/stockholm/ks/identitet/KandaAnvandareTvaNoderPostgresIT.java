package se.stockholm.ks.identitet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.IntegrationTest;
import se.stockholm.ks.support.Nod;
import se.stockholm.ks.support.OidcLeverantor;
import se.stockholm.ks.support.OidcTestmiljo;
import se.stockholm.ks.support.PostgresTestDatabase;

/**
 * The users seen are not one node's memory: an official who works on node 1 (this test's application, with
 * her token) is found by id, name, e-mail and group on node 2 — the application in a JVM of its own
 * ({@link Nod}), started afterwards on the same PostgreSQL database, which has never seen her — as Tasklist
 * and Admin ask the engine. The table {@code kand_anvandare} holds no password.
 */
@IntegrationTest
@ActiveProfiles({"test", "oidc"})
class KandaAnvandareTvaNoderPostgresIT {

  private static PostgresTestDatabase.Database db;

  @DynamicPropertySource
  static void oidcOchPostgres(DynamicPropertyRegistry r) {
    OidcTestmiljo.egenskaper(r);
    db = PostgresTestDatabase.create();
    r.add("spring.datasource.url", db::jdbcUrl);
    r.add("spring.datasource.username", db::username);
    r.add("spring.datasource.password", db::password);
    r.add("camunda.bpm.database.type", () -> "postgres");
  }

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anOfficialSeenOnNodeOneIsFoundByNameOnNodeTwo() throws Exception {
    OidcLeverantor leverantor = OidcTestmiljo.leverantor();
    Instant nu = Instant.now();
    // an official's access token for the API, as the provider issues it after her login
    String vera = leverantor.signera(Map.of("iss", leverantor.utfardare(), "sub", "3f2a-vera",
        "aud", List.of(OidcLeverantor.MALGRUPP), "preferred_username", "vera", "given_name", "Vera",
        "family_name", "Värmlund", "email", "vera.varmlund@stad.example", "groups", List.of("KS-Registratorer"),
        "iat", nu.minusSeconds(10), "exp", nu.plusSeconds(600)));
    HttpResponse<String> pa1 = get(port, "/engine-rest/task", vera);
    assertThat(pa1.statusCode()).as(pa1.body()).isEqualTo(200);

    assertThat(jdbc.sql("select fornamn, efternamn, epost, grupper from kand_anvandare where id = 'vera'")
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single())
        .containsExactly("Vera", "Värmlund", "vera.varmlund@stad.example", "ks-kansli");
    OffsetDateTime sedd = jdbc.sql("select senast_sedd from kand_anvandare where id = 'vera'")
        .query(OffsetDateTime.class).single();
    assertThat(Duration.between(sedd.toInstant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(2));
    assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = 'kand_anvandare'")
        .query(String.class).list()).containsExactlyInAnyOrder("id", "fornamn", "efternamn", "epost", "grupper",
            "senast_sedd");

    List<String> argument = new ArrayList<>(List.of("--spring.profiles.active=test,oidc",
        "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=" + db.password(), "--camunda.bpm.database.type=postgres"));
    argument.addAll(OidcTestmiljo.argument());
    try (Nod nod2 = Nod.starta("nod2-oidc", argument.toArray(String[]::new))) {
      int port2 = nod2.vantaPaStart(Duration.ofMinutes(4));
      String administrator = leverantor.token("administrator");

      // Admin's user list and Tasklist's name of an assignee ask the engine for users
      JsonNode anvandare = json.readTree(get(port2, "/engine-rest/user?id=vera", administrator).body());
      assertThat(anvandare).as(anvandare.toString()).hasSize(1);
      assertThat(anvandare.get(0).path("firstName").asText()).isEqualTo("Vera");
      assertThat(anvandare.get(0).path("lastName").asText()).isEqualTo("Värmlund");
      assertThat(anvandare.get(0).path("email").asText()).isEqualTo("vera.varmlund@stad.example");
      JsonNode profil = json.readTree(get(port2, "/engine-rest/user/vera/profile", administrator).body());
      assertThat(profil.path("firstName").asText()).as(profil.toString()).isEqualTo("Vera");
      JsonNode efterNamn = json.readTree(get(port2, "/engine-rest/user?lastNameLike=V%25rmlund", administrator).body());
      assertThat(efterNamn.findValuesAsText("id")).containsExactly("vera");
      // Admin's search: LIKE with %, whatever the case
      JsonNode sokt = json.readTree(get(port2, "/engine-rest/user?firstNameLike=%25ver%25", administrator).body());
      assertThat(sokt.findValuesAsText("id")).containsExactly("vera");
      JsonNode grupper = json.readTree(get(port2, "/engine-rest/group?member=vera", administrator).body());
      assertThat(grupper.findValuesAsText("id")).containsExactly("ks-kansli");
      JsonNode medlemmar = json.readTree(get(port2, "/engine-rest/user?memberOfGroup=ks-kansli", administrator).body());
      assertThat(medlemmar.findValuesAsText("id")).contains("vera");
      // a user never seen is not made up
      assertThat(get(port2, "/engine-rest/user/okand/profile", administrator).statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> get(int p, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + p + path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
