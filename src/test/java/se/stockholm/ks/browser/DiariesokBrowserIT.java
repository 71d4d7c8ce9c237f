package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stockholm.ks.diarium.Avsandare;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.diarium.NyttArende;
import se.stockholm.ks.diarium.Sekretess;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Issue 18 in headless Chromium: the registrator, logged in to Tasklist, searches the diarium on
 * {@code /arenden} with Swedish letters in another case than the rubrik's, finds the ärende and opens
 * it from the result; the public e-diarium, opened without any login, lists the secret handling with
 * its sender and description masked and shows no secret field. Screenshots in
 * {@code target/screenshots/diariesok}.
 */
@IntegrationTest
@KraverChromium
class DiariesokBrowserIT {

  private static final Path BILDER = Path.of("target", "screenshots", "diariesok");
  private static final String HEMLIG = "Åsa Öberg";

  @LocalServerPort
  int port;
  @Autowired
  Diarium diarium;
  @Autowired
  Sekretess sekretess;

  @Test
  void registratorSearchesAndOpensTheArendeThePublicPageShowsNoSecret() throws Exception {
    Diarienummer dnr = diarium.registreraArende(new NyttArende("SKRIVELSE", "Skrivelse om Årstafältets framtid",
        LocalDate.of(2025, 3, 10).atTime(10, 0).atZone(ZoneId.of("Europe/Stockholm")).toOffsetDateTime(),
        new Avsandare("Jan Jönsson", "L", "ledamot"), "registrator")).diarienummer();
    diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN,
        "Skrivelse om Årstafältets framtid", LocalDate.of(2025, 3, 10), "Text").withAvsandare("Jan Jönsson (L)"));
    diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG, HandlingStatus.INKOMMEN,
        "Brev om sjukdom", LocalDate.of(2025, 3, 11), "Hemlig text").withAvsandare(HEMLIG));
    sekretess.markeraHandling(dnr, 2, "OSL 26 kap. 1 §", "registrator");
    Diarienummer annat = diarium.registreraArende(new NyttArende("SKRIVELSE", "Skrivelse om cykelbanor",
        LocalDate.of(2025, 4, 1).atTime(10, 0).atZone(ZoneId.of("Europe/Stockholm")).toOffsetDateTime(),
        new Avsandare("Eva Öst", "S", "ledamot"), "registrator")).diarienummer();

    String bas = "http://localhost:" + port;
    try (Webblasare b = new Webblasare(BILDER, 1400, 1000)) {
      try {
        new Tasklist(b, bas).loggaIn("registrator");
        b.oppna(bas + "/arenden");
        b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
        b.skrivIn(By.id("text"), "ÅRSTAFÄLT");
        b.klicka(b.driver().findElement(By.id("sok")));
        b.vanta().until(d -> d.getCurrentUrl().contains("text="));
        b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.id("traffar")));
        b.sparaSidan("sokresultat");
        assertThat(b.driver().findElement(By.id("antal")).getText()).isEqualTo("1 ärende");
        String tabell = b.driver().findElement(By.id("traffar")).getText();
        assertThat(tabell).contains(dnr.toString()).contains("Skrivelse om Årstafältets framtid")
            .doesNotContain(annat.toString());
        WebElement lank = b.driver().findElement(By.linkText(dnr.toString()));
        b.klicka(lank);
        b.vanta().until(d -> d.getCurrentUrl().endsWith("/arenden/" + dnr.urlForm()));
        b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        b.sparaSidan("arende");
        assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Skrivelse om Årstafältets framtid");
        assertThat(b.driver().findElement(By.tagName("body")).getText()).contains("Dnr " + dnr)
            .contains("Sekretess: OSL 26 kap. 1 §");

        // the public page in the same browser without any login
        b.driver().manage().deleteAllCookies();
        b.oppna(bas + "/e-diarium");
        b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.id("poster")));
        b.sparaSidan("e-diarium");
        String publikt = b.driver().findElement(By.tagName("body")).getText();
        assertThat(publikt).contains(dnr.dokumentnummer(1)).contains(dnr.dokumentnummer(2))
            .contains("Uppgift enligt OSL 26 kap. 1 §").contains("Skrivelse om Årstafältets framtid")
            .doesNotContain(HEMLIG).doesNotContain("sjukdom").doesNotContain("Hemlig text");
        assertThat(b.driver().getPageSource()).doesNotContain(HEMLIG).doesNotContain("sjukdom");
        b.skrivIn(By.id("text"), "SJUKDOM");
        b.klicka(b.driver().findElement(By.id("sok")));
        b.vanta().until(d -> d.getCurrentUrl().contains("text="));
        assertThat(b.driver().findElement(By.tagName("body")).getText()).contains("0 handlingar");
      } catch (Throwable t) {
        b.sparaSidan("FEL");
        throw t;
      }
    }
  }
}
