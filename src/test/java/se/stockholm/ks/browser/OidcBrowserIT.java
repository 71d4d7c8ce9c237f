package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Officials sign in through the city's provider, in headless Chromium, in the {@code oidc} profile: the
 * registrator ({@code rebecka}, directory group KS-Registratorer) opens Tasklist, is sent to the provider's login
 * page, signs in there, comes back to Tasklist with her group's filters and the new case's task, claims and
 * completes it; the diarium and the engine name her. Logout ends her session at the provider too (the login
 * page is shown again), from Tasklist and from Cockpit, Admin and Welcome. An official without a mapped group gets a Swedish page saying so. Screenshots go to
 * {@code target/screenshots/oidc/}.
 */
@IntegrationTest
@ActiveProfiles({"test", "oidc"})
@KraverChromium
class OidcBrowserIT {

  private static final Path BILDER = Path.of("target", "screenshots", "oidc");

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry r) {
    OidcTestmiljo.egenskaper(r);
  }

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;

  private final ObjectMapper json = new ObjectMapper();
  private Webblasare b;
  private Tasklist tasklist;
  private String bas;
  private int bildnummer;

  @BeforeEach
  void start() throws Exception {
    bas = "http://localhost:" + port;
    OidcTestmiljo.leverantor().tillatInloggning(bas);
    b = new Webblasare(BILDER, 1400, 1000);
    tasklist = new Tasklist(b, bas);
  }

  @AfterEach
  void stang() throws Exception {
    if (b != null) {
      b.close();
    }
  }

  @Test
  void theRegistratorSignsInAtTheProviderCompletesHerTaskAndSignsOutEverywhere() throws Exception {
    try {
      String dnr = enSkrivelseFranEtjansten();

      b.oppna(tasklist.adress());
      loggaInHosLeverantoren("rebecka");
      tasklist.listanLaddad();
      assertThat(b.driver().getCurrentUrl()).startsWith(bas + "/camunda/app/tasklist/");
      assertThat(tasklist.filter()).contains("KS kansli (registrator): uppgifter", "Mina uppgifter");
      b.vanta().until(d -> d.findElement(By.cssSelector("body")).getText().contains("Rebecka Testsson"));
      bild("rebecka-inloggad");

      Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Fördela ärendet");
      String id = tasklist.oppna(kort);
      tasklist.taUppgift();
      WebElement f = tasklist.formular();
      klickaEtikett(f, "Rotel I – Karin Wanngård (S)");
      bild("rebecka-fordelar");
      tasklist.slutfor(id);

      identityService.clearAuthentication();
      assertThat(historyService.createHistoricTaskInstanceQuery().taskId(id).singleResult().getAssignee())
          .isEqualTo("rebecka");
      // the engine knows her from the table of users seen (written at her login), not from this node's memory
      org.camunda.bpm.engine.identity.User rebecka = identityService.createUserQuery().userId("rebecka").singleResult();
      assertThat(rebecka.getFirstName() + " " + rebecka.getLastName()).isEqualTo("Rebecka Testsson");
      assertThat(identityService.createGroupQuery().groupMember("rebecka").list()).extracting(g -> g.getId())
          .containsExactly("ks-kansli");
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey("Task_FordelaArende")
          .count()).isZero();
      JsonNode handelser = json.readTree(api("/api/v1/arenden/" + dnr.replace(' ', '-').replace('/', '-') + "/handelser"));
      assertThat(handelser.findValuesAsText("aktor")).as(handelser.toString()).contains("e-tjanst", "rebecka");

      // the ärende page and the API's documents open with the session (reading only)
      String urlDnr = dnr.replace(' ', '-').replace('/', '-');
      b.oppna(bas + "/arenden/" + urlDnr);
      assertThat(b.driver().findElement(By.tagName("body")).getText()).contains(dnr, "Skrivelse om inloggning");
      b.oppna(bas + "/api/v1/arenden/" + urlDnr);
      assertThat(b.driver().findElement(By.tagName("body")).getText()).contains(dnr);
      bild("arendesidan");

      // Tasklist's own "Logga ut" (the menu under her name) goes on to /logga-ut: RP-initiated logout
      b.oppna(tasklist.adress());
      tasklist.listanLaddad();
      b.klicka(b.driver().findElement(By.cssSelector("[cam-widget-header] li.account > a, [cam-widget-header] .account .dropdown-toggle")));
      b.klicka(b.vanta().until(d -> d.findElements(By.cssSelector("[cam-widget-header] li.logout a")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null)));
      b.vanta().until(d -> d.getCurrentUrl().startsWith(bas + "/utloggad"));
      assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Du är utloggad");
      bild("utloggad");
      b.oppna(tasklist.adress());
      b.vanta().until(d -> d.getCurrentUrl().startsWith(OidcTestmiljo.leverantor().utfardare() + "/login"));
      assertThat(b.synliga(By.id("username"))).as("inloggningen hos leverantören är också slut").hasSize(1);
    } catch (Throwable t) {
      System.out.println("FEL vid " + b.driver().getCurrentUrl());
      b.sparaSidan("FEL-" + String.format("%02d", ++bildnummer));
      throw t;
    }
  }

  /**
   * "Logga ut" in Cockpit, Admin and Welcome ends the session at the provider too, as in Tasklist: the
   * administrator ({@code ada}, camunda-admin) signs in through the app, signs out in its menu, lands on
   * {@code /utloggad}, and Tasklist then asks the provider's login page again.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void signingOutOfEachWebappEndsTheSessionAtTheProvider(String app) throws Exception {
    try {
      b.oppna(bas + "/camunda/app/" + app + "/default/");
      loggaInHosLeverantoren("ada");
      assertThat(b.driver().getCurrentUrl()).startsWith(bas + "/camunda/app/" + app + "/");
      WebElement konto = b.vanta().until(d -> d.findElements(By.cssSelector(
          "[cam-widget-header] li.account > a, [cam-widget-header] .account .dropdown-toggle")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null));
      // the app has loaded the custom script (it asked /inloggning/satt) before "Logga ut" is used
      b.vanta().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
          "return performance.getEntriesByType('resource').some(function (e) { return e.name.indexOf('/inloggning/satt') >= 0; })")));
      Thread.sleep(500);
      bild(app + "-inloggad");
      b.klicka(konto);
      b.klicka(b.vanta().until(d -> d.findElements(By.cssSelector("[cam-widget-header] li.logout a")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null)));
      b.vanta().until(d -> d.getCurrentUrl().startsWith(bas + "/utloggad"));
      assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Du är utloggad");
      b.oppna(tasklist.adress());
      b.vanta().until(d -> d.getCurrentUrl().startsWith(OidcTestmiljo.leverantor().utfardare() + "/login"));
      assertThat(b.synliga(By.id("username"))).as("inloggningen hos leverantören är också slut").hasSize(1);
      bild(app + "-utloggad-hos-leverantoren");
    } catch (Throwable t) {
      System.out.println("FEL vid " + b.driver().getCurrentUrl());
      b.sparaSidan("FEL-" + app + "-" + String.format("%02d", ++bildnummer));
      throw t;
    }
  }

  @Test
  void anOfficialWithoutAMappedGroupGetsASwedishPageNotTasklist() throws Exception {
    b.oppna(tasklist.adress());
    loggaInHosLeverantoren("utan-roll");
    b.vanta().until(d -> !d.findElements(By.tagName("h1")).isEmpty());
    assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Du saknar behörighet");
    assertThat(b.driver().findElement(By.tagName("body")).getText())
        .contains("Du är inloggad som utan-roll", "ingen roll i skrivelseprocessen");
    bild("utan-roll");
    for (String sida : List.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/")) {
      b.oppna(bas + sida);
      assertThat(b.driver().findElement(By.tagName("h1")).getText()).as(sida).isEqualTo("Du saknar behörighet");
    }
  }

  private void loggaInHosLeverantoren(String anvandare) {
    String leverantor = OidcTestmiljo.leverantor().utfardare();
    b.vanta().until(d -> d.getCurrentUrl().startsWith(leverantor + "/login") && !b.synliga(By.id("username")).isEmpty());
    b.skrivIn(By.id("username"), anvandare);
    b.skrivIn(By.id("password"), OidcLeverantor.LOSENORD);
    b.klicka(b.driver().findElement(By.cssSelector("button[type='submit']")));
    b.vanta().until(d -> d.getCurrentUrl().startsWith(bas));
  }

  private String enSkrivelseFranEtjansten() throws Exception {
    HttpResponse<String> svar = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bas + "/api/v1/skrivelser"))
        .header("Authorization", "Bearer " + OidcTestmiljo.leverantor().token("e-tjanst"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"rubrik\":\"Skrivelse om inloggning\",\"avsandare\":{\"namn\":"
            + "\"Jan Jönsson\",\"parti\":\"L\"},\"text\":\"Fråga om inloggning.\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(svar.statusCode()).as(svar.body()).isEqualTo(201);
    return json.readTree(svar.body()).path("diarienummer").asText();
  }

  private String api(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bas + path))
        .header("Authorization", "Bearer " + OidcTestmiljo.leverantor().token("e-tjanst")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private void klickaEtikett(WebElement formular, String etikett) {
    b.vanta().until(d -> formular.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .filter(l -> l.getText().trim().equals(etikett) && l.isDisplayed()).findFirst().map(l -> {
          b.klicka(l);
          return l;
        }).orElse(null));
  }

  private void bild(String namn) throws Exception {
    b.bild(String.format("%02d-%s", ++bildnummer, namn));
  }
}
