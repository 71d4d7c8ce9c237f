package se.stockholm.ks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.IntegrationTest;

/**
 * What each role may and may not do, over REST as the role's user: see, claim and complete tasks
 * (only its own group's), start, read and withdraw cases, and which webapp it may log in to.
 */
@IntegrationTest
class BehorighetIT {

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ManagementService managementService;

  @Autowired
  se.stockholm.ks.kalender.Arbetsdagskalender kalender;

  @org.springframework.boot.test.web.server.LocalServerPort
  int port;

  private final ObjectMapper json = new ObjectMapper();
  private String dnr;
  private String urlDnr;

  @BeforeEach
  void enSkrivelseVantarPaFordelning() throws Exception {
    ResponseEntity<String> r = post("integration", "/api/v1/skrivelser",
        Map.of("rubrik", "Skrivelse om behörigheter", "avsandare", Map.of("namn", "Jan Jönsson", "parti", "L"),
            "text", "Fråga om behörigheter."));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    dnr = json.readTree(r.getBody()).path("diarienummer").asText();
    urlDnr = dnr.replace(' ', '-').replace('/', '-');
  }

  @ParameterizedTest
  @ValueSource(strings = {"handlaggare", "rotel1", "brbsekreterare", "kssekreterare", "liberalerna", "integration"})
  void otherRolesNeitherSeeNorClaimNorCompleteTheKanslisTask(String anvandare) throws Exception {
    String taskId = uppgift("registrator", "Task_FordelaArende");
    assertThat(uppgifter(anvandare)).as(anvandare + " ser inte kansliets uppgift").isEmpty();
    assertThat(post(anvandare, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", anvandare)).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(post(anvandare, "/engine-rest/task/" + taskId + "/submit-form", fordelning()).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(uppgift("registrator", "Task_FordelaArende")).isEqualTo(taskId);
  }

  @Test
  void theKansliSeesClaimsAndCompletesItsTaskAndTheNextGoesToStadsledningskontoretOnly() throws Exception {
    String taskId = uppgift("registrator", "Task_FordelaArende");
    assertThat(post("registrator", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "registrator"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("registrator", "/engine-rest/task/" + taskId + "/submit-form", fordelning()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    korJobb();
    String tu = uppgift("handlaggare", "Task_SkrivTjanstutlatande");
    for (String annan : List.of("registrator", "rotel1", "integration", "liberalerna")) {
      assertThat(uppgifter(annan)).as(annan).isEmpty();
      assertThat(post(annan, "/engine-rest/task/" + tu + "/claim", Map.of("userId", annan)).getStatusCode())
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void theIntegrationStartsReadsAndWithdrawsButTheProcessOwnerOnlyReads() {
    assertThat(get("integration", "/api/v1/arenden/" + urlDnr).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("processagare", "/api/v1/arenden/" + urlDnr).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post("processagare", "/api/v1/arenden/" + urlDnr + "/aterkallelse", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("processagare", "/api/v1/skrivelser", Map.of("rubrik", "x", "avsandare", Map.of("namn", "x"),
        "text", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("rotel1", "/api/v1/skrivelser", Map.of("rubrik", "x", "avsandare", Map.of("namn", "x"),
        "text", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("integration", "/api/v1/arenden/" + urlDnr + "/aterkallelse", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theProcessOwnerSeesTheCaseInTheEngineButChangesNothing() throws Exception {
    JsonNode instanser = json.readTree(get("processagare",
        "/engine-rest/process-instance?businessKey=" + dnr.replace(" ", "%20").replace("/", "%2F")).getBody());
    assertThat(instanser).hasSize(1);
    String id = instanser.get(0).path("id").asText();
    assertThat(uppgifter("processagare")).as("läser uppgifterna i Cockpit").hasSize(1);
    String taskId = uppgift("registrator", "Task_FordelaArende");
    assertThat(post("processagare", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "processagare"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(som("processagare").exchange("/engine-rest/process-instance/" + id,
        HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("processagare", "/engine-rest/process-instance/" + id + "/variables",
        Map.of("modifications", Map.of("rubrik", Map.of("value", "ändrad")))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"registrator:tasklist:200", "handlaggare:tasklist:200", "liberalerna:tasklist:200",
      "integration:tasklist:403", "processagare:cockpit:200", "registrator:cockpit:403", "handlaggare:admin:403"})
  void eachRoleLogsInToItsWebappOnly(String fall) throws Exception {
    String[] f = fall.split(":");
    var cookies = new java.net.CookieManager();
    var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String bas = "http://localhost:" + port;
    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(bas + "/camunda/app/tasklist/default/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    var r = http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(bas + "/camunda/api/admin/auth/user/default/login/" + f[1]))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + f[0] + "&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(fall + ": " + r.body()).isEqualTo(Integer.parseInt(f[2]));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Map<String, Object> fordelning() {
    return Map.of("variables", Map.of(
        "rotel", Map.of("value", "rotel-i"),
        "remissinstanser", Map.of("value", "[\"stadsledningskontoret\"]", "type", "Json"),
        "svarsdatum", Map.of("value", kalender.laggTillArbetsdagar(java.time.LocalDate.now(), 15).toString())));
  }

  private String uppgift(String anvandare, String aktivitet) throws Exception {
    JsonNode list = json.readTree(get(anvandare, "/engine-rest/task?processInstanceBusinessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F") + "&taskDefinitionKey=" + aktivitet).getBody());
    assertThat(list).as(anvandare + " ser " + aktivitet).hasSize(1);
    return list.get(0).path("id").asText();
  }

  /** The user's tasks in the case; none when the user may not ask for tasks at all (403, integration). */
  private JsonNode uppgifter(String anvandare) throws Exception {
    ResponseEntity<String> r = get(anvandare, "/engine-rest/task?processInstanceBusinessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F"));
    if (r.getStatusCode() == HttpStatus.FORBIDDEN) {
      return json.createArrayNode();
    }
    return json.readTree(r.getBody());
  }

  private void korJobb() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      jobb.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  /**
   * @param anvandare a demo user
   * @return requests as that user: HTTP Basic with the demo password (BehorighetOidcIT: a bearer token)
   */
  protected TestRestTemplate som(String anvandare) {
    return rest.withBasicAuth(anvandare, "demo");
  }

  private ResponseEntity<String> get(String anvandare, String path) {
    return som(anvandare).getForEntity(java.net.URI.create(path), String.class);
  }

  private ResponseEntity<String> post(String anvandare, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return som(anvandare).exchange(java.net.URI.create(path), HttpMethod.POST,
        new HttpEntity<>(json(body), headers), String.class);
  }

  private String json(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
