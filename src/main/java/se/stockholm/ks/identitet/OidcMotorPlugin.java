package se.stockholm.ks.identitet;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stockholm.ks.security.AuthorizationSetup;
import se.stockholm.ks.security.Grupper;

/**
 * The engine in the {@code oidc} profile: its identity provider is {@link TokenIdentitetsleverantor} (users
 * and memberships from the tokens, no passwords), , its groups those of the configuration, and the
 * administrators' group {@code camunda-admin} has every permission on every resource, as Camunda's starter grants it when it creates its
 * administrator user (which it does not here: whoever the mapping table puts in {@code camunda-admin} is
 * an administrator).
 */
@Component
@Profile(SpringSecurityBaraMedOidc.OIDC)
class OidcMotorPlugin extends AbstractProcessEnginePlugin {

  private final AuthorizationSetup authorizationSetup;
  private final Anvandarregister register;

  OidcMotorPlugin(@org.springframework.context.annotation.Lazy AuthorizationSetup authorizationSetup,
                  Anvandarregister register) {
    this.authorizationSetup = authorizationSetup;
    this.register = register;
  }

  /** The identity provider of each command: a {@link TokenIdentitetsleverantor} on the table of users seen. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return TokenIdentitetsleverantor.class;
      }

      @Override
      public Session openSession() {
        return new TokenIdentitetsleverantor(register);
      }
    });
  }

  /** The identity provider's groups; grants {@code camunda-admin} everything, idempotently. */
  @EventListener(PostDeployEvent.class)
  @Order(5)
  public void administratorer() {
    java.util.Map<String, String> grupper = new java.util.LinkedHashMap<>(authorizationSetup.groups());
    grupper.put(Grupper.CAMUNDA_ADMIN, "Administratörer");
    register.grupper(grupper);
    for (Resources resource : Resources.values()) {
      authorizationSetup.grant(Grupper.CAMUNDA_ADMIN, resource, org.camunda.bpm.engine.authorization.Authorization.ANY, Permissions.ALL);
    }
  }
}
