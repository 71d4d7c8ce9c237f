package se.stockholm.ks.behorighet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The rights model and the engine's doors (issue 23, part A), through {@code /engine-rest}, the
 * webapps' engine API ({@code /camunda/api/engine}, logged in with session and CSRF token as a
 * browser is) and history: variables and texts on their way, task comments, what the integration
 * may do, the allowlist, odd input, races and the login throttle.
 */
@IntegrationTest
class MotorensDorrarIT {

  @LocalServerPort
  int port;

  @Autowired
  ManagementService managementService;

  @Autowired
  Arbetsdagskalender kalender;

  private final ObjectMapper json = new ObjectMapper();
  private Api api;
  private String dnr;
  private String dnrQ;

  @BeforeEach
  void enSkrivelse() throws Exception {
    Inloggningsstrypning.glomAllt();
    api = new Api(port);
    Api.Svar r = api.postJson("integration", "/api/v1/skrivelser", json.writeValueAsString(java.util.Map.of(
        "rubrik", "Skrivelse om dörrar", "avsandare", java.util.Map.of("namn", "Jan Jönsson", "parti", "L"),
        "text", "Fråga om dörrar.")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    dnr = r.json().path("diarienummer").asText();
    dnrQ = URLEncoder.encode(dnr, StandardCharsets.UTF_8);
  }

  @AfterEach
  void klockan() {
    Inloggningsstrypning.sattKlocka(Clock.systemUTC());
    Inloggningsstrypning.glomAllt();
  }

  // --- 1. variables: texts on their way only to the group doing the task ----------------------

  @Test
  void aTjansteutlatandeOnItsWayIsReadOnlyByTheGroupWritingIt() throws Exception {
    String tu = tillTjanstutlatande();
    ok(api.postJson("handlaggare", "/engine-rest/task/" + tu + "/claim", "{\"userId\":\"handlaggare\"}"));
    ok(api.postJson("handlaggare", "/engine-rest/task/" + tu + "/submit-form", """
        {"variables":{"tjanstutlatandeText":{"value":"Hemligt utkast till svar."},
         "tjanstutlatandeDatum":{"value":"%s"}}}""".formatted(LocalDate.now())));
    // the registration job has not run: the text is a variable of the remiss instance
    String fraga = "/engine-rest/variable-instance?variableName=tjanstutlatandeText";
    assertThat(api.get("admin", fraga).json()).as("texten finns (administratören ser den)").hasSize(1);
    for (String annan : List.of("registrator", "rotel1", "liberalerna", "processagare", "integration", "handlaggare")) {
      Api.Svar s = api.get(annan, fraga);
      assertThat(s.status() == 403 || s.status() == 200 && s.json().isEmpty())
          .as(annan + " läser inte texten på väg: " + s).isTrue();
      Api.Svar alla = api.get(annan, "/engine-rest/variable-instance?variableNameLike=%25");
      assertThat(alla.status()).isIn(200, 403);
      if (alla.status() == 200) {
        alla.json().forEach(v -> assertThat(v.path("taskId").isTextual())
            .as(annan + " läser bara variabler på sina egna uppgifter: " + v).isTrue());
        alla.json().forEach(v -> assertThat(v.path("name").asText()).isNotEqualTo("tjanstutlatandeText"));
      }
      Api.Svar historik = api.get(annan, "/engine-rest/history/variable-instance?variableNameLike=%25");
      assertThat(historik.status() == 403 || historik.status() == 200 && historik.json().isEmpty())
          .as(annan + " läser ingen variabelhistorik: " + historik).isTrue();
      Api.Svar detalj = api.get(annan, "/engine-rest/history/detail");
      assertThat(detalj.status() == 403 || detalj.status() == 200 && detalj.json().isEmpty())
          .as(annan + " läser inga historiska detaljer: " + detalj).isTrue();
    }
    // the ärende page and /api/v1 show registered handlingar only: nothing on its way
    String urlDnr = dnr.replace(' ', '-').replace('/', '-');
    for (String annan : List.of("liberalerna", "processagare", "integration")) {
      assertThat(api.get(annan, "/api/v1/arenden/" + urlDnr + "/handlingar").text()).doesNotContain("Hemligt utkast");
    }
    assertThat(api.get("liberalerna", "/arenden/" + urlDnr).text()).doesNotContain("Hemligt utkast");
    Webbappsession pa = Webbappsession.logga(port, "processagare", "cockpit");
    Webbappsession kansli = Webbappsession.logga(port, "registrator", "tasklist");
    for (Webbappsession s : List.of(pa, kansli)) {
      var v = s.motor("POST", "/variable-instance", "{\"variableName\":\"tjanstutlatandeText\"}");
      assertThat(v.status() == 403 || v.status() == 200 && json.readTree(v.body()).isEmpty())
          .as("webbappens API: " + v).isTrue();
      var h = s.motor("POST", "/history/variable-instance", "{}");
      assertThat(h.status() == 403 || h.status() == 200 && json.readTree(h.body()).isEmpty())
          .as("webbappens historik: " + h).isTrue();
    }
  }

  @Test
  void anOfficialReadsTheVariablesOfItsOwnTaskAndItsListShowsTheCaseButNotOtherTasksVariables() throws Exception {
    String fordela = uppgift("registrator", "Task_FordelaArende");
    JsonNode vars = api.get("registrator", "/engine-rest/task/" + fordela + "/form-variables").json();
    assertThat(vars.path("rubrik").path("value").asText()).isEqualTo("Skrivelse om dörrar");
    for (String annan : List.of("handlaggare", "liberalerna", "rotel1")) {
      assertThat(api.get(annan, "/engine-rest/task/" + fordela + "/variables").status()).as(annan).isIn(403, 404);
      assertThat(api.get(annan, "/engine-rest/task/" + fordela + "/form-variables").status()).as(annan).isIn(403, 404);
    }
    assertThat(api.get("registrator", "/engine-rest/process-instance/" + instans() + "/variables").status())
        .as("instansens variabler bara genom uppgiften").isIn(403, 404);
    // Tasklist's list: the group's filter shows diarienummer and rubrik
    JsonNode filter = api.get("registrator", "/engine-rest/filter?resourceType=Task").json();
    String filterId = null;
    for (JsonNode f : filter) {
      if (f.path("name").asText().startsWith("KS kansli")) {
        filterId = f.path("id").asText();
      }
    }
    assertThat(filterId).isNotNull();
    Api.Svar lista = api.send("registrator", "POST", "/engine-rest/filter/" + filterId + "/list", "application/json",
        ("{\"processInstanceBusinessKey\":\"" + dnr + "\"}").getBytes(StandardCharsets.UTF_8),
        "Accept", "application/hal+json");
    assertThat(lista.status()).as(lista.toString()).isEqualTo(200);
    JsonNode variabler = lista.json().path("_embedded").path("task").get(0).path("_embedded").path("variable");
    List<String> namn = new ArrayList<>();
    variabler.forEach(v -> namn.add(v.path("name").asText() + "=" + v.path("value").asText()));
    assertThat(namn).contains("diarienummer=" + dnr, "rubrik=Skrivelse om dörrar");
  }

  // --- 2. task comments: the task's rights ------------------------------------------------------

  @Test
  void taskCommentsHaveTheTasksRights() throws Exception {
    String fordela = uppgift("registrator", "Task_FordelaArende");
    ok(api.postJson("registrator", "/engine-rest/task/" + fordela + "/comment/create", "{\"message\":\"Kansliets notering\"}"));
    assertThat(api.get("registrator", "/engine-rest/task/" + fordela + "/comment").json()).hasSize(1);
    for (String annan : List.of("handlaggare", "liberalerna", "integration")) {
      Api.Svar las = api.get(annan, "/engine-rest/task/" + fordela + "/comment");
      // integration: outside its allowlist altogether ("Din roll får inte anropa …")
      String vad = annan.equals("integration") ? "anropa" : "läsa uppgiftens kommentarer";
      nekad(annan + " läser", las.status(), las.contentType(), las.text(), vad);
      assertThat(las.text()).doesNotContain("Kansliets notering");
      Api.Svar skriv = api.postJson(annan, "/engine-rest/task/" + fordela + "/comment/create", "{\"message\":\"Intrång\"}");
      nekad(annan + " skriver", skriv.status(), skriv.contentType(), skriv.text(),
          annan.equals("integration") ? "anropa" : "kommentera uppgiften");
    }
    Webbappsession parti = Webbappsession.logga(port, "liberalerna", "tasklist");
    var las = parti.motor("GET", "/task/" + fordela + "/comment", null);
    nekad("liberalerna läser i webbappen", las.status(), las.contentType(), las.body(), "läsa uppgiftens kommentarer");
    var skriv = parti.motor("POST", "/task/" + fordela + "/comment/create", "{\"message\":\"Intrång\"}");
    nekad("liberalerna skriver i webbappen", skriv.status(), skriv.contentType(), skriv.body(), "kommentera uppgiften");
    assertThat(api.postJson("handlaggare", "/engine-rest/task/finns-inte/comment/create", "{\"message\":\"x\"}").status())
        .as("kommentar på en uppgift som inte finns").isEqualTo(404);
    Webbappsession kansli = Webbappsession.logga(port, "registrator", "tasklist");
    assertThat(kansli.motor("GET", "/task/" + fordela + "/comment", null).body()).contains("Kansliets notering");
    assertThat(api.get("admin", "/engine-rest/task/" + fordela + "/comment").json()).hasSize(1);
    assertThat(api.get("processagare", "/engine-rest/task/" + fordela + "/comment").json()).hasSize(1);
    Api.Svar agare = api.postJson("processagare", "/engine-rest/task/" + fordela + "/comment/create",
        "{\"message\":\"Ägarens notering\"}");
    // the process owner reads, works no task: writing comments is outside its allowlist
    nekad("processägaren skriver", agare.status(), agare.contentType(), agare.text(), "anropa");
    assertThat(api.get("registrator", "/engine-rest/task/" + fordela + "/comment").json()).hasSize(1);
  }

  /** A refusal of a task's comments: 403 problem+json in Swedish, no class name. */
  private static void nekad(String vem, int status, String typ, String kropp, String vad) {
    assertThat(status).as(vem + ": " + kropp).isEqualTo(403);
    assertThat(typ).as(vem).startsWith("application/problem+json");
    assertThat(kropp).as(vem).contains("får inte " + vad, "ej-behorig");
    assertThat(Motorfel.KLASSNAMN.matcher(kropp).find()).as(vem).isFalse();
  }

  // --- 3. the integration: start, read, withdraw, add handling; nothing that moves a process ---

  @Test
  void theIntegrationMovesNoProcess() throws Exception {
    String fordela = uppgift("registrator", "Task_FordelaArende");
    List<String[]> forbjudet = List.of(
        new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"anslaget\",\"businessKey\":\"" + dnr + "\"}"},
        new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"Aterkallelse\",\"businessKey\":\"" + dnr + "\"}"},
        new String[] {"POST", "/engine-rest/signal", "{\"name\":\"x\"}"},
        new String[] {"POST", "/engine-rest/condition", "{\"variables\":{}}"},
        new String[] {"POST", "/engine-rest/task/" + fordela + "/complete", "{}"},
        new String[] {"POST", "/engine-rest/task/" + fordela + "/claim", "{\"userId\":\"integration\"}"},
        new String[] {"GET", "/engine-rest/task", null},
        new String[] {"GET", "/engine-rest/job", null},
        new String[] {"POST", "/engine-rest/process-instance/" + instans() + "/modification", "{\"instructions\":[]}"},
        new String[] {"DELETE", "/engine-rest/process-instance/" + instans(), null},
        new String[] {"POST", "/engine-rest/process-instance/" + instans() + "/variables", "{\"modifications\":{}}"},
        new String[] {"POST", "/engine-rest/process-definition/key/remiss/start", "{}"},
        new String[] {"POST", "/engine-rest/deployment/create", null});
    for (String[] f : forbjudet) {
      Api.Svar s = api.send("integration", f[0], f[1], f[2] == null ? null : "application/json",
          f[2] == null ? null : f[2].getBytes(StandardCharsets.UTF_8));
      assertThat(s.status()).as(f[0] + " " + f[1] + ": " + s).isEqualTo(403);
      assertThat(s.contentType()).startsWith("application/problem+json");
    }
    assertThat(uppgift("registrator", "Task_FordelaArende")).as("uppgiften står kvar").isEqualTo(fordela);
    assertThat(api.get("integration", "/engine-rest/process-instance?businessKey=" + dnrQ).json()).hasSize(1);
    assertThat(api.get("integration", "/api/v1/arenden/" + dnr.replace(' ', '-').replace('/', '-')).status())
        .isEqualTo(200);
  }

