package se.stockholm.ks.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stockholm.ks.security.AuthorizationSetup;

/**
 * The officials' saved Tasklist filters, created at start, idempotently, in every profile.
 *
 * <ul>
 *   <li>for each official group, "&lt;gruppens namn&gt;: uppgifter": the tasks the group is a
 *       candidate for, taken by someone or not; readable by that group only;</li>
 *   <li>"Mina uppgifter": the tasks assigned to the logged-in user;</li>
 *   <li>"Försenade uppgifter": tasks whose due date has passed, of the user's groups or
 *       assigned to the user;</li>
 * </ul>
 * the last two readable by every official group. All are sorted by due date, earliest first
 * (the sorting chosen in Tasklist's sorting bar comes after it, ordering tasks of the same due
 * date; scripts/default-sorting.js sets that bar to the due date too), and show the case's
 * {@code diarienummer} and {@code rubrik} in the task list.
 *
 * <p>The application owns these filters: each carries the property {@value #KEY_PROPERTY} with
 * a stable key, and at every start its name, query, properties and read grants are set to the
 * definition here (changes made in Tasklist are overwritten; filters of groups no longer
 * configured are removed). A filter saved in Tasklist loses that property; it is then found by
 * its name (without owner) instead, so no duplicate is created.
 */
@Component
public class TasklistFilters {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  /** Filter property holding the stable key of a filter managed by this application. */
  public static final String KEY_PROPERTY = "ksFilter";
  /** Name of the shared filter of the user's own tasks. */
  public static final String MINA_UPPGIFTER = "Mina uppgifter";
  /** Name of the shared filter of overdue tasks. */
  public static final String FORSENADE_UPPGIFTER = "Försenade uppgifter";
  /** Suffix of a group's filter name, after the group's name. */
  public static final String GROUP_FILTER_SUFFIX = ": uppgifter";

  /** Process variables shown for each task in the list: the case it belongs to. */
  static final List<Map<String, String>> CASE_VARIABLES = List.of(
      Map.of("name", "diarienummer", "label", "Diarienummer"),
      Map.of("name", "rubrik", "label", "Rubrik"));

  private static final String GROUP_KEY_PREFIX = "grupp:";
  private static final String MINA_UPPGIFTER_KEY = "mina-uppgifter";
  private static final String FORSENADE_UPPGIFTER_KEY = "forsenade-uppgifter";
  private static final String GROUP_COLOR = "#1b3a5c";
  private static final String MINA_UPPGIFTER_COLOR = "#3d6b47";
  private static final String FORSENADE_UPPGIFTER_COLOR = "#9b2335";
  private static final int MINA_UPPGIFTER_PRIORITY = 100;
  private static final int FORSENADE_UPPGIFTER_PRIORITY = 110;

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final AuthorizationSetup authorizationSetup;

