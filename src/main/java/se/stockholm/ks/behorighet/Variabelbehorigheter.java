package se.stockholm.ks.behorighet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, idempotently: tasks created before {@code enforceSpecificVariablePermission} was turned
 * on ({@link BehorighetPlugin}) carry their candidate groups' and assignees' READ grant without
 * READ_VARIABLE; this adds READ_VARIABLE to each such grant, as the engine now grants it to new
 * tasks, so that the forms of open tasks keep their values.
 */
@Component
public class Variabelbehorigheter {

  private static final Logger LOG = LoggerFactory.getLogger(Variabelbehorigheter.class);

  private final AuthorizationService authorizationService;

  Variabelbehorigheter(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Adds READ_VARIABLE to task grants that have READ but not READ_VARIABLE. */
  @EventListener(PostDeployEvent.class)
  @Order(11)
  public void komplettera() {
    int n = 0;
    for (Authorization a : authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(Resources.TASK)
        .hasPermission(TaskPermissions.READ)
        .list()) {
      if (!"*".equals(a.getResourceId()) && !a.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
        a.addPermission(TaskPermissions.READ_VARIABLE);
        authorizationService.saveAuthorization(a);
        n++;
      }
    }
    if (n > 0) {
      LOG.info("READ_VARIABLE lagt till på {} befintliga uppgiftsbehörigheter", n);
    }
  }
}
