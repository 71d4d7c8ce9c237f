package se.stockholm.ks.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stockholm.ks.organisation.Organisation;

/**
 * Creates the process's groups and their authorizations at start, idempotently, in every profile.
 *
 * <p>What each group may do:
 * <ul>
 *   <li>every official's group: Tasklist, read the process definitions and the cases
 *       (READ_INSTANCE, READ_HISTORY: skrivelser and their handlingar are allmänna handlingar);
 *       tasks only through the engine's own task authorizations for candidate groups, so each
 *       group sees and completes only its own tasks;</li>
 *   <li>{@code ks-kansli} and {@code integration}: start skrivelser; withdraw them
 *       (UPDATE_INSTANCE); {@code integration} gets no Tasklist and no task permission;</li>
 *   <li>{@code processagare}: Cockpit, read everything, change nothing;</li>
 *   <li>{@code drift}: no engine permission at all; reads the metrics at {@code /actuator/prometheus}
 *       ({@link se.stockholm.ks.behorighet.Driftgrind}).</li>
 * </ul>
 * No group but the administrators gets READ_INSTANCE_VARIABLE or READ_HISTORY_VARIABLE: variables
 * are read through the tasks a group works on (see {@link se.stockholm.ks.behorighet.BehorighetPlugin}
 * and the README, "Behörigheter").
 */
@Component
public class AuthorizationSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);

  /** The process definition that officials and integrations may start. */
  public static final String STARTABLE_PROCESS = "skrivelse";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final Organisation organisation;

  AuthorizationSetup(IdentityService identityService, AuthorizationService authorizationService,
                     Organisation organisation) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.organisation = organisation;
  }

  /**
   * @return every group of the process with its display name, official groups first
   */
  public Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(Grupper.KS_KANSLI, "KS kansli (registrator)");
    organisation.remissinstanser().forEach(r -> groups.putIfAbsent(r.grupp(), r.namn()));
    organisation.rotlar().forEach(r -> groups.put(r.grupp(), r.namn()));
    groups.put(Grupper.BRB_SEKRETERARE, "Borgarrådsberedningens sekreterare");
    groups.put(Grupper.KS_SEKRETERARE, "Kommunstyrelsens sekreterare");
    organisation.partier().forEach(p -> groups.put(p.grupp(), p.namn() + " (" + p.kod() + ")"));
    groups.put(Grupper.PROCESSAGARE, "Processägare");
    groups.put(Grupper.INTEGRATION, "Integrationer (tjänstekonton)");
    groups.put(Grupper.DRIFT, "Drift (mätvärden)");
    groups.put(Grupper.ARKIVARIE, "Arkivarier (e-arkivet)");
    return groups;
  }

  /** @return the groups whose members work in Tasklist */
  public List<String> officialGroups() {
    List<String> officials = new ArrayList<>(groups().keySet());
    officials.remove(Grupper.PROCESSAGARE);
    officials.remove(Grupper.INTEGRATION);
    officials.remove(Grupper.DRIFT);
    officials.remove(Grupper.ARKIVARIE);
    return officials;
  }

  /** Creates missing groups and grants; runs once the process application is deployed. */
  @EventListener(PostDeployEvent.class)
  @Order(10)
  public void setUp() {
    groups().forEach(this::ensureGroup);

    for (String group : officialGroups()) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    grant(Grupper.KS_KANSLI, Resources.PROCESS_DEFINITION, STARTABLE_PROCESS,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(Grupper.KS_KANSLI, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);

    grant(Grupper.INTEGRATION, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(Grupper.INTEGRATION, Resources.PROCESS_DEFINITION, STARTABLE_PROCESS,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(Grupper.INTEGRATION, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);

    grant(Grupper.PROCESSAGARE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Grupper.PROCESSAGARE, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(Grupper.PROCESSAGARE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(Grupper.PROCESSAGARE, Resources.TASK, ANY, TaskPermissions.READ);
    grant(Grupper.PROCESSAGARE, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Grupper.PROCESSAGARE, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    LOG.info("Grupper och behörigheter kontrollerade: {} grupper", groups().size());
  }

  private void ensureGroup(String id, String name) {
    if (identityService.isReadOnly()) {
      return; // oidc: the groups come from this configuration through the identity provider (se.stockholm.ks.identitet)
    }
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  /**
   * Grants the permissions to the group on the resource, adding to an existing grant.
   *
   * @param groupId the group
   * @param resource the resource type
   * @param resourceId the resource id, or {@code *}
   * @param permissions the permissions to add
   */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
