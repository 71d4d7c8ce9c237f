package se.stockholm.ks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stockholm.ks.support.OidcTestmiljo;

/**
 * {@link BehorighetIT}'s cases in the {@code oidc} profile: each role, now a client of the real provider in the
 * JVM whose token carries the role's directory group (mapped through {@code ks.oidc.gruppmappning}), sees,
 * claims and completes only its own tasks, starts, reads and withdraws only what it may, over
 * {@code /engine-rest} and {@code /api/v1} with a bearer token. No user exists in the engine's tables: the
 * identity provider answers from the tokens.
 */
@ActiveProfiles({"test", "oidc"})
class BehorighetOidcIT extends BehorighetIT {

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry r) {
    OidcTestmiljo.egenskaper(r);
  }

  @Override
  protected TestRestTemplate som(String anvandare) {
    String token = OidcTestmiljo.leverantor().token(anvandare);
    return new TestRestTemplate(new RestTemplateBuilder()
        .rootUri("http://localhost:" + port)
        .defaultHeader("Authorization", "Bearer " + token));
  }

  @org.springframework.beans.factory.annotation.Autowired
  javax.sql.DataSource dataSource;

  /** Every role has worked through its token; the engine's user and membership tables stay empty. */
  @org.junit.jupiter.api.Test
  void noUserRowNoMembershipAndNoPasswordInTheEngine() throws Exception {
    for (String anvandare : java.util.List.of("registrator", "handlaggare", "processagare", "integration")) {
      assertThat(som(anvandare).getForEntity("/engine-rest/task", String.class).getStatusCode().value())
          .as(anvandare).isIn(200, 403);
    }
    var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_MEMBERSHIP", Long.class)).isZero();
  }

  /** No one logs in to a webapp with a password: the provider's login page is the only way in. */
  @Override
  @ParameterizedTest
  @ValueSource(strings = {"registrator:tasklist:200", "handlaggare:tasklist:200", "liberalerna:tasklist:200",
      "integration:tasklist:403", "processagare:cockpit:200", "registrator:cockpit:403", "handlaggare:admin:403"})
  void eachRoleLogsInToItsWebappOnly(String fall) throws Exception {
    String[] f = fall.split(":");
    var http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    var r = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + f[1]))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + f[0] + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(fall).isEqualTo(401);
  }
}
