package se.stockholm.ks.identitet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stockholm.ks.security.AuthorizationSetup;
import se.stockholm.ks.security.Grupper;

/**
 * The engine in the {@code oidc} profile: its identity provider is {@link TokenIdentitetsleverantor} (users
 * and memberships from the tokens, no passwords), and the administrators' group {@code camunda-admin}
 * exists with every permission on every resource, as Camunda's starter grants it when it creates its
 * administrator user (which it does not here: whoever the mapping table puts in {@code camunda-admin} is
 * an administrator).
 */
@Component
@Profile(SpringSecurityBaraMedOidc.OIDC)
class OidcMotorPlugin extends AbstractProcessEnginePlugin {

  private final IdentityService identityService;
  private final AuthorizationSetup authorizationSetup;

  OidcMotorPlugin(@org.springframework.context.annotation.Lazy IdentityService identityService,
                  @org.springframework.context.annotation.Lazy AuthorizationSetup authorizationSetup) {
    this.identityService = identityService;
    this.authorizationSetup = authorizationSetup;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(TokenIdentitetsleverantor.class));
  }

  /** Creates {@code camunda-admin} and grants it everything, idempotently. */
  @EventListener(PostDeployEvent.class)
  @Order(11)
  public void administratorer() {
    if (identityService.createGroupQuery().groupId(Grupper.CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(Grupper.CAMUNDA_ADMIN);
      group.setName("Administratörer");
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      authorizationSetup.grant(Grupper.CAMUNDA_ADMIN, resource, org.camunda.bpm.engine.authorization.Authorization.ANY, Permissions.ALL);
    }
  }
}
