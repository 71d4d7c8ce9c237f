package se.stockholm.ks.meddelanden;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.startup.StartRefusedException;

/**
 * With transport smtp the application does not start until the server and every address are set;
 * the refusal names each one missing. With utkorg nothing is required.
 */
class MeddelandenStartkontrollTest {

  final Organisation organisation = new Organisation(
      List.of(new Organisation.Parti("L", "Liberalerna"), new Organisation.Parti("S", "Socialdemokraterna")),
      List.of("ledamot"), List.of(new Organisation.Rotel("rotel-i", "Rotel I", "Anna Andersson", "S")),
      List.of(new Organisation.Remissinstans("stadsledningskontoret", "Stadsledningskontoret", "stadsledningskontoret")),
      false);

  @Test
  void smtpWithoutServerAndAddressesRefusesToStartNamingEachMissing() {
    var installningar = new MeddelandeInstallningar(MeddelandeInstallningar.Transport.SMTP, null, "KS", null, null,
        Map.of(), Map.of("L", "kansli.l@example.se"), Duration.ofMinutes(2));

    assertThatThrownBy(() -> new MeddelandenConfig(installningar, organisation, " ").afterPropertiesSet())
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("SMTP-servern (KS_SMTP_HOST)")
        .hasMessageContaining("avsändaradressen (KS_MEDDELANDEN_AVSANDARE)")
        .hasMessageContaining("KS_BAS_URL")
        .hasMessageContaining("KS kanslis funktionsbrevlåda")
        .hasMessageContaining("e-postadress för Stadsledningskontoret (ks.meddelanden.remissinstanser.stadsledningskontoret)")
        .hasMessageContaining("e-postadress för Socialdemokraterna (ks.meddelanden.partier.S)")
        .hasMessageNotContaining("partier.L");
  }

  @Test
  void smtpWithEverythingSetStarts() {
    var installningar = new MeddelandeInstallningar(MeddelandeInstallningar.Transport.SMTP, "ks@example.se", "KS",
        "https://skrivelser.example.se", "kansli@example.se", Map.of("stadsledningskontoret", "slk@example.se"),
        Map.of("l", "kansli.l@example.se", "S", "kansli.s@example.se"), Duration.ofMinutes(2));

    assertThatCode(() -> new MeddelandenConfig(installningar, organisation, "smtp.example.se").afterPropertiesSet())
        .doesNotThrowAnyException();
  }

  @Test
  void theOutboxNeedsNoServerAndNoAddresses() {
    var installningar = new MeddelandeInstallningar(MeddelandeInstallningar.Transport.UTKORG, null, "KS", null, null,
        null, null, Duration.ofMinutes(2));

    assertThatCode(() -> new MeddelandenConfig(installningar, organisation, null).afterPropertiesSet())
        .doesNotThrowAnyException();
  }
}