  TasklistFilters(FilterService filterService, TaskService taskService,
                  AuthorizationService authorizationService, AuthorizationSetup authorizationSetup) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.authorizationSetup = authorizationSetup;
  }

  /**
   * A filter as the application defines it.
   *
   * @param key stable key, stored in the filter's property {@value #KEY_PROPERTY}
   * @param name the name shown in Tasklist
   * @param description the description shown in Tasklist
   * @param priority the position in Tasklist's list of filters (lowest first, and preselected)
   * @param color the filter's colour in Tasklist
   * @param query builds the task query, with expressions evaluated for the logged-in user
   * @param readers the groups granted READ on the filter; no other group is
   */
  public record Definition(String key, String name, String description, int priority,
                           String color, Supplier<TaskQuery> query, List<String> readers) {
  }

  /** Creates or corrects the filters and their read grants; runs after the groups exist. */
  @EventListener(PostDeployEvent.class)
  @Order(30)
  public void setUp() {
    List<Definition> definitions = definitions();
    Map<String, List<Filter>> existing = managedFilters();
    for (Definition definition : definitions) {
      Filter filter = ensureFilter(definition, existing.getOrDefault(definition.key(), List.of()));
      restrictReadTo(filter.getId(), definition.readers());
    }
    Set<String> keys = definitions.stream().map(Definition::key).collect(Collectors.toSet());
    existing.forEach((key, filters) -> {
      if (!keys.contains(key)) {
        filters.forEach(filter -> {
          LOG.info("Tar bort Tasklist-filtret '{}': gruppen finns inte längre", filter.getName());
          filterService.deleteFilter(filter.getId());
        });
      }
    });
    LOG.info("Tasklist-filter kontrollerade: {} filter", definitions.size());
  }

  /**
   * @return the filters of the application: one per official group, then the shared ones
   */
  public List<Definition> definitions() {
    Map<String, String> names = authorizationSetup.groups();
    List<String> officials = authorizationSetup.officialGroups();
    List<Definition> definitions = new ArrayList<>();
    int priority = 10;
    for (String group : officials) {
      String name = names.getOrDefault(group, group);
      definitions.add(new Definition(
          GROUP_KEY_PREFIX + group,
          name + GROUP_FILTER_SUFFIX,
          "Uppgifter för " + name + ", både lediga och sådana som någon har tagit."
              + " Tidigast förfallodatum först.",
          priority++,
          GROUP_COLOR,
          () -> taskService.createTaskQuery()
              .taskCandidateGroup(group)
              .includeAssignedTasks()
              .orderByDueDate().asc(),
          List.of(group)));
    }
    definitions.add(new Definition(
        MINA_UPPGIFTER_KEY,
        MINA_UPPGIFTER,
        "Uppgifter som du har tagit eller fått tilldelade. Tidigast förfallodatum först.",
        MINA_UPPGIFTER_PRIORITY,
        MINA_UPPGIFTER_COLOR,
        () -> taskService.createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate().asc(),
        officials));
    definitions.add(new Definition(
        FORSENADE_UPPGIFTER_KEY,
        FORSENADE_UPPGIFTER,
        "Uppgifter vars förfallodatum har passerat, i dina grupper eller tilldelade dig."
            + " Mest försenade först.",
        FORSENADE_UPPGIFTER_PRIORITY,
        FORSENADE_UPPGIFTER_COLOR,
        () -> taskService.createTaskQuery()
            .dueBeforeExpression("${now()}")
            .or()
              .taskCandidateGroupInExpression("${currentUserGroups()}")
              .includeAssignedTasks()
              .taskAssigneeExpression("${currentUser()}")
            .endOr()
            .orderByDueDate().asc(),
        officials));
    return definitions;
  }

  /** @return the application's filters by key; more than one per key only after a failure */
  private Map<String, List<Filter>> managedFilters() {
    Map<String, List<Filter>> byKey = new LinkedHashMap<>();
    for (Filter filter : filterService.createTaskFilterQuery().list()) {
      Object key = filter.getProperties() == null ? null : filter.getProperties().get(KEY_PROPERTY);
      if (key instanceof String k) {
        byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(filter);
      }
    }
    return byKey;
  }

  private Filter ensureFilter(Definition definition, List<Filter> byKey) {
    List<Filter> candidates = new ArrayList<>(byKey);
    if (candidates.isEmpty()) {
      // saved in Tasklist, which drops unknown properties: recognise it by name, without owner
      filterService.createTaskFilterQuery().filterName(definition.name()).list().stream()
          .filter(f -> f.getOwner() == null)
          .forEach(candidates::add);
    }
    Filter filter;
    if (candidates.isEmpty()) {
      filter = filterService.newTaskFilter();
      LOG.info("Skapar Tasklist-filtret '{}'", definition.name());
    } else {
      filter = candidates.get(0);
      candidates.subList(1, candidates.size()).forEach(duplicate -> {
        LOG.warn("Tar bort dubblett av Tasklist-filtret '{}'", duplicate.getName());
        filterService.deleteFilter(duplicate.getId());
      });
    }
    filter.setName(definition.name());
    filter.setOwner(null);
    filter.setQuery(definition.query().get());
    filter.setProperties(properties(definition));
    return filterService.saveFilter(filter);
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", false);
    properties.put("variables", CASE_VARIABLES);
    properties.put("showUndefinedVariable", false);
    properties.put(KEY_PROPERTY, definition.key());
    return properties;
  }

  /** Grants READ to the readers; removes every other grant on the filter. */
  private void restrictReadTo(String filterId, List<String> readers) {
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .resourceType(Resources.FILTER)
        .resourceId(filterId)
        .authorizationType(AUTH_TYPE_GRANT)
        .list()) {
      if (authorization.getGroupId() == null || !readers.contains(authorization.getGroupId())) {
        LOG.info("Tar bort behörighet till Tasklist-filter {} för {}", filterId,
            Objects.requireNonNullElse(authorization.getGroupId(), authorization.getUserId()));
        authorizationService.deleteAuthorization(authorization.getId());
      }
    }
    for (String group : readers) {
      authorizationSetup.grant(group, Resources.FILTER, filterId, Permissions.READ);
    }
  }
}
