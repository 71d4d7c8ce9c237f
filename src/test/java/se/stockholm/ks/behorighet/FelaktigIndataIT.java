package se.stockholm.ks.behorighet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The bad-input run: several hundred requests against {@code /engine-rest}, the webapps' engine API
 * ({@code /camunda/api/engine}), {@code /api/v1} and the ärende pages, with wrong types, deep JSON,
 * broken JSON, path tricks, every method on every path and races. None may answer 5xx or name a
 * Java class. Every failing request is listed, not just the first.
 */
@IntegrationTest
class FelaktigIndataIT {

  @LocalServerPort
  int port;

  private final ObjectMapper json = new ObjectMapper();

  private static final List<String> METODER = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private static final List<String> KROPPAR = List.of(
      "{}",
      "inte json",
      "{\"variables\":{\"x\":{\"value\":{\"a\":1},\"type\":\"Integer\"}}}",
      "[".repeat(3000) + "]".repeat(3000),
      "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
      "{\"maxResults\":\"många\",\"firstResult\":-1,\"sorting\":\"x\"}",
      "{\"variables\":{\"f\":{\"value\":\"aGVq\",\"type\":\"File\"}}}",
      "{\"variables\":{\"o\":{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
          + "\"java.util.ArrayList\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}",
      "{\"userId\":12345678901234567890,\"messageName\":null,\"processInstanceBusinessKey\":[1,2]}",
      "null",
      "{\"rubrik\":\"\\u0000\",\"avsandare\":{\"namn\":[]},\"text\":{}}",
      "{\"variables\":{\"rubrik\":{\"value\":\"x\",\"type\":\"Date\"},\"inkom\":{\"value\":\"igår\"}}}");

