package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** A browser test runs where Chromium is, is skipped with a message where it is not, and fails there in CI. */
class KraverChromiumTest {

  private static final Path FINNS = Path.of("/bin/sh");
  private static final Path SAKNAS = Path.of("/finns/inte/chromium");

  @Test
  void runsWhereTheBrowserIs() {
    assertThat(KraverChromium.Villkor.bedom(List.of(FINNS), false).isDisabled()).isFalse();
    assertThat(KraverChromium.Villkor.bedom(List.of(FINNS), true).isDisabled()).isFalse();
  }

  @Test
  void isSkippedWithAMessageOnADevelopersMachineWithoutIt() {
    ConditionEvaluationResult r = KraverChromium.Villkor.bedom(List.of(FINNS, SAKNAS), false);
    assertThat(r.isDisabled()).isTrue();
    assertThat(r.getReason()).hasValueSatisfying(s -> assertThat(s)
        .contains("hoppas över", SAKNAS.toString(), "chromium-driver", "chromium-l10n", "i CI krävs testet"));
  }

  @Test
  void failsWhereItIsRequired() {
    assertThatThrownBy(() -> KraverChromium.Villkor.bedom(List.of(SAKNAS), true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("krävs").hasMessageContaining(SAKNAS.toString());
  }
}
