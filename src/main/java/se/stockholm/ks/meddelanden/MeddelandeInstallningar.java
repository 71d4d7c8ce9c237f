package se.stockholm.ks.meddelanden;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outgoing messages ({@code ks.meddelanden.*}; README, "E-post"). The SMTP server
 * itself is Spring Boot's {@code spring.mail.*}, set from {@code KS_SMTP_*}.
 *
 * @param transport {@code SMTP} (send) or {@code UTKORG} (keep in the outbox page only: the local
 *     profile and the tests that need no server)
 * @param avsandare the From address, e.g. {@code kommunstyrelsen@stockholm.se}
 * @param avsandareNamn the From name
 * @param basUrl the application's address as people reach it, for the links in the messages,
 *     e.g. {@code https://skrivelser.stockholm.se} (no trailing slash needed)
 * @param kansli KS kansli's functional mailbox (the notice that svarsdatum has passed, and a decision
 *     notice whose sender has no address)
 * @param remissinstanser functional mailbox per remissinstans id (as in {@code ks.organisation.remissinstanser})
 * @param partier the party office's mailbox per party code (as in {@code ks.organisation.partier})
 * @param sandningPagar how long a send may take before a row still marked as being sent counts as
 *     left by a node that stopped (longer than the SMTP time-outs together)
 */
@ConfigurationProperties("ks.meddelanden")
public record MeddelandeInstallningar(
    @DefaultValue("SMTP") Transport transport,
    String avsandare,
    @DefaultValue("Stockholms stad, kommunstyrelsen") String avsandareNamn,
    String basUrl,
    String kansli,
    Map<String, String> remissinstanser,
    Map<String, String> partier,
    @DefaultValue("PT2M") Duration sandningPagar) {

  /** How messages leave the application. */
  public enum Transport {
    /** By e-mail over SMTP ({@code spring.mail.*}). */
    SMTP,
    /** Not at all: they are kept in the outbox page ({@code /meddelanden}). */
    UTKORG
  }

  /** Empty maps for missing settings. */
  public MeddelandeInstallningar {
    remissinstanser = remissinstanser == null ? Map.of() : Map.copyOf(remissinstanser);
    partier = partier == null ? Map.of() : Map.copyOf(partier);
  }

  /**
   * @param id a remissinstans id
   * @return its mailbox, or empty when none is configured
   */
  public Optional<String> remissinstans(String id) {
    return Optional.ofNullable(remissinstanser.get(id)).filter(s -> !s.isBlank());
  }

  /**
   * @param kod a party code, any case
   * @return the party office's mailbox, or empty when none is configured
   */
  public Optional<String> parti(String kod) {
    if (kod == null) {
      return Optional.empty();
    }
    return partier.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(kod.trim()))
        .map(Map.Entry::getValue).filter(s -> s != null && !s.isBlank()).findFirst();
  }

  /** @return KS kansli's mailbox, or empty */
  public Optional<String> kansliAdress() {
    return Optional.ofNullable(kansli).filter(s -> !s.isBlank());
  }

  /**
   * @param sokvag a path such as {@code /arenden/KS-2025-1513}
   * @return the absolute link ({@code basUrl} + path), or the path alone when no base is set
   */
  public String lank(String sokvag) {
    String bas = basUrl == null ? "" : basUrl.strip();
    while (bas.endsWith("/")) {
      bas = bas.substring(0, bas.length() - 1);
    }
    return bas + sokvag;
  }

  /** @return the transport in lower case, for log lines */
  String transportnamn() {
    return transport.name().toLowerCase(Locale.ROOT);
  }
}