  @Test
  void noRequestOfTheRunGets5xxOrAClassName() throws Exception {
    Api api = new Api(port);
    Api.Svar skrivelse = api.postJson("integration", "/api/v1/skrivelser", json.writeValueAsString(Map.of(
        "rubrik", "Skrivelse för felkörningen", "avsandare", Map.of("namn", "Eva Ek", "parti", "S"), "text", "Text.")));
    assertThat(skrivelse.status()).as(skrivelse.toString()).isEqualTo(201);
    String dnr = skrivelse.json().path("diarienummer").asText();
    String urlDnr = dnr.replace(' ', '-').replace('/', '-');
    String task = api.get("registrator", "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(dnr, StandardCharsets.UTF_8)).json().get(0).path("id").asText();
    String pi = api.get("admin", "/engine-rest/process-instance?businessKey="
        + URLEncoder.encode(dnr, StandardCharsets.UTF_8)).json().get(0).path("id").asText();

    List<String> motor = List.of("/task", "/task/count", "/task/T", "/task/T/claim", "/task/T/unclaim",
        "/task/T/complete", "/task/T/submit-form", "/task/T/form-variables", "/task/T/variables",
        "/task/T/localVariables/x", "/task/T/localVariables/x/data", "/task/T/comment/create", "/task/T/identity-links",
        "/task/finns-inte/complete", "/process-instance", "/process-instance/P", "/process-instance/P/variables",
        "/process-definition/key/skrivelse/start", "/process-definition/key/skrivelse/form-variables",
        "/process-definition/key/finns-inte/start", "/filter", "/history/task", "/history/variable-instance",
        "/variable-instance", "/message", "/condition", "/signal", "/job", "/deployment/create", "/external-task/fetchAndLock",
        "/task/..%2F..%2Fjob", "/task/%2e%2e/job", "/task;jsessionid=1", "//task", "/task/T%00", "/task/%25",
        "/process-definition/key/..%2Fskrivelse/start");
    List<String> fel = new ArrayList<>();
    int antal = 0;
    int i = 0;
    for (String mall : motor) {
      String p = mall.replace("/T", "/" + task).replace("/P", "/" + pi);
      for (String metod : METODER) {
        String kropp = metod.equals("GET") ? null : KROPPAR.get(i++ % KROPPAR.size());
        String anvandare = i % 3 == 0 ? "admin" : i % 3 == 1 ? "registrator" : "processagare";
        kontrollera(fel, metod + " /engine-rest" + p + " som " + anvandare,
            api.send(anvandare, metod, "/engine-rest" + p, kropp == null ? null : "application/json",
                kropp == null ? null : kropp.getBytes(StandardCharsets.UTF_8)));
        antal++;
      }
    }
    Webbappsession webb = Webbappsession.logga(port, "registrator", "tasklist");
    for (String mall : motor) {
      String p = mall.replace("/T", "/" + task).replace("/P", "/" + pi);
      for (String metod : List.of("GET", "POST", "PUT")) {
        String kropp = metod.equals("GET") ? null : KROPPAR.get(i++ % KROPPAR.size());
        Webbappsession.Svar s = webb.motor(metod, p, kropp);
        kontrollera(fel, metod + " /camunda/api/engine/engine/default" + p, s.status(), s.body());
        antal++;
      }
    }
    List<String> api1 = List.of("/api/v1/skrivelser", "/api/v1/skrivelser/med-fil", "/api/v1/arenden",
        "/api/v1/arenden/D", "/api/v1/arenden/KS-9999-99999", "/api/v1/arenden/inte-ett-nummer",
        "/api/v1/arenden/D/handlingar", "/api/v1/arenden/D/handlingar/1", "/api/v1/arenden/D/handlingar/abc",
        "/api/v1/arenden/D/handlingar/99999999999999999999", "/api/v1/arenden/D/aterkallelse",
        "/api/v1/arenden/..%2F..%2Fengine-rest", "/api/v1/arenden/%00", "/api/v1/arenden/D;x=1");
    for (String mall : api1) {
      String p = mall.replace("/D", "/" + urlDnr);
      for (String metod : METODER) {
        String kropp = metod.equals("GET") ? null : KROPPAR.get(i++ % KROPPAR.size());
        String anvandare = i % 2 == 0 ? "processagare" : "rotel1";
        kontrollera(fel, metod + " " + p + " som " + anvandare, api.send(anvandare, metod, p,
            kropp == null ? null : "application/json", kropp == null ? null : kropp.getBytes(StandardCharsets.UTF_8)));
        antal++;
      }
    }
    for (String p : List.of("/arenden/" + urlDnr, "/arenden/KS-0-0", "/arenden/%3Cscript%3E", "/arenden/..%2F..%2Fengine-rest",
        "/arenden/" + urlDnr + "/handlingar/1", "/arenden/" + urlDnr + "/handlingar/x", "/arenden/%00", "/error",
        "/error/x", "/camunda/api/engine/engine/finns-inte/task", "/engine-rest/engine/finns-inte/task")) {
      for (String metod : List.of("GET", "POST", "DELETE")) {
        kontrollera(fel, metod + " " + p, api.send("registrator", metod, p, null, null));
        antal++;
      }
    }
    // races: claims and completions of one task at once, in both doors
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object[]>> lopp = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      int n = k;
      lopp.add(pool.submit(() -> {
        start.await();
        if (n % 2 == 0) {
          Api.Svar s = api.postJson(n % 4 == 0 ? "admin" : "registrator", "/engine-rest/task/" + task + "/claim",
              "{\"userId\":\"" + (n % 4 == 0 ? "admin" : "registrator") + "\"}");
          return new Object[] {"POST claim " + n, s.status(), s.text()};
        }
        Webbappsession.Svar s = webb.motor("POST", "/task/" + task + "/complete", "{}");
        return new Object[] {"POST complete (webbapp) " + n, s.status(), s.body()};
      }));
    }
    start.countDown();
    for (Future<Object[]> f : lopp) {
      Object[] r = f.get();
      kontrollera(fel, (String) r[0], (Integer) r[1], (String) r[2]);
      antal++;
    }
    pool.shutdown();
    assertThat(antal).isGreaterThanOrEqualTo(150);
    assertThat(fel).as(antal + " anrop; dessa gick fel:\n" + String.join("\n", fel)).isEmpty();
  }

  private static void kontrollera(List<String> fel, String anrop, Api.Svar s) {
    kontrollera(fel, anrop, s.status(), s.text());
  }

  private static void kontrollera(List<String> fel, String anrop, int status, String kropp) {
    if (status >= 500) {
      fel.add(anrop + " → " + status + " " + kort(kropp));
    } else if (Motorfel.KLASSNAMN.matcher(kropp).find()) {
      fel.add(anrop + " → " + status + " med klassnamn: " + kort(kropp));
    }
  }

  private static String kort(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
