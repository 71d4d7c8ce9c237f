package se.stockholm.ks.identitet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.stockholm.ks.support.IntegrationTest;
import se.stockholm.ks.support.OidcTestmiljo;

/**
 * In the {@code oidc} profile nothing answers without signing in but the addresses listed in
 * {@link OidcSakerhetConfig#OPPNA} (and {@code /logga-ut}; {@code /error} is open but only ever shows an error): every Spring MVC mapping of the application (read
 * from the running application, so a new endpoint is covered the day it is added), the engine REST API, the
 * webapps and their API are asked without credentials, each with its methods. An open one answers; every
 * other one answers 401, 403, 404 or a redirect to the login, never content.
 */
@IntegrationTest
@ActiveProfiles({"test", "oidc"})
class OidcOppnaAdresserIT {

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry r) {
    OidcTestmiljo.egenskaper(r);
  }

  /** What answers without signing in (README, "Inloggning med stadens konton (OIDC)"). */
  static final Set<String> OPPNA = Set.of("GET /actuator/health", "GET /actuator/health/liveness",
      "GET /actuator/health/readiness", "GET /actuator/info", "GET /oauth2/authorization/ks", "GET /login",
      "GET /utloggad", "GET /logga-ut", "GET /api/v1/openapi", "GET /api/v1/dokumentation",
      "GET /api/v1/swagger-ui/index.html", "GET /e-diarium", "GET /api/v1/publikt/diarium", "GET /anslagstavla");

  @LocalServerPort
  int port;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mvc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final org.springframework.util.AntPathMatcher monster = new org.springframework.util.AntPathMatcher();

  @Test
  void onlyTheListedAddressesAnswerWithoutSigningIn() throws Exception {
    Set<String> fragor = new TreeSet<>(OPPNA);
    for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
      Set<RequestMethod> metoder = info.getMethodsCondition().getMethods();
      for (String monster : info.getPatternValues()) {
        String path = monster.replaceAll("\\{[^}]+}", "KS-2025-1513").replace("/**", "/x");
        for (RequestMethod m : metoder.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : metoder) {
          fragor.add(m.name() + " " + path);
        }
      }
    }
    fragor.addAll(List.of("GET /", "GET /index.html", "GET /error",
        "GET /engine-rest/engine", "GET /engine-rest/task", "GET /engine-rest/process-definition",
        "POST /engine-rest/process-definition/key/skrivelse/start", "GET /engine-rest/user",
        "GET /engine-rest/authorization", "GET /engine-rest/history/process-instance", "GET /engine-rest/deployment",
        "GET /camunda/app/", "GET /camunda/app/tasklist/default/", "GET /camunda/app/cockpit/default/",
        "GET /camunda/app/admin/default/", "GET /camunda/app/welcome/default/",
        "GET /camunda/app/tasklist/styles/user-styles.css", "GET /camunda/api/admin/auth/user/default",
        "POST /camunda/api/admin/auth/user/default/login/tasklist", "GET /camunda/api/engine/engine/",
        "GET /camunda/api/engine/engine/default/task", "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "GET /actuator", "GET /actuator/env", "GET /actuator/beans", "GET /meddelanden", "GET /arenden/KS-2025-1513",
        "POST /logout", "GET /anslagstavla/kommunstyrelsen/2026-03-18/anslagsbevis.pdf", "GET /api/v1/publikt/x",
        "GET /e-diarium/x"));

    List<String> oppnaSomInteSvarar = new ArrayList<>();
    List<String> svararUtanInloggning = new ArrayList<>();
    for (String fraga : fragor) {
      String[] f = fraga.split(" ", 2);
      HttpResponse<String> svar = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + f[1]))
          .header("Accept", "text/html,application/json")
          .method(f[0], f[0].equals("GET") ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString("{}"))
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      int s = svar.statusCode();
      String plats = svar.headers().firstValue("Location").orElse("");
      // 404: nothing there to answer with
      boolean stangd = s == 401 || s == 403 || s == 404
          || (s == 302 && plats.endsWith("/oauth2/authorization/ks"));
      boolean fartVaraOppen = f[0].equals("GET") && (f[1].equals("/logga-ut")
          || OidcSakerhetConfig.OPPNA.stream().anyMatch(m -> monster.match(m, f[1])));
      if (OPPNA.contains(fraga)) {
        if (s >= 400 && s != 503) {
          oppnaSomInteSvarar.add(fraga + " → " + s);
        }
      } else if (!stangd && !fartVaraOppen) {
        svararUtanInloggning.add(fraga + " → " + s + " " + plats);
      }
    }
    assertThat(svararUtanInloggning).as("svarar utan inloggning (av " + fragor.size() + " frågor)").isEmpty();
    assertThat(oppnaSomInteSvarar).as("öppna adresser").isEmpty();
    assertThat(fragor.size()).as("frågor").isGreaterThan(40);
  }
}
