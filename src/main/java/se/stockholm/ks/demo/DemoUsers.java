package se.stockholm.ks.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stockholm.ks.security.Grupper;

/**
 * Demo users, one or more per group, all with the password {@value #PASSWORD}. Created only when
 * {@code ks.demo.users=true} (the local default profile and the tests), never in the
 * {@code postgres} profile. The application says so loudly at start.
 */
@Component
@ConditionalOnProperty(name = "ks.demo.users", havingValue = "true")
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** The password of every demo user. Public: local use only. */
  public static final String PASSWORD = "demo";

  /**
   * A demo user.
   *
   * @param id the login
   * @param firstName first name
   * @param lastName last name
   * @param groups the groups the user belongs to
   */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  /** The demo users: login, name and groups (listed in the README). */
  public static final List<DemoUser> USERS = List.of(
      new DemoUser("registrator", "Rebecka", "Registrator", List.of(Grupper.KS_KANSLI)),
      new DemoUser("handlaggare", "Hugo", "Handläggare", List.of("stadsledningskontoret")),
      new DemoUser("rotel1", "Rut", "Rotelsekreterare", List.of("rotel-i")),
      new DemoUser("brbsekreterare", "Bertil", "Beredningssekreterare", List.of(Grupper.BRB_SEKRETERARE)),
      new DemoUser("kssekreterare", "Kerstin", "Kommunsekreterare", List.of(Grupper.KS_SEKRETERARE)),
      new DemoUser("liberalerna", "Lisa", "Politisk sekreterare (L)", List.of("parti-l")),
      new DemoUser("moderaterna", "Magnus", "Politisk sekreterare (M)", List.of("parti-m")),
      new DemoUser("socialdemokraterna", "Sara", "Politisk sekreterare (S)", List.of("parti-s")),
      new DemoUser("processagare", "Petra", "Processägare", List.of(Grupper.PROCESSAGARE)),
      new DemoUser("integration", "E-tjänst", "Integration", List.of(Grupper.INTEGRATION)),
      new DemoUser("drift", "Dragan", "Drifttekniker", List.of(Grupper.DRIFT)),
      new DemoUser("arkivarie", "Arvid", "Arkivarie", List.of(Grupper.ARKIVARIE)));

  private final IdentityService identityService;
  private final String adminId;

  DemoUsers(IdentityService identityService,
            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.admin-user.id:admin}") String adminId) {
    this.identityService = identityService;
    this.adminId = adminId;
  }

  /** Creates the demo users that do not exist yet and adds them to their groups. */
  @EventListener(PostDeployEvent.class)
  @Order(20)
  public void createDemoUsers() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setPassword(PASSWORD);
        user.setEmail(demo.id() + "@demo.invalid");
        identityService.saveUser(user);
      }
      for (String group : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(demo.id(), group);
        }
      }
    }
    LOG.warn("""

        ************************************************************************
        *  DEMOANVÄNDARE ÄR AKTIVA (profil 'local').
        *  {} användare: {} demoanvändare med lösenordet "{}" ({})
        *  och administratören '{}' (lösenord från KS_ADMIN_PASSWORD, lokalt "demo").
        *  Vem som har något att göra i demoärendena står i loggen nedan.
        *  Använd ALDRIG denna profil i produktion: starta med profilen
        *  'postgres' och sätt KS_ADMIN_PASSWORD.
        ************************************************************************""",
        USERS.size() + 1, USERS.size(), PASSWORD,
        String.join(", ", USERS.stream().map(DemoUser::id).toList()), adminId);
  }
}
