package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Admin and the application's own pages in a browser set to English (US): Admin is Swedish (the
 * users, groups and authorizations pages, the city's name in the header), and every date field of
 * the pages (the officials' search, the e-diarium, the bevakning) is a ÅÅÅÅ-MM-DD field with a
 * Swedish message for a bad date, in the browser and from the server (400 in the form, not an error
 * page); dates shown are ÅÅÅÅ-MM-DD; the embedded forms' date fields are ÅÅÅÅ-MM-DD (not the browser's
 * mm/dd/yyyy) with their Swedish message for a bad date, and their file fields say "Välj fil …" and the
 * chosen file's name in Swedish, not the browser's "Choose File". Screenshots in
 * {@code target/screenshots/svenska-i-engelsk/}.
 */
@IntegrationTest
@KraverChromium
class SvenskaIEngelskWebblasareBrowserIT {

  private static final Path BILDER = Path.of("target", "screenshots", "svenska-i-engelsk");
  private static final By ANVANDARNAMN = By.cssSelector("input[ng-model='username']");
  private static final By LOSENORD = By.cssSelector("input[ng-model='password']");
  private static final Pattern AMERIKANSKT_DATUM = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
  private static final String MEDDELANDE = "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-31.";

  @LocalServerPort
  int port;

  private Webblasare b;

  @BeforeEach
  void startaWebblasaren() throws Exception {
    b = new Webblasare(BILDER, 1400, 1000, true);
  }

  @AfterEach
  void stangWebblasaren() throws Exception {
    if (b != null) {
      b.close();
    }
  }

  @Test
  void adminIsSwedishInAnEnglishBrowser() throws Exception {
    try {
      String admin = "http://localhost:" + port + "/camunda/app/admin/default/";
      b.oppna(admin);
      b.vanta().until(d -> b.synliga(ANVANDARNAMN).size() == 1 && b.synliga(LOSENORD).size() == 1);
      assertThat(b.<String>js("return navigator.language;")).as("the browser is English").startsWith("en");
      WebElement knapp = b.driver().findElement(By.cssSelector("form button[type='submit']"));
      assertThat(knapp.getText().trim()).isEqualTo("Logga in");
      b.bild("admin-01-inloggning");
      b.vanta().until(d -> {
        b.skrivIn(ANVANDARNAMN, "admin");
        b.skrivIn(LOSENORD, Api.LOSENORD);
        return "admin".equals(d.findElement(ANVANDARNAMN).getAttribute("value"));
      });
      b.klicka(knapp);
      b.vanta().until(ExpectedConditions.invisibilityOfElementLocated(ANVANDARNAMN));

      b.oppna(admin + "#/users");
      b.vanta().until(d -> !b.synliga(By.cssSelector("table tbody tr")).isEmpty());
      String sida = text();
      assertThat(sida).contains("Användare", "Grupper", "Behörigheter", "Lägg till användare", "Förnamn", "Efternamn",
          "Åtgärd", "Ändra").doesNotContain("Users", "Groups", "Authorizations", "First Name", "Add user", "Edit",
          "migrate to Camunda 8");
      assertThat(b.driver().getTitle()).contains("Stockholms stad – Kommunstyrelsen");
      assertThat(b.synliga(By.cssSelector(".ce-eol-banner"))).isEmpty();
      b.bild("admin-02-anvandare");

      b.oppna(admin + "#/groups");
      b.vanta().until(d -> text().contains("Skapa ny grupp") && !b.synliga(By.cssSelector("table tbody tr")).isEmpty());
      assertThat(text()).contains("Grupper", "Namn", "Typ").doesNotContain("Create New Group", "List of Groups");
      b.bild("admin-03-grupper");

      b.oppna(admin + "#/authorization?resource=0");
      b.vanta().until(d -> text().contains("Skapa ny behörighet"));
      assertThat(text()).contains("Behörigheter", "Användare / grupp", "Rättigheter")
          .doesNotContain("Create new authorization", "User / Group", "Permissions");
      b.bild("admin-04-behorigheter");

      b.oppna(admin + "#/users/registrator?tab=profile");
      b.vanta().until(d -> text().contains("Användarprofil") || text().contains("Profil"));
      assertThat(text()).contains("E-post").doesNotContain("Email", "Update Profile");
      b.bild("admin-05-anvandarprofil");
    } catch (Throwable t) {
      b.sparaSidan("FEL-admin");
      throw t;
    }
  }