  // --- 4. the allowlist and odd input: 4xx problem+json, never 500, never a class name ---------

  @Test
  void outsideTheAllowlistIs403AndOddInputNever500() throws Exception {
    for (String[] f : List.of(
        new String[] {"registrator", "GET", "/engine-rest/job"},
        new String[] {"registrator", "POST", "/engine-rest/deployment/create"},
        new String[] {"registrator", "POST", "/engine-rest/message"},
        new String[] {"handlaggare", "GET", "/engine-rest/authorization"},
        new String[] {"liberalerna", "GET", "/engine-rest/history/variable-instance"},
        new String[] {"processagare", "POST", "/engine-rest/task/x/claim"},
        new String[] {"processagare", "DELETE", "/engine-rest/process-instance/x"})) {
      Api.Svar s = api.send(f[0], f[1], f[2], "application/json", "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(s.status()).as(String.join(" ", f) + ": " + s).isEqualTo(403);
      assertThat(s.contentType()).startsWith("application/problem+json");
      assertThat(s.json().path("title").asText()).isEqualTo("Ej behörig");
    }
    String fordela = uppgift("registrator", "Task_FordelaArende");
    List<String[]> udda = List.of(
        new String[] {"admin", "DELETE", "/engine-rest/task/" + fordela, null},
        new String[] {"registrator", "PUT", "/engine-rest/task/" + fordela + "/localVariables/x",
            "{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}"},
        new String[] {"admin", "PUT", "/engine-rest/task/" + fordela + "/localVariables/x",
            "{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}"},
        new String[] {"registrator", "PUT", "/engine-rest/task/" + fordela + "/localVariables/f",
            "{\"value\":\"aGVq\",\"type\":\"File\"}"},
        new String[] {"admin", "PUT", "/engine-rest/task/" + fordela + "/localVariables/f",
            "{\"value\":\"aGVq\",\"type\":\"File\"}"},
        new String[] {"registrator", "GET", "/engine-rest/task/..%2F..%2Fjob", null},
        new String[] {"admin", "GET", "/engine-rest/process-definition/key/..%2Fx/xml", null},
        new String[] {"admin", "POST", "/engine-rest/condition", "{\"variables\":{}}"},
        new String[] {"admin", "POST", "/engine-rest/message", "{\"messageName\":\"finnsInte\"}"},
        new String[] {"admin", "GET", "/error", null},
        new String[] {null, "GET", "/error", null},
        new String[] {"registrator", "POST", "/engine-rest/task/" + fordela + "/submit-form",
            "{\"variables\":{\"rotel\":{\"value\":12,\"type\":\"Integer\"},\"svarsdatum\":{\"value\":[1]}}}"});
    for (String[] f : udda) {
      Api.Svar s = api.send(f[0], f[1], f[2], f[3] == null ? null : "application/json",
          f[3] == null ? null : f[3].getBytes(StandardCharsets.UTF_8));
      assertThat(s.status()).as(String.join(" ", f[0] == null ? "-" : f[0], f[1], f[2]) + ": " + s).isBetween(400, 499);
      assertThat(Motorfel.KLASSNAMN.matcher(s.text()).find()).as("klassnamn i " + s).isFalse();
      assertThat(s.contentType()).as(s.toString()).containsAnyOf("application/problem+json", "application/json");
    }
    assertThat(uppgift("registrator", "Task_FordelaArende")).as("uppgiften står kvar").isEqualTo(fordela);
  }

  // --- 6. races: 409/404, exactly one outcome ----------------------------------------------------

  @Test
  void twoCompletionsAtOnceGiveOneOutcomeAndA409Or404() throws Exception {
    String fordela = uppgift("registrator", "Task_FordelaArende");
    String body = fordelning();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Api.Svar>> svar = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      svar.add(pool.submit(() -> {
        start.await();
        return api.postJson("registrator", "/engine-rest/task/" + fordela + "/submit-form", body);
      }));
    }
    start.countDown();
    List<Integer> statusar = new ArrayList<>();
    for (Future<Api.Svar> f : svar) {
      Api.Svar s = f.get();
      statusar.add(s.status());
      if (s.status() != 204) {
        assertThat(s.contentType()).as(s.toString()).startsWith("application/problem+json");
        assertThat(s.json().path("detail").asText()).as(s.toString()).isNotBlank();
      }
    }
    pool.shutdown();
    assertThat(Collections.frequency(statusar, 204)).as(statusar.toString()).isEqualTo(1);
    assertThat(statusar).as(statusar.toString()).allMatch(s -> s == 204 || s == 409 || s == 404);
    korJobb();
    assertThat(api.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + dnrQ
        + "&taskDefinitionKey=Task_SkrivTjanstutlatande").json()).as("en remiss, inte två").hasSize(1);
    // completing it again, through both doors
    Api.Svar igen = api.postJson("registrator", "/engine-rest/task/" + fordela + "/complete", "{}");
    assertThat(igen.status()).as(igen.toString()).isEqualTo(404);
    assertThat(igen.contentType()).startsWith("application/problem+json");
    Webbappsession kansli = Webbappsession.logga(port, "registrator", "tasklist");
    var webb = kansli.motor("POST", "/task/" + fordela + "/submit-form", body);
    assertThat(webb.status()).as(webb.toString()).isEqualTo(404);
    assertThat(webb.contentType()).startsWith("application/problem+json");
  }

  @Test
  void claimingATaskSomeoneElseHasClaimedIs409InBothDoors() throws Exception {
    String fordela = uppgift("registrator", "Task_FordelaArende");
    ok(api.postJson("registrator", "/engine-rest/task/" + fordela + "/claim", "{\"userId\":\"registrator\"}"));
    Api.Svar annan = api.postJson("admin", "/engine-rest/task/" + fordela + "/claim", "{\"userId\":\"admin\"}");
    assertThat(annan.status()).as(annan.toString()).isEqualTo(409);
    assertThat(annan.json().path("title").asText()).isEqualTo("Någon annan hann före");
    assertThat(Motorfel.KLASSNAMN.matcher(annan.text()).find()).isFalse();
    Webbappsession admin = Webbappsession.logga(port, "admin", "tasklist");
    var webb = admin.motor("POST", "/task/" + fordela + "/claim", "{\"userId\":\"admin\"}");
    assertThat(webb.status()).as(webb.toString()).isEqualTo(409);
    assertThat(api.get("admin", "/engine-rest/task/" + fordela).json().path("assignee").asText()).isEqualTo("registrator");
  }

  // --- 5. login throttle per source and time, no permanent lock ----------------------------------

  @Test
  void wrongPasswordsThrottleTheSourceForAWhileButNeverLockTheAccount() throws Exception {
    Instant t0 = Instant.parse("2030-01-01T10:00:00Z");
    Inloggningsstrypning.sattKlocka(Clock.fixed(t0, ZoneOffset.UTC));
    for (int i = 0; i < Inloggningsstrypning.PER_ANVANDARE; i++) {
      assertThat(api.get("integration:fel" + i, "/api/v1/arenden").status()).isIn(401, 404);
    }
    Api.Svar sparrad = api.get("integration", "/engine-rest/process-instance?businessKey=" + dnrQ);
    assertThat(sparrad.status()).as(sparrad.toString()).isEqualTo(429);
    assertThat(sparrad.header("Retry-After")).isNotNull();
    assertThat(sparrad.contentType()).startsWith("application/problem+json");
    assertThat(api.get("registrator", "/engine-rest/task?processInstanceBusinessKey=" + dnrQ).status())
        .as("en annan användare från samma källa").isEqualTo(200);
    // the webapps' login form is throttled too (as a wrong password), per user
    for (int i = 0; i < Inloggningsstrypning.PER_ANVANDARE; i++) {
      api.get("kssekreterare:fel", "/engine-rest/version");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Webbappsession.logga(port, "kssekreterare", "tasklist"))
        .hasMessageContaining("401");
    Webbappsession.logga(port, "brbsekreterare", "tasklist");
    // far more wrong passwords than Camunda's loginMaxAttempts (10), spread over windows
    for (int fonster = 1; fonster <= 4; fonster++) {
      Inloggningsstrypning.sattKlocka(Clock.fixed(t0.plus(Duration.ofMinutes(2L * fonster)), ZoneOffset.UTC));
      for (int i = 0; i < Inloggningsstrypning.PER_ANVANDARE; i++) {
        api.get("integration:fel", "/engine-rest/version");
      }
    }
    Inloggningsstrypning.sattKlocka(Clock.fixed(t0.plus(Duration.ofMinutes(20)), ZoneOffset.UTC));
    assertThat(api.get("integration", "/engine-rest/process-instance?businessKey=" + dnrQ).status())
        .as("kontot är inte låst efter fönstret").isEqualTo(200);
    assertThat(api.get("admin", "/engine-rest/user/integration/profile").status()).isEqualTo(200);
    Webbappsession.logga(port, "kssekreterare", "tasklist");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private String tillTjanstutlatande() throws Exception {
    String fordela = uppgift("registrator", "Task_FordelaArende");
    ok(api.postJson("registrator", "/engine-rest/task/" + fordela + "/claim", "{\"userId\":\"registrator\"}"));
    ok(api.postJson("registrator", "/engine-rest/task/" + fordela + "/submit-form", fordelning()));
    korJobb();
    return uppgift("handlaggare", "Task_SkrivTjanstutlatande");
  }

  private String fordelning() {
    return """
        {"variables":{"rotel":{"value":"rotel-i"},
          "remissinstanser":{"value":"[\\"stadsledningskontoret\\"]","type":"Json"},
          "svarsdatum":{"value":"%s"}}}""".formatted(kalender.laggTillArbetsdagar(LocalDate.now(), 15));
  }

  private String instans() {
    return api.get("admin", "/engine-rest/process-instance?businessKey=" + dnrQ).json().get(0).path("id").asText();
  }

  private String uppgift(String anvandare, String aktivitet) {
    JsonNode list = api.get(anvandare, "/engine-rest/task?processInstanceBusinessKey=" + dnrQ
        + "&taskDefinitionKey=" + aktivitet).json();
    assertThat(list).as(anvandare + " ser " + aktivitet).hasSize(1);
    return list.get(0).path("id").asText();
  }

  private void ok(Api.Svar s) {
    assertThat(s.status()).as(s.toString()).isBetween(200, 299);
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
}
