package se.stockholm.ks.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import se.stockholm.ks.organisation.Organisation;

/**
 * The start-up checks, run as soon as the configuration is read — before the data source, the
 * process engine or any user exists (registered in {@code META-INF/spring.factories}):
 *
 * <ul>
 *   <li>an administrator password ({@code KS_ADMIN_PASSWORD}, i.e. {@code camunda.bpm.admin-user.password})
 *       that is not empty, in every profile but {@code oidc} (where no one has a password);</li>
 *   <li>in the {@code postgres} profile: the organisation's rotlar, each with a föredragande borgarråd
 *       whose name is not placeholder text, with a configured party, and not the demo organisation
 *       ({@code ks.organisation.demo=true}).</li>
 * </ul>
 *
 * A failed check throws {@link StartRefusedException}: the application does not start and prints the
 * Swedish message alone.
 */
public class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  /** The property holding the administrator's password ({@code KS_ADMIN_PASSWORD}). */
  public static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  /** The production-like profile, in which the organisation must be real. */
  public static final String POSTGRES_PROFILE = "postgres";

  /**
   * Words that mark a name as placeholder text, not a person (compared in lower case). The shipped
   * configuration once had "Borgarrådet för rotel II", which reached a promemoria.
   */
  static final List<String> PLATSHALLARE = List.of("borgarrådet för", "borgarråd för", "exempel", "platshållare",
      "placeholder", "todo", "xxx", "ändra", "fyll i", "namn saknas", "okänd", "n.n.", "<", ">", "…", "...", "?");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    if (!environment.acceptsProfiles(Profiles.of("oidc"))) {
      // oidc: no password at all; administrators come from the directory (se.stockholm.ks.identitet)
      requireAdminPassword(environment.getProperty(ADMIN_PASSWORD));
    }
    if (environment.acceptsProfiles(Profiles.of(POSTGRES_PROFILE))) {
      Binder binder = Binder.get(environment);
      requireRealOrganisation(
          binder.bind("ks.organisation.rotlar", Bindable.listOf(Organisation.Rotel.class)).orElse(List.of()),
          binder.bind("ks.organisation.partier", Bindable.listOf(Organisation.Parti.class)).orElse(List.of()).stream()
              .map(Organisation.Parti::kod).collect(Collectors.toSet()),
          binder.bind("ks.organisation.demo", Boolean.class).orElse(false));
    }
  }

  /** After logging is set up, so that the refusal is reported through it. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /**
   * The administrator must have a password: without one Camunda would create {@code admin} with an
   * empty password (or one equal to its id).
   *
   * @param password the configured password; may be null
   * @throws StartRefusedException when it is null, empty or only blanks
   */
  public static void requireAdminPassword(String password) {
    if (password == null || password.isBlank()) {
      throw new StartRefusedException(
          "Inget administratörslösenord: miljövariabeln KS_ADMIN_PASSWORD är inte satt (eller tom). "
              + "Applikationen startar inte utan den, och ingen användare har skapats.",
          "Sätt KS_ADMIN_PASSWORD (eller camunda.bpm.admin-user.password) till administratörens lösenord och "
              + "starta igen, t.ex. KS_ADMIN_PASSWORD='välj-ett-lösenord' ./mvnw spring-boot:run. "
              + "Lösenordet gäller från varje start (se README, avsnittet PostgreSQL).");
    }
  }

  /**
   * In production the organisation must be the city's own: no rotel may be missing its
   * föredragande borgarråd or carry placeholder text, which would reach official documents.
   *
   * @param rotlar the configured rotlar ({@code ks.organisation.rotlar})
   * @param partikoder the configured parties' codes
   * @param demo whether the configuration is the demo organisation ({@code ks.organisation.demo})
   * @throws StartRefusedException naming every problem found
   */
  public static void requireRealOrganisation(List<Organisation.Rotel> rotlar, Set<String> partikoder, boolean demo) {
    String atgard = "Ange kommunstyrelsens rotlar under ks.organisation.rotlar, t.ex. i filen "
        + "config/application-postgres.yaml i applikationens arbetskatalog (se README, avsnittet PostgreSQL), "
        + "och starta igen.";
    if (demo) {
      throw new StartRefusedException("Demoorganisationen (ks.organisation.demo=true) används i profilen 'postgres'. "
          + "Dess rotlar och borgarråd är påhittade och får inte nå kommunstyrelsens handlingar.", atgard);
    }
    if (rotlar == null || rotlar.isEmpty()) {
      throw new StartRefusedException("Organisationen saknar rotlar (ks.organisation.rotlar): profilen 'postgres' "
          + "startar inte förrän kommunstyrelsens rotlar med föredragande borgarråd är inställda.", atgard);
    }
    List<String> fel = new ArrayList<>();
    for (int i = 0; i < rotlar.size(); i++) {
      Organisation.Rotel r = rotlar.get(i);
      String vem = r == null || blank(r.namn()) ? "Rotel nr " + (i + 1) : r.namn();
      if (r == null || blank(r.id()) || blank(r.namn()) || blank(r.borgarrad()) || blank(r.parti())) {
        fel.add(vem + " saknar id, namn, borgarråd eller parti");
        continue;
      }
      String platshallare = platshallare(r.borgarrad());
      if (platshallare != null) {
        fel.add(vem + " har platshållartext som föredragande borgarråd ('" + r.borgarrad() + "')");
      }
      if (!partikoder.isEmpty() && !partikoder.contains(r.parti())) {
        fel.add(vem + " har okänt parti '" + r.parti() + "'");
      }
    }
    if (!fel.isEmpty()) {
      throw new StartRefusedException("Organisationen i profilen 'postgres' är inte färdig: " + String.join("; ", fel)
          + ". Ingen platshållartext får nå en handling.", atgard);
    }
  }

  /**
   * @param namn a name from configuration
   * @return the placeholder word found in it, or null when it reads as a name
   */
  static String platshallare(String namn) {
    String n = namn.toLowerCase(Locale.ROOT);
    return PLATSHALLARE.stream().filter(n::contains).findFirst().orElse(null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