  @Test
  void datesOnThePagesAreIsoAndSwedishInAnEnglishBrowser() throws Exception {
    try {
      Api api = new Api(port);
      Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
          {"rubrik": "Skrivelse om datumfält", "avsandare": {"namn": "Jan Jönsson", "parti": "L"}, "text": "Fråga."}""");
      assertThat(registrerad.status()).as(registrerad.text()).isEqualTo(201);
      String dnr = registrerad.json().path("diarienummer").asText();
      String bas = "http://localhost:" + port;

      // the webapps' session of an official in KS kansli (the search and the bevakning need it)
      new Tasklist(b, bas).loggaIn("registrator");
      assertThat(b.<String>js("return navigator.language;")).startsWith("en");

      for (String[] sida : List.of(new String[] {"/arenden", "sok"}, new String[] {"/e-diarium", "ediarium"},
          new String[] {"/bevakning", "bevakning"})) {
        b.oppna(bas + sida[0]);
        b.vanta().until(d -> "complete".equals(b.js("return document.readyState;")));
        assertThat(b.driver().findElements(By.cssSelector("input[type='date'], input[type='datetime-local']")))
            .as(sida[0] + ": no date field that follows the browser's language").isEmpty();
        assertThat(b.driver().findElements(By.cssSelector("input[type='file']"))).as(sida[0]).isEmpty();
        List<WebElement> datum = b.driver().findElements(By.cssSelector("input.datum"));
        assertThat(datum).as(sida[0]).hasSizeGreaterThanOrEqualTo(2);
        for (WebElement falt : datum) {
          assertThat(falt.getAttribute("type")).isEqualTo("text");
          assertThat(falt.getAttribute("placeholder")).isEqualTo("ÅÅÅÅ-MM-DD");
          assertThat(falt.getAttribute("value")).matches("|\\d{4}-\\d{2}-\\d{2}");
        }
        WebElement forsta = datum.get(0);
        forsta.clear();
        forsta.sendKeys("12/31/2026");
        assertThat(b.<String>js("return arguments[0].validationMessage;", forsta)).isEqualTo(MEDDELANDE);
        forsta.clear();
        forsta.sendKeys("2026-02-30");
        assertThat(b.<String>js("return arguments[0].validationMessage;", forsta)).as("a day that does not exist")
            .isEqualTo(MEDDELANDE);
        forsta.clear();
        forsta.sendKeys("2026-02-28");
        assertThat(b.<Boolean>js("return arguments[0].checkValidity();", forsta)).isTrue();
        b.bild(sida[1] + "-01-datumfalt");

        // past the browser's check (a typed address, an old bookmark): the server's Swedish message
        String namn = forsta.getAttribute("name");
        b.oppna(bas + sida[0] + "?" + namn + "=12%2F31%2F2026");
        b.vanta().until(d -> "complete".equals(b.js("return document.readyState;")));
        String text = text();
        assertThat(text).as(sida[0]).contains("ÅÅÅÅ-MM-DD").doesNotContainIgnoringCase("whitelabel")
            .doesNotContain("Internal Server Error");
        assertThat(b.driver().findElements(By.cssSelector("input.datum[name='" + namn + "']"))).as("the form is shown")
            .hasSize(1);
        b.bild(sida[1] + "-02-fel-datum");
      }

      // dates shown on the ärende page and the bevakning are ÅÅÅÅ-MM-DD
      b.oppna(bas + "/arenden/" + dnr.replace(' ', '-').replace('/', '-'));
      b.vanta().until(d -> d.getPageSource().contains(dnr));
      assertThat(text()).containsPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContainPattern(AMERIKANSKT_DATUM);
      b.bild("arende-01");
      b.oppna(bas + "/bevakning");
      b.vanta().until(d -> d.getPageSource().contains("Ledtider"));
      assertThat(text()).containsPattern("Läget \\d{4}-\\d{2}-\\d{2}").doesNotContainPattern(AMERIKANSKT_DATUM);
      b.oppna(bas + "/anslagstavla");
      b.vanta().until(d -> "complete".equals(b.js("return document.readyState;")));
      assertThat(text()).doesNotContainPattern(AMERIKANSKT_DATUM);
    } catch (Throwable t) {
      b.sparaSidan("FEL-datum");
      throw t;
    }
  }

  @Test
  void theFormsDateAndFileFieldsAreSwedishInAnEnglishBrowser() throws Exception {
    try {
      Tasklist tasklist = new Tasklist(b, "http://localhost:" + port);
      tasklist.loggaIn("registrator");
      assertThat(b.<String>js("return navigator.language;")).startsWith("en");
      WebElement formular = tasklist.startaProcess("Skrivelse till kommunstyrelsen");
      assertThat(formular.findElements(By.cssSelector("input[type='date'], input[type='datetime-local']")))
          .as("no date field that follows the browser's language").isEmpty();
      WebElement inkom = b.driver().findElement(By.id("ks-inkom"));
      assertThat(inkom.getAttribute("type")).isEqualTo("text");
      assertThat(inkom.getAttribute("placeholder")).isEqualTo("ÅÅÅÅ-MM-DD");
      assertThat(inkom.getAttribute("value")).as("today, proposed").matches("\\d{4}-\\d{2}-\\d{2}");
      By felInkom = By.xpath("//input[@id='ks-inkom']/following-sibling::p[contains(@class,'ks-fel')]");
      assertThat(b.synliga(felInkom)).isEmpty();
      inkom.clear();
      inkom.sendKeys("12/08/2026");
      b.vanta().until(d -> b.synliga(felInkom).size() == 1);
      assertThat(b.synliga(felInkom).get(0).getText()).isEqualTo("Ange ett datum (ÅÅÅÅ-MM-DD).");
      b.bild("tasklist-00-fel-datum");
      inkom.clear();
      inkom.sendKeys("2026-02-30");
      b.vanta().until(d -> b.synliga(felInkom).size() == 1);
      inkom.clear();
      inkom.sendKeys("2026-12-01");
      b.vanta().until(d -> b.synliga(felInkom).isEmpty());

      WebElement falt = b.driver().findElement(By.id("ks-skrivelse-fil"));
      WebElement knapp = b.driver().findElement(By.id("ks-skrivelse-fil-knapp"));
      WebElement vald = b.driver().findElement(By.id("ks-skrivelse-fil-vald"));
      assertThat(knapp.isDisplayed()).isTrue();
      assertThat(knapp.getText().trim()).isEqualTo("Välj fil …");
      assertThat(vald.getText()).isEqualTo("Ingen fil vald");
      assertThat(b.<String>js("return getComputedStyle(arguments[0]).opacity;", falt))
          .as("the browser's own chooser (\"Choose File\") is hidden").isEqualTo("0");
      assertThat(b.<Object>js("var r = arguments[0].getBoundingClientRect(); return r.width * r.height;", falt)
          .toString()).isIn("1", "1.0");
      b.js("arguments[0].scrollIntoView({block: 'center'});", knapp);
      b.bild("tasklist-01-filvaljare");

      Path fil = Files.createTempFile("skrivelse-", ".pdf");
      Files.write(fil, "%PDF-1.4 Skrivelse".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      falt.sendKeys(fil.toAbsolutePath().toString());
      b.vanta().until(d -> vald.getText().startsWith(fil.getFileName().toString()));
      assertThat(vald.getText()).isEqualTo(fil.getFileName() + " (1 kB)");
      b.bild("tasklist-02-fil-vald");
    } catch (Throwable t) {
      b.sparaSidan("FEL-filvaljare");
      throw t;
    }
  }

  private String text() {
    return b.driver().findElement(By.tagName("body")).getText();
  }
}
