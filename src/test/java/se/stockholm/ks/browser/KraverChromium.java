package se.stockholm.ks.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A browser test: it needs Debian's Chromium and ChromeDriver ({@link Webblasare#CHROMIUM},
 * {@link Webblasare#CHROMEDRIVER}). Where they are missing the test class is skipped with a message
 * saying so — unless the browser tests are required, as in CI ({@code .ci/run} exports
 * {@code KS_TEST_BROWSER_KRAVS=true}; {@code -Dks.test.browser.kravs=true} does the same), where a
 * missing browser fails the class. Evaluated before the application is booted, so a skipped class
 * costs nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(KraverChromium.Villkor.class)
public @interface KraverChromium {

  /** The condition behind {@link KraverChromium}. */
  final class Villkor implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      ConditionEvaluationResult r = bedom(List.of(Webblasare.CHROMIUM, Webblasare.CHROMEDRIVER, Webblasare.SVENSKA), kravs());
      if (r.isDisabled()) {
        // also in the build's output, not only in the test report
        System.out.println(context.getDisplayName() + ": " + r.getReason().orElse(""));
      }
      return r;
    }

    /**
     * The verdict for a machine on which {@code program} should be: run, skip with a message, or
     * (when required) fail.
     */
    static ConditionEvaluationResult bedom(List<Path> program, boolean kravs) {
      // programs must be executable; data files (Chromium's Swedish) only present
      List<String> saknas = program.stream()
          .filter(p -> p.toString().endsWith(".pak") ? !Files.isRegularFile(p) : !Files.isExecutable(p))
          .map(Path::toString).toList();
      if (saknas.isEmpty()) {
        return ConditionEvaluationResult.enabled("Chromium och ChromeDriver finns");
      }
      String vad = String.join(" och ", saknas);
      if (kravs) {
        throw new IllegalStateException("Webbläsartesterna krävs (KS_TEST_BROWSER_KRAVS / ks.test.browser.kravs) men "
            + vad + " saknas. Installera Debians paket: apt-get install chromium chromium-driver chromium-l10n");
      }
      return ConditionEvaluationResult.disabled("Webbläsartestet hoppas över: " + vad + " saknas på den här datorn "
          + "(installera Debians chromium, chromium-driver och chromium-l10n; i CI krävs testet)");
    }

    /** Whether the browser tests must run: in CI. */
    static boolean kravs() {
      return Boolean.parseBoolean(System.getProperty("ks.test.browser.kravs", "").trim())
          || Boolean.parseBoolean(String.valueOf(System.getenv("KS_TEST_BROWSER_KRAVS")).trim());
    }
  }
}
