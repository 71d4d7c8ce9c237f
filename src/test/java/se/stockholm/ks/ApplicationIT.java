package se.stockholm.ks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.stockholm.ks.support.IntegrationTest;

/** The application boots on H2: engine REST needs a login, webapps and health answer. */
@IntegrationTest
class ApplicationIT {

  @Autowired
  TestRestTemplate rest;

  @Test
  void engineRestWithoutCredentialsAnswers401WithChallenge() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void engineRestWithDemoUserAnswers200() {
    ResponseEntity<String> response =
        rest.withBasicAuth("registrator", "demo").getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void engineRestWithWrongPasswordAnswers401() {
    ResponseEntity<String> response =
        rest.withBasicAuth("registrator", "fel").getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void healthIsUpWithDatabaseAndEngine() {
    ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"status\":\"UP\"");
  }

  @Test
  void tasklistIsServed() {
    ResponseEntity<String> response =
        rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
