package se.stockholm.ks.benchmark.referens;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The benchmark's reference: a bare Camunda 7.24 Spring Boot app with the application's Camunda
 * starters and, where it matters for the figures, its engine configuration (history level audit,
 * authorizations on, HTTP Basic on {@code /engine-rest}, JSON serialization, job executor, a pool
 * of 20 connections, PostgreSQL). Its one model, {@code referens}, has the skrivelse case's six
 * user tasks, with the same candidate groups, in a row, and nothing else: no delegates, no
 * listeners, no timers, no diarium. The users are the application's demo users, in the same
 * groups, with the same grants; the group ks-kansli gets the same saved Tasklist filter. Like the
 * application it is a process application that deploys its model through META-INF/processes.xml.
 */
@SpringBootApplication
@EnableProcessApplication("referens")
public class ReferensApplikation {

  /** Password of every user (the benchmark's own database only). */
  static final String LOSENORD = "demo";

  /** The official groups and their users, as in the application's demo users. */
  static final Map<String, String> ANVANDARE = new LinkedHashMap<>();

  static {
    ANVANDARE.put("registrator", "ks-kansli");
    ANVANDARE.put("handlaggare", "stadsledningskontoret");
    ANVANDARE.put("rotel1", "rotel-i");
    ANVANDARE.put("brbsekreterare", "brb-sekreterare");
    ANVANDARE.put("liberalerna", "parti-l");
    ANVANDARE.put("kssekreterare", "ks-sekreterare");
    ANVANDARE.put("integration", "integration");
  }

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  ReferensApplikation(IdentityService identityService, AuthorizationService authorizationService,
                      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /**
   * Starts the reference app.
   *
   * @param args Spring Boot's arguments
   */
  public static void main(String[] args) {
    System.setProperty("user.timezone", "Europe/Stockholm");
    SpringApplication.run(ReferensApplikation.class, args);
  }

  /** @return HTTP Basic against the engine's identities on /engine-rest, as in the application */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }

  /** Creates the groups, users, grants and the ks-kansli filter, as the application does. */
  @EventListener(PostDeployEvent.class)
  public void setUp() {
    ANVANDARE.forEach((anvandare, grupp) -> {
      if (identityService.createGroupQuery().groupId(grupp).count() == 0) {
        var g = identityService.newGroup(grupp);
        g.setName(grupp);
        g.setType("WORKFLOW");
        identityService.saveGroup(g);
      }
      if (identityService.createUserQuery().userId(anvandare).count() == 0) {
        User u = identityService.newUser(anvandare);
        u.setFirstName(anvandare);
        u.setLastName("Referens");
        u.setPassword(LOSENORD);
        identityService.saveUser(u);
        identityService.createMembership(anvandare, grupp);
      }
    });
    for (String grupp : ANVANDARE.values()) {
      if (grupp.equals("integration")) {
        continue;
      }
      grant(grupp, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(grupp, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    for (String grupp : List.of("ks-kansli", "integration")) {
      grant(grupp, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      grant(grupp, Resources.PROCESS_DEFINITION, "referens", ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE);
      grant(grupp, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    }
    if (filterService.createTaskFilterQuery().filterName("ks-kansli: uppgifter").count() == 0) {
      Filter filter = filterService.newTaskFilter("ks-kansli: uppgifter");
      filter.setQuery(taskService.createTaskQuery().taskCandidateGroup("ks-kansli").includeAssignedTasks()
          .orderByDueDate().asc());
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("priority", 10);
      properties.put("refresh", false);
      properties.put("variables", List.of(Map.of("name", "diarienummer", "label", "Diarienummer"),
          Map.of("name", "rubrik", "label", "Rubrik")));
      properties.put("showUndefinedVariable", false);
      filter.setProperties(properties);
      filter = filterService.saveFilter(filter);
      grant("ks-kansli", Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private void grant(String grupp, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grupp).resourceType(resource).resourceId(resourceId).singleResult();
    if (a == null) {
      a = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(grupp);
      a.setResource(resource);
      a.setResourceId(resourceId);
    }
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizationService.saveAuthorization(a);
  }
}
