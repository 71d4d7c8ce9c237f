package se.stockholm.ks.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium as an official uses it: Debian's {@code /usr/bin/chromium} driven by Debian's
 * {@code /usr/bin/chromedriver} (nothing is downloaded: Selenium Manager is not asked, as both
 * paths are given), in Swedish, in Stockholm's time zone, with a fresh profile.
 *
 * <p>The browser's clock follows the process engine's: when a test moves the engine clock to a
 * case's date ({@link #klocka}), pages loaded afterwards see the same day (the forms propose
 * "today" and date pickers forbid passed dates by the browser's clock, the server checks by the
 * engine's).
 */
public final class Webblasare implements AutoCloseable {

  /** Debian's Chromium. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Debian's ChromeDriver, of the same version. */
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /**
   * Chromium's Swedish, from Debian's chromium-l10n. On Linux Chromium takes its locale (and so
   * {@code navigator.language}, which Camunda Forms' date fields format by) from the environment,
   * not from {@code --lang}, and without this file it falls back to en-US (dates as 12/17/2025).
   */
  public static final Path SVENSKA = Path.of("/usr/lib/chromium/locales/sv.pak");
  /** How long a page or an element may take before a test fails (generous: the machine is shared). */
  public static final Duration VANTETID = Duration.ofSeconds(45);

  // Selenium warns that it has no DevTools binding for this Chromium version: only raw CDP commands are used.
  private static final Logger SELENIUM_LOGG = Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM_LOGG.setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final Path profil;
  private final Path bilder;
  private final Dimension storlek;
  private String klockskript;

  /**
   * Starts the browser.
   *
   * @param bilder where the screenshots go (created)
   * @param bredd the window's width
   * @param hojd the window's height
   * @throws IOException when the profile or the screenshot folder cannot be created
   */
  public Webblasare(Path bilder, int bredd, int hojd) throws IOException {
    this(bilder, bredd, hojd, false);
  }

