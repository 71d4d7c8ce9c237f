package se.stockholm.ks.meddelanden;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.startup.StartRefusedException;

/**
 * Binds {@code ks.meddelanden.*} and checks it at start: with transport {@code SMTP} (the default,
 * and the {@code postgres} profile's) the application refuses to start until the SMTP server, the
 * From address, the base URL of the links, KS kansli's mailbox and a mailbox for every configured
 * remissinstans and party are set — otherwise a remiss would wait as an incident for an address no
 * one gave. With {@code UTKORG} nothing is required (messages without an address fail their step
 * with a Swedish message).
 */
@Configuration
@EnableConfigurationProperties(MeddelandeInstallningar.class)
class MeddelandenConfig implements InitializingBean {

  private final MeddelandeInstallningar installningar;
  private final Organisation organisation;
  private final String smtpHost;

  MeddelandenConfig(MeddelandeInstallningar installningar, Organisation organisation,
                    @Value("${spring.mail.host:}") String smtpHost) {
    this.installningar = installningar;
    this.organisation = organisation;
    this.smtpHost = smtpHost;
  }

  @Override
  public void afterPropertiesSet() {
    if (installningar.transport() != MeddelandeInstallningar.Transport.SMTP) {
      return;
    }
    List<String> saknas = new ArrayList<>();
    if (smtpHost == null || smtpHost.isBlank()) {
      saknas.add("SMTP-servern (KS_SMTP_HOST)");
    }
    if (blank(installningar.avsandare())) {
      saknas.add("avsändaradressen (KS_MEDDELANDEN_AVSANDARE)");
    }
    if (blank(installningar.basUrl())) {
      saknas.add("applikationens adress för länkarna (KS_BAS_URL)");
    }
    if (installningar.kansliAdress().isEmpty()) {
      saknas.add("KS kanslis funktionsbrevlåda (KS_MEDDELANDEN_KANSLI)");
    }
    organisation.remissinstanser().stream().filter(r -> installningar.remissinstans(r.id()).isEmpty())
        .forEach(r -> saknas.add("e-postadress för " + r.namn() + " (ks.meddelanden.remissinstanser." + r.id() + ")"));
    organisation.partier().stream().filter(p -> installningar.parti(p.kod()).isEmpty())
        .forEach(p -> saknas.add("e-postadress för " + p.namn() + " (ks.meddelanden.partier." + p.kod() + ")"));
    if (!saknas.isEmpty()) {
      throw new StartRefusedException("E-posten är inte inställd: " + String.join("; ", saknas) + " saknas.",
          "Ange dem (se README, avsnittet E-post) och starta igen — eller sätt KS_MEDDELANDEN_TRANSPORT=utkorg för "
              + "att bara lägga meddelandena i utkorgen (/meddelanden) utan att skicka dem.");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
