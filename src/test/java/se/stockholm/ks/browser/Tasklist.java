package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as an official sees it: logging in, the saved filters on the left, the task
 * cards in the middle (with the case's diarienummer and rubrik), the task with its form on the
 * right, "Ta uppgift" and "Slutför", and "Starta process" in the header. An AngularJS application:
 * every step waits for what the official would wait for, never for a fixed time.
 */
public final class Tasklist {

  private static final By ANVANDARNAMN = By.cssSelector("input[ng-model='username']");
  private static final By LOSENORD = By.cssSelector("input[ng-model='password']");
  private static final By LOGGA_IN = By.cssSelector("form button[type='submit']");
  private static final By FILTER = By.cssSelector(".task-filter");
  private static final By KORT = By.cssSelector("ol.tasks-list > li.task");
  private static final By LISTAN_LADDAR = By.cssSelector("[cam-tasks] > .loader");
  private static final By TOM_LISTA = By.xpath("//*[@cam-tasks]//div[contains(@class,'well')]"
      + "[contains(normalize-space(.),'Inga uppgifter')]");
  private static final By TA_UPPGIFT = By.cssSelector("button.claim");
  private static final By SLUTFOR = By.cssSelector("button[ng-click='complete()']");
  private static final By FELMEDDELANDE = By.cssSelector(".page-notifications .alert-danger, "
      + "[cam-tasklist-task] .alert-danger, .modal .notifications .alert-danger");
  private static final Pattern UPPGIFT_I_URL = Pattern.compile("[?&]task=([0-9a-fA-F-]+)");

  private final Webblasare b;
  private final String bas;

  /**
   * @param b the browser
   * @param bas the application's address, e.g. {@code http://localhost:8080}
   */
  public Tasklist(Webblasare b, String bas) {
    this.b = b;
    this.bas = bas;
  }

  /** Tasklist's start page. */
  public String adress() {
    return bas + "/camunda/app/tasklist/default/";
  }

  /** Logs out whoever was logged in and logs in as {@code anvandare}; waits for the task list. */
  public void loggaIn(String anvandare) {
    b.driver().manage().deleteAllCookies();
    // a new document, not an in-page route change of the previous user's Tasklist
    b.oppna("about:blank");
    b.oppna(adress());
    b.vanta().until(d -> b.synliga(ANVANDARNAMN).size() == 1 && b.synliga(LOSENORD).size() == 1
        && "complete".equals(b.js("return document.readyState;")));
    b.vanta().until(d -> {
      b.skrivIn(ANVANDARNAMN, anvandare);
      b.skrivIn(LOSENORD, "demo");
      return anvandare.equals(d.findElement(ANVANDARNAMN).getAttribute("value"));
    });
    b.klicka(b.driver().findElement(LOGGA_IN));
    b.vanta().until(ExpectedConditions.invisibilityOfElementLocated(ANVANDARNAMN));
    listanLaddad();
  }

  /** Waits until the list of the chosen filter has loaded (cards, or the notice that there are none). */
  public void listanLaddad() {
    b.vanta().until(d -> !b.synliga(FILTER).isEmpty() || !b.synliga(By.cssSelector("[cam-tasklist-filters] .well")).isEmpty());
    b.vanta().until(d -> b.synliga(LISTAN_LADDAR).isEmpty() && (!b.synliga(KORT).isEmpty() || !b.synliga(TOM_LISTA).isEmpty()));
  }

  /** The names of the filters the user sees. */
  public List<String> filter() {
    return b.synliga(By.cssSelector(".task-filter h4.name a")).stream()
        .map(a -> a.getText().replaceAll("\\s*\\d+\\s*$", "").trim())
        .toList();
  }

  /** Chooses a filter by its name and waits for its list. */
  public void valjFilter(String namn) {
    WebElement filter = b.vanta().until(d -> b.synliga(FILTER).stream()
        .filter(f -> f.findElement(By.cssSelector("h4.name a")).getText().trim().startsWith(namn))
        .findFirst().orElse(null));
    b.klicka(filter.findElement(By.cssSelector("h4.name a")));
    b.vanta().until(d -> b.synliga(By.cssSelector(".task-filter.active h4.name a")).stream()
        .anyMatch(a -> a.getText().trim().startsWith(namn)));
    listanLaddad();
  }

  /** The cards in the list, as the official reads them. */
  public List<Kort> kort() {
    return b.synliga(KORT).stream().map(Kort::av).toList();
  }

  /** The card of a task of the case {@code nyckel} (diarienummer, or "KS &lt;datum&gt;" for a protokoll) named {@code uppgift}. */
  public Optional<Kort> kort(String nyckel, String uppgift) {
    return kort().stream().filter(k -> k.uppgift().equals(uppgift) && k.visar(nyckel)).findFirst();
  }

  /**
   * Waits for the card, reloading the list now and then as an official would (a task made by the
   * engine in the meantime is not pushed to an open Tasklist).
   */
  public Kort vantaPaKort(String nyckel, String uppgift) {
    long slut = System.nanoTime() + Webblasare.VANTETID.toNanos();
    while (true) {
      try {
        return b.vanta(Duration.ofSeconds(3)).until(d -> kort(nyckel, uppgift).orElse(null));
      } catch (TimeoutException e) {
        if (System.nanoTime() > slut) {
          throw new AssertionError("Uppgiften \"" + uppgift + "\" för " + nyckel + " syns inte i listan; kort: " + kort(), e);
        }
        b.driver().navigate().refresh();
        listanLaddad();
      }
    }
  }

  /** Opens the task of the card; waits for its form. Returns the task's id. */
  public String oppna(Kort kort) {
    String id = kort.uppgiftId();
    By lank = By.cssSelector("ol.tasks-list h4.task a[href*='task=" + id + "']");
    b.klicka(b.vanta().until(ExpectedConditions.elementToBeClickable(lank)));
    b.vanta().until(d -> uppgiftIUrl().filter(id::equals).isPresent());
    b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] h2")));
    formularLaddat();
    return id;
  }

  /** The id of the task open in the page's address. */
  public Optional<String> uppgiftIUrl() {
    Matcher m = UPPGIFT_I_URL.matcher(b.driver().getCurrentUrl());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The open task's name (the heading). */
  public String rubrik() {
    return b.driver().findElement(By.cssSelector("[cam-tasklist-task] h2")).getText().trim();
  }

  /** "Ta uppgift": claims the open task and waits until it is the user's and the form can be filled. */
  public void taUppgift() {
    WebElement knapp = b.vanta().until(ExpectedConditions.elementToBeClickable(TA_UPPGIFT));
    assertThat(knapp.getText().trim()).isEqualTo("Ta uppgift");
    b.klicka(knapp);
    b.vanta().until(ExpectedConditions.invisibilityOfElementLocated(TA_UPPGIFT));
    formularLaddat();
  }

  /** Waits until the open task's form is rendered (Camunda Form or embedded form with its context). */
  public void formularLaddat() {
    b.vanta().until(d -> !b.synliga(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form")).isEmpty()
        || !b.synliga(By.cssSelector("[cam-tasklist-form-embedded] form [data-visa='diarienummer']")).stream()
            .filter(e -> !e.getText().isBlank()).toList().isEmpty());
  }

  /** The open task's form (the Camunda Form or the embedded HTML form). */
  public WebElement formular() {
    return b.vanta().until(d -> b.synliga(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form, [cam-tasklist-form-embedded] form"))
        .stream().findFirst().orElse(null));
  }

  /** The context at the top of the form, as text. */
  public String kontext() {
    return b.vanta().until(d -> b.synliga(By.cssSelector(".fjs-form-field-group, .ks-arende")).stream()
        .findFirst().map(WebElement::getText).orElse(null));
  }

  /**
   * "Slutför": completes the open task and waits until its card has left the list. An error shown
   * instead (the server's validation) fails the test with its text.
   */
  public void slutfor(String uppgiftId) {
    WebElement knapp = b.vanta().until(ExpectedConditions.elementToBeClickable(SLUTFOR));
    assertThat(knapp.getText().trim()).isEqualTo("Slutför");
    b.klicka(knapp);
    By kortet = By.cssSelector("ol.tasks-list a[href*='task=" + uppgiftId + "']");
    String fel = b.vanta().until(d -> {
      List<WebElement> felen = b.synliga(FELMEDDELANDE);
      if (!felen.isEmpty()) {
        return felen.get(0).getText();
      }
      return d.findElements(kortet).isEmpty() && uppgiftIUrl().filter(uppgiftId::equals).isEmpty() ? "" : null;
    });
    assertThat(fel).as("Slutför gav ett felmeddelande").isEmpty();
  }

  /** Opens "Starta process" and chooses the process; waits for its start form. */
  public WebElement startaProcess(String process) {
    b.vanta().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Starta process"))).click();
    b.vanta().until(ExpectedConditions.elementToBeClickable(By.linkText(process))).click();
    return b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal [cam-tasklist-form-embedded] form")));
  }

  /** "Starta" in the start dialog; waits until the dialog has closed (an error fails the test with its text). */
  public void starta() {
    WebElement knapp = b.vanta().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Starta']")));
    knapp.click();
    String fel = b.vanta().until(d -> {
      List<WebElement> felen = b.synliga(FELMEDDELANDE);
      if (!felen.isEmpty()) {
        return felen.get(0).getText();
      }
      return b.synliga(By.cssSelector(".modal-dialog")).isEmpty() ? "" : null;
    });
    assertThat(fel).as("Starta gav ett felmeddelande").isEmpty();
  }

  /** A task card in the list. */
  public record Kort(String uppgiftId, String uppgift, String process, String diarienummer, String rubrik,
                     String text) {

    static Kort av(WebElement li) {
      WebElement lank = li.findElement(By.cssSelector("h4.task a"));
      Matcher id = UPPGIFT_I_URL.matcher(lank.getAttribute("href"));
      String process = li.findElements(By.cssSelector("h6.process-definition")).stream().findFirst()
          .map(e -> e.getText().trim()).orElse("");
      return new Kort(id.find() ? id.group(1) : null, lank.getText().trim(), process, variabel(li, "diarienummer"),
          variabel(li, "rubrik"), li.getText());
    }

    private static String variabel(WebElement li, String namn) {
      return li.findElements(By.cssSelector(".variable-item")).stream()
          .filter(v -> !v.findElements(By.cssSelector(".variable-label[uib-tooltip='" + namn + "']")).isEmpty())
          .findFirst()
          .flatMap(v -> v.findElements(By.cssSelector(".variable-value")).stream().findFirst())
          .map(v -> v.getAttribute("textContent").trim())
          .orElse(null);
    }

    /** Whether the card names the case (its diarienummer, or the key in its rubrik). */
    boolean visar(String nyckel) {
      return nyckel.equals(diarienummer) || (rubrik != null && rubrik.contains(nyckel.replace("KS ", "")));
    }

    @Override
    public String toString() {
      return uppgift + " [" + diarienummer + " | " + rubrik + "]";
    }
  }
}