  /**
   * Starts the browser in Swedish or, with {@code engelska}, as a browser set to English (US):
   * environment, {@code --lang} and accepted languages {@code en-US}, as an official's English
   * computer.
   *
   * @param bilder where the screenshots go (created)
   * @param bredd the window's width
   * @param hojd the window's height
   * @param engelska true for an English browser
   * @throws IOException when the profile or the screenshot folder cannot be created
   */
  public Webblasare(Path bilder, int bredd, int hojd, boolean engelska) throws IOException {
    this.bilder = Files.createDirectories(bilder);
    this.profil = Files.createTempDirectory("ks-chromium");
    this.storlek = new Dimension(bredd, hojd);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService tjanst = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(engelska
            ? Map.of("TZ", "Europe/Stockholm", "LANGUAGE", "en_US:en", "LANG", "en_US.UTF-8")
            : Map.of("TZ", "Europe/Stockholm", "LANGUAGE", "sv_SE:sv", "LANG", "sv_SE.UTF-8"))
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    ChromeOptions val = new ChromeOptions();
    val.setBinary(CHROMIUM.toFile());
    val.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=" + bredd + "," + hojd, engelska ? "--lang=en-US" : "--lang=sv-SE", "--user-data-dir=" + profil);
    val.setExperimentalOption("prefs", Map.of("intl.accept_languages", engelska ? "en-US,en" : "sv-SE,sv"));
    this.driver = new ChromeDriver(tjanst, val);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** The WebDriver. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a page. */
  public void oppna(String url) {
    driver.get(url);
  }

  /** An explicit wait: polls every 100 ms for {@link #VANTETID}, through re-rendered elements. */
  public WebDriverWait vanta() {
    return vanta(VANTETID);
  }

  /** An explicit wait of the given length. */
  public WebDriverWait vanta(Duration tid) {
    WebDriverWait w = new WebDriverWait(driver, tid, Duration.ofMillis(100));
    w.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
    return w;
  }

  /** Runs JavaScript in the page. */
  @SuppressWarnings("unchecked")
  public <T> T js(String skript, Object... argument) {
    return (T) ((JavascriptExecutor) driver).executeScript(skript, argument);
  }

  /**
   * Clicks an element as a person does: scrolled to the middle of its container first (Tasklist's
   * fixed footer would otherwise cover a button at the bottom of the form), the pointer moved onto
   * it, and clicked once nothing lies over it any more — such as the hover tooltip of the element
   * clicked before, which fades out only after the pointer has left that element.
   */
  public void klicka(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    new Actions(driver).moveToElement(element).perform();
    vanta().until(d -> this.<Boolean>js("""
        var e = arguments[0], r = e.getBoundingClientRect();
        var over = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return over !== null && (over === e || e.contains(over) || over.contains(e));""", element));
    element.click();
  }

  /**
   * Types a text into a field and waits until the field holds exactly it; types it again if the
   * page took the keys elsewhere (an AngularJS view that re-renders, or autofocus moving).
   */
  public void skrivIn(By falt, String text) {
    vanta().until(d -> {
      WebElement e = d.findElement(falt);
      if (!text.equals(e.getAttribute("value"))) {
        e.clear();
        e.sendKeys(text);
      }
      return text.equals(e.getAttribute("value")) ? e : null;
    });
  }

  /** The visible elements matching a selector. */
  public List<WebElement> synliga(By by) {
    return driver.findElements(by).stream().filter(e -> {
      try {
        return e.isDisplayed();
      } catch (StaleElementReferenceException ex) {
        return false;
      }
    }).toList();
  }

  /**
   * Sets the browser's clock to the engine's time: pages loaded from now on see {@code nu} as the
   * current time (and the clock goes on from there). {@code null} puts the real clock back.
   */
  public void klocka(Instant nu) {
    if (klockskript != null) {
      driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", klockskript));
      klockskript = null;
    }
    if (nu == null) {
      return;
    }
    long forskjutning = nu.toEpochMilli() - System.currentTimeMillis();
    String skript = """
        (function () {
          var RealDate = Date, forskjutning = %d;
          function KsDate() {
            if (!(this instanceof KsDate)) { return new RealDate(RealDate.now() + forskjutning).toString(); }
            if (arguments.length === 0) { return new RealDate(RealDate.now() + forskjutning); }
            return Reflect.construct(RealDate, Array.prototype.slice.call(arguments));
          }
          KsDate.prototype = RealDate.prototype;
          KsDate.now = function () { return RealDate.now() + forskjutning; };
          KsDate.parse = RealDate.parse;
          KsDate.UTC = RealDate.UTC;
          window.Date = KsDate;
        })();
        """.formatted(forskjutning);
    Map<String, Object> svar = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", skript));
    klockskript = String.valueOf(svar.get("identifier"));
  }

  /** Saves a screenshot of the window as {@code <namn>.png}. */
  public Path bild(String namn) throws IOException {
    Path fil = bilder.resolve(namn + ".png");
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), fil, StandardCopyOption.REPLACE_EXISTING);
    return fil;
  }

  /**
   * Saves a screenshot that shows all of {@code innehall}, also what lies below the fold of its
   * scrolling container: the window grows for the picture, then gets its size back.
   */
  public Path bildAvHelaInnehallet(String namn, WebElement innehall) throws IOException {
    long extra = doltInnehall(innehall);
    if (extra <= 0) {
      return bild(namn);
    }
    Dimension fore = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(fore.getWidth(), (int) Math.min(fore.getHeight() + extra + 16, 7000)));
      vanta(Duration.ofSeconds(5)).until(d -> doltInnehall(innehall) <= 0);
      return bild(namn);
    } finally {
      driver.manage().window().setSize(fore);
    }
  }

  /** How many pixels of the element's scrolling container (or of the page) are out of sight. */
  private long doltInnehall(WebElement innehall) {
    Number n = js("""
        var el = arguments[0];
        for (var e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
          var s = getComputedStyle(e).overflowY;
          if ((s === 'auto' || s === 'scroll') && e.scrollHeight > e.clientHeight + 1) {
            return e.scrollHeight - e.clientHeight;
          }
        }
        return Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
        """, innehall);
    return n.longValue();
  }

  /** Saves the page's HTML next to the screenshots, for a failure's post-mortem. */
  public void sparaSidan(String namn) {
    try {
      Files.writeString(bilder.resolve(namn + ".html"), driver.getPageSource());
      bild(namn);
    } catch (Exception e) {
      // the failure itself is what matters
    }
  }

  /** The window's usual size. */
  public Dimension storlek() {
    return storlek;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> filer = Files.walk(profil)) {
        filer.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException e) {
        // a profile file that Chromium removed itself while we walked: the rest is in the temp folder
      }
    }
  }
}
