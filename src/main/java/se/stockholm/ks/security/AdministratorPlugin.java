package se.stockholm.ks.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.stockholm.ks.startup.StartupChecks;

/**
 * The administrator and passwords, inside the process engine.
 *
 * <ul>
 *   <li>Before the engine is built (so before Camunda creates {@code admin} or anyone else): the
 *       administrator password must be set ({@link StartupChecks#requireAdminPassword}; the same check
 *       also runs before the application context, so this one only catches a password removed by a
 *       later property source).</li>
 *   <li>The engine's identity provider is {@link IdentitetsleverantorUtanTommaLosenord}: no user with
 *       an empty password can sign in anywhere (engine REST, webapps, {@code /api}).</li>
 *   <li>After the engine is built: {@code KS_ADMIN_PASSWORD} is the administrator's password. An
 *       existing administrator whose password is empty or differs (made by an earlier start without
 *       the variable, or changed in Admin) gets it set — and unlocked — with a warning in the log.
 *       Camunda itself only sets the password when it creates the user.</li>
 * </ul>
 */
@Component
// in the oidc profile: se.stockholm.ks.identitet
@org.springframework.context.annotation.Profile("!oidc")
class AdministratorPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorPlugin.class);

  private final String adminId;
  private final String password;
  private ProcessEngineConfigurationImpl configuration;

  AdministratorPlugin(@Value("${camunda.bpm.admin-user.id:}") String adminId,
                      @Value("${" + StartupChecks.ADMIN_PASSWORD + ":}") String password) {
    this.adminId = adminId;
    this.password = password;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    StartupChecks.requireAdminPassword(password);
    configuration.setIdentityProviderSessionFactory(
        new GenericManagerFactory(IdentitetsleverantorUtanTommaLosenord.class));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (adminId == null || adminId.isBlank()) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    User admin = identity.createUserQuery().userId(adminId).singleResult();
    if (admin == null || harLosenord(admin, password)) {
      return; // Camunda creates it with the password, or it already has it
    }
    admin.setPassword(password);
    try {
      identity.saveUser(admin);
      identity.unlockUser(adminId);
      LOG.warn("Administratören '{}' hade ett annat (eller tomt) lösenord än KS_ADMIN_PASSWORD; "
          + "lösenordet från KS_ADMIN_PASSWORD gäller nu.", adminId);
    } catch (OptimisticLockingException anotherNodeDidIt) {
      LOG.info("Administratörens lösenord sattes samtidigt av en annan nod.");
    }
  }

  /**
   * Compares with the stored hash as Camunda does, without {@code checkPassword}'s side effects (a
   * mismatch there counts as a failed login and locks the user for a while).
   */
  private boolean harLosenord(User user, String losenord) {
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return false;
    }
    return configuration.getPasswordManager()
        .check(EncryptionUtil.saltPassword(losenord, entity.getSalt()), entity.getPassword());
  }
}
