package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Tasklist in a browser set to English (US), as a new official meets it: Swedish all the same; the
 * card's diarienummer and rubrik legible (WCAG 2.1 AA contrast, the rubrik not cut), no unlabeled
 * priority; an unclaimed task says that it must be taken first; the ärende page and the bevakning
 * send a browser without a session to the login, not to a password prompt. Screenshots in
 * {@code target/screenshots/engelsk/}.
 */
@IntegrationTest
@KraverChromium
class EngelskWebblasareBrowserIT {

  private static final Path BILDER = Path.of("target", "screenshots", "engelsk");
  private static final String RUBRIK = "Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism "
      + "movement i Paris och vad staden gör mot antisemitism i skolor, föreningar och i kulturlivet";

  @LocalServerPort
  int port;

  private Webblasare b;
  private Tasklist tasklist;

  @BeforeEach
  void startaWebblasaren() throws Exception {
    b = new Webblasare(BILDER, 1400, 1000, true);
    tasklist = new Tasklist(b, "http://localhost:" + port);
  }

  @AfterEach
  void stangWebblasaren() throws Exception {
    if (b != null) {
      b.close();
    }
  }

  @Test
  void anEnglishBrowserGetsASwedishLegibleTasklist() throws Exception {
    try {
      Api api = new Api(port);
      Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
          {"rubrik": "%s", "avsandare": {"namn": "Jan Jönsson", "parti": "L"}, "text": "Fråga."}""".formatted(RUBRIK));
      assertThat(registrerad.status()).as(registrerad.text()).isEqualTo(201);
      String dnr = registrerad.json().path("diarienummer").asText();
      String url = dnr.replace(' ', '-').replace('/', '-');

      // the ärende page without a session: to the login, no password prompt
      b.oppna("http://localhost:" + port + "/arenden/" + url);
      b.vanta().until(d -> !b.synliga(By.cssSelector("input[ng-model='username']")).isEmpty());
      assertThat(b.driver().getCurrentUrl()).contains("/camunda/app/tasklist/");
      b.bild("01-arendesidan-utan-inloggning-till-inloggningen");

      tasklist.loggaIn("registrator");
      assertThat(b.<String>js("return navigator.language;")).as("the browser is English").startsWith("en");
      assertThat(tasklist.filter()).containsExactly("KS kansli (registrator): uppgifter", "Mina uppgifter",
          "Försenade uppgifter");
      Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Fördela ärendet");
      assertThat(kort.rubrik()).isEqualTo(RUBRIK);
      b.bild("02-uppgiftslistan");

      WebElement li = b.driver().findElement(By.xpath("//ol[contains(@class,'tasks-list')]/li[.//a[contains(@href,'"
          + kort.uppgiftId() + "')]]"));
      for (WebElement v : li.findElements(By.cssSelector(".variable-item .variable-label, .variable-item .variable-value"))) {
        double kontrast = kontrastMotBakgrunden(v);
        assertThat(kontrast).as("contrast of '%s'", v.getText()).isGreaterThanOrEqualTo(4.5);
        assertThat(b.<Boolean>js("var e = arguments[0]; return e.scrollWidth <= e.clientWidth + 1"
            + " && e.scrollHeight <= e.clientHeight + 1;", v)).as("'%s' shown in full", v.getText()).isTrue();
        assertThat(v.isDisplayed()).isTrue();
      }
      WebElement rubrik = li.findElements(By.cssSelector(".variable-item")).stream()
          .filter(v -> v.getText().contains("Rubrik")).findFirst().orElseThrow();
      assertThat(rubrik.getText()).as("the whole rubrik is visible").contains("i kulturlivet");
      List<WebElement> prioritet = li.findElements(By.cssSelector(".priority"));
      assertThat(prioritet.stream().noneMatch(WebElement::isDisplayed)).as("no unlabeled priority").isTrue();
      assertThat(li.getText()).doesNotContain("50");

      tasklist.oppna(kort);
      String tips = b.js("var e = document.querySelector('li.assignee.set-value');"
          + " return e ? getComputedStyle(e, '::after').content : null;");
      assertThat(tips).as("an unclaimed task says it must be taken first").isEqualTo("\"Ta uppgiften först (Ta uppgift) – formuläret går att fylla i när du har tagit den.\"");
      assertThat(b.driver().findElement(By.cssSelector("button.claim")).getText().trim()).isEqualTo("Ta uppgift");
      b.bild("03-uppgift-som-inte-ar-tagen");
      tasklist.taUppgift();
      assertThat(b.driver().findElements(By.cssSelector("li.assignee.set-value"))).isEmpty();
      b.bild("04-uppgiften-tagen");

      // with the session the ärende page opens
      b.oppna("http://localhost:" + port + "/arenden/" + url);
      b.vanta().until(d -> d.getPageSource().contains(dnr));
      b.bild("05-arendesidan-inloggad");
    } catch (Throwable t) {
      b.sparaSidan("FEL");
      throw t;
    }
  }

  /** WCAG 2.1 contrast of the element's text colour against the first opaque background behind it. */
  private double kontrastMotBakgrunden(WebElement e) {
    List<Object> farger = b.js("""
        var e = arguments[0];
        function rgb(s) { var m = s.match(/[\\d.]+/g).map(Number); return m; }
        var fg = rgb(getComputedStyle(e).color);
        var n = e, bg = null;
        while (n && n.nodeType === 1) {
          var c = rgb(getComputedStyle(n).backgroundColor);
          if (c.length < 4 || c[3] > 0.99) { bg = c; break; }
          n = n.parentElement;
        }
        if (!bg) { bg = [255, 255, 255]; }
        return [fg[0], fg[1], fg[2], (fg.length > 3 ? fg[3] : 1), bg[0], bg[1], bg[2]];""", e);
    double a = ((Number) farger.get(3)).doubleValue();
    double[] fg = new double[3];
    double[] bg = new double[3];
    for (int i = 0; i < 3; i++) {
      bg[i] = ((Number) farger.get(4 + i)).doubleValue();
      fg[i] = a * ((Number) farger.get(i)).doubleValue() + (1 - a) * bg[i];
    }
    double l1 = luminans(fg);
    double l2 = luminans(bg);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  private static double luminans(double[] rgb) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double s = rgb[i] / 255;
      c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
