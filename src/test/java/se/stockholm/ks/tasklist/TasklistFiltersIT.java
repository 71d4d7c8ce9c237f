package se.stockholm.ks.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.stockholm.ks.security.AuthorizationSetup;
import se.stockholm.ks.security.Grupper;
import se.stockholm.ks.support.IntegrationTest;
import se.stockholm.ks.support.Webbappsetiketter;

/**
 * The saved Tasklist filters: created once, each group sees its own and the shared ones only,
 * their queries find the right tasks; and the served Tasklist is the project's Swedish one.
 */
@IntegrationTest
class TasklistFiltersIT {

  private static final String TASKLIST = "/camunda/app/tasklist/";
  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";

  @Autowired
  TasklistFilters tasklistFilters;
  @Autowired
  AuthorizationSetup authorizationSetup;
  @Autowired
  FilterService filterService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  TestRestTemplate rest;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> createdTasks = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    createdTasks.forEach(id -> taskService.deleteTask(id, true));
    createdTasks.clear();
  }

  @Test
  void filtersExistOnceAfterStartAndAfterRunningTheSetUpAgain() {
    List<String> expected = expectedNames();
    assertThat(expected).hasSize(authorizationSetup.officialGroups().size() + 2)
        .contains("KS kansli (registrator): uppgifter", "Rotel I: uppgifter",
            "Liberalerna (L): uppgifter", "Mina uppgifter", "Försenade uppgifter");
    assertThat(allFilterNames()).containsExactlyInAnyOrderElementsOf(expected);
    Set<String> idsBefore = allFilterIds();
    int grantsBefore = filterGrants().size();

    tasklistFilters.setUp();
    tasklistFilters.setUp();

    assertThat(allFilterNames()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(allFilterIds()).isEqualTo(idsBefore);
    assertThat(filterGrants()).hasSize(grantsBefore);
  }

  @Test
  void aFilterSavedInTasklistIsCorrectedNotDuplicated() {
    Filter filter = filterByName(TasklistFilters.MINA_UPPGIFTER);
    // what Tasklist does on save: only its own properties, here with another query
    filter.setProperties(Map.of("description", "ändrad", "priority", 1, "color", "#ff0000"));
    filter.setQuery(taskService.createTaskQuery().taskCandidateGroup(Grupper.KS_KANSLI));
    filterService.saveFilter(filter);
    authorizationSetup.grant(Grupper.PROCESSAGARE, Resources.FILTER, filter.getId(), Permissions.READ);

    tasklistFilters.setUp();

    assertThat(allFilterNames()).containsExactlyInAnyOrderElementsOf(expectedNames());
    Filter corrected = filterService.getFilter(filter.getId());
    assertThat(corrected.getProperties())
        .containsEntry(TasklistFilters.KEY_PROPERTY, "mina-uppgifter")
        .containsEntry("color", "#3d6b47");
    assertThat(readerGroups(filter.getId()))
        .containsExactlyInAnyOrderElementsOf(authorizationSetup.officialGroups());
  }

  @Test
  void filtersShowTheCaseAndSortByDueDate() {
    for (Filter filter : filterService.createTaskFilterQuery().list()) {
      assertThat(filter.getProperties().get("variables")).as(filter.getName())
          .isEqualTo(List.of(
              Map.of("name", "diarienummer", "label", "Diarienummer"),
              Map.of("name", "rubrik", "label", "Rubrik")));
      assertThat(filter.getProperties().get("description")).as(filter.getName())
          .asString().isNotBlank();
      assertThat(filter.getProperties()).containsKeys("priority", "color");
    }
  }

  @Test
  void eachGroupSeesItsOwnFilterAndTheSharedOnesOnly() {
    Map<String, String> names = authorizationSetup.groups();
    for (String group : authorizationSetup.officialGroups()) {
      assertThat(visibleFilterNames("nagon", List.of(group))).as(group)
          .containsExactlyInAnyOrder(names.get(group) + TasklistFilters.GROUP_FILTER_SUFFIX,
              TasklistFilters.MINA_UPPGIFTER, TasklistFilters.FORSENADE_UPPGIFTER);
      assertThat(readerGroups(filterByName(names.get(group) + TasklistFilters.GROUP_FILTER_SUFFIX)
          .getId())).containsExactly(group);
    }
    assertThat(visibleFilterNames("registrator", List.of(Grupper.KS_KANSLI, "rotel-i")))
        .containsExactlyInAnyOrder("KS kansli (registrator): uppgifter", "Rotel I: uppgifter",
            TasklistFilters.MINA_UPPGIFTER, TasklistFilters.FORSENADE_UPPGIFTER);
    assertThat(visibleFilterNames("processagare", List.of(Grupper.PROCESSAGARE))).isEmpty();
    assertThat(visibleFilterNames("integration", List.of(Grupper.INTEGRATION))).isEmpty();
  }

  @Test
  void theQueriesFindTheGroupsTasksMyTasksAndOverdueTasks() {
    Instant now = Instant.now();
    String overdueForKansli = task("Fördela ärendet", Grupper.KS_KANSLI, null,
        now.minus(2, ChronoUnit.DAYS));
    String mineLater = task("Registrera skrivelse", Grupper.KS_KANSLI, "registrator",
        now.plus(3, ChronoUnit.DAYS));
    String mineSoon = task("Hantera försenat remissvar", Grupper.KS_KANSLI, "registrator",
        now.plus(1, ChronoUnit.DAYS));
    String colleaguesOverdue = task("Fördela ärendet", Grupper.KS_KANSLI, "annan",
        now.minus(1, ChronoUnit.DAYS));
    String forRotel = task("Upprätta promemoria", "rotel-i", null,
        now.minus(5, ChronoUnit.DAYS));

    String kansliFilter = filterByName("KS kansli (registrator): uppgifter").getId();
    String rotelFilter = filterByName("Rotel I: uppgifter").getId();
    String mina = filterByName(TasklistFilters.MINA_UPPGIFTER).getId();
    String forsenade = filterByName(TasklistFilters.FORSENADE_UPPGIFTER).getId();

    as("registrator", Grupper.KS_KANSLI, () -> {
      assertThat(taskIds(kansliFilter))
          .containsExactly(overdueForKansli, colleaguesOverdue, mineSoon, mineLater);
      assertThat(taskIds(mina)).containsExactly(mineSoon, mineLater);
      assertThat(taskIds(forsenade)).containsExactly(overdueForKansli, colleaguesOverdue);
      assertThatThrownBy(() -> filterService.list(rotelFilter))
          .isInstanceOf(AuthorizationException.class);
      return null;
    });
    as("rotel1", "rotel-i", () -> {
      assertThat(taskIds(rotelFilter)).containsExactly(forRotel);
      assertThat(taskIds(mina)).isEmpty();
      assertThat(taskIds(forsenade)).containsExactly(forRotel);
      assertThatThrownBy(() -> filterService.list(kansliFilter))
          .isInstanceOf(AuthorizationException.class);
      return null;
    });
  }

  @Test
  void theServedConfigIsTheProjects() {
    ResponseEntity<String> response =
        rest.getForEntity(TASKLIST + "scripts/config.js", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .contains("vendor: 'Stockholms stad –'", "name: 'Kommunstyrelsen'")
        .contains("availableLocales: ['sv']", "fallbackLocale: 'sv'")
        .contains("short: 'YYYY-MM-DD'", "disableWelcomeMessage: true")
        .contains("customScripts: ['scripts/swedish-dates', 'scripts/default-sorting', 'scripts/formular', 'scripts/inbaddade-formular',\n    'scripts/oidc-utloggning']");

    ResponseEntity<String> dates =
        rest.getForEntity(TASKLIST + "scripts/swedish-dates.js", String.class);
    assertThat(dates.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dates.getBody()).contains("amTimeAgoDirective", "'januari'");
    ResponseEntity<String> sorting =
        rest.getForEntity(TASKLIST + "scripts/default-sorting.js", String.class);
    assertThat(sorting.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sorting.getBody()).contains("sortBy: 'dueDate', sortOrder: 'asc'");
    ResponseEntity<String> formular =
        rest.getForEntity(TASKLIST + "scripts/formular.js", String.class);
    assertThat(formular.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(formular.getBody()).contains("decorator('Notifications'", "'Fältet måste fyllas i.'");
  }

  @Test
  void theServedSwedishLocaleTranslatesEveryLabelOfTheWebapp() throws IOException {
    ResponseEntity<byte[]> response =
        rest.getForEntity(TASKLIST + "locales/sv.json", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode sv = json.readTree(new String(response.getBody(), StandardCharsets.UTF_8));
    JsonNode en = webjarJson(WEBJAR + "tasklist/locales/en.json");

    assertThat(Webbappsetiketter.skillnader(sv.get("labels"), en.get("labels"))).isEmpty();
    assertThat(fieldNames(sv.get("dateLocales"))).isEqualTo(fieldNames(en.get("dateLocales")));
    JsonNode labels = sv.get("labels");
    assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("Ta uppgift");
    assertThat(labels.get("COMPLETE").asText()).isEqualTo("Slutför");
    assertThat(labels.get("DUE_DATE").asText()).isEqualTo("Förfallodatum");
    assertThat(labels.get("FOLLOW_UP_DATE").asText()).isEqualTo("Uppföljningsdatum");
    assertThat(labels.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Logga in");
    assertThat(labels.get("BANNER_CE_EOL_TEXT").asText()).isEmpty();
    assertThat(sv.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(sv.at("/dateLocales/months/0").asText()).isEqualTo("januari");
  }

  @Test
  void theCamunda8BannerIsHiddenInEveryWebapp() {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      ResponseEntity<String> response =
          rest.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
      assertThat(response.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      // each app's stylesheet imports the one shared file; the browser resolves it against the app's styles/
      Matcher imp = Pattern.compile("@import url\\(([^)]+)\\);").matcher(response.getBody());
      assertThat(imp.find()).as(app + ": imports the city's look").isTrue();
      String delad = URI.create("/camunda/app/" + app + "/styles/").resolve(imp.group(1)).toString();
      ResponseEntity<String> utseende = rest.getForEntity(delad, String.class);
      assertThat(utseende.getStatusCode()).as(delad).isEqualTo(HttpStatus.OK);
      assertThat(utseende.getBody()).as(app)
          .containsPattern("\\.ce-eol-banner[^{]*\\{\\s*display: none !important;");
    }
    ResponseEntity<String> logo =
        rest.getForEntity(TASKLIST + "styles/stockholms-stad.svg", String.class);
    assertThat(logo.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(logo.getBody()).contains("Stockholms stad");
  }

  private List<String> expectedNames() {
    return tasklistFilters.definitions().stream().map(TasklistFilters.Definition::name).toList();
  }

  private List<String> allFilterNames() {
    return filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
  }

  private Set<String> allFilterIds() {
    return filterService.createTaskFilterQuery().list().stream().map(Filter::getId)
        .collect(Collectors.toSet());
  }

  private Filter filterByName(String name) {
    return filterService.createTaskFilterQuery().filterName(name).singleResult();
  }

  private List<Authorization> filterGrants() {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).list();
  }

  private List<String> readerGroups(String filterId) {
    return authorizationService.createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(filterId).list().stream()
        .filter(a -> a.isPermissionGranted(Permissions.READ))
        .map(Authorization::getGroupId).toList();
  }

  private List<String> visibleFilterNames(String user, List<String> groups) {
    identityService.setAuthentication(user, groups);
    try {
      return allFilterNames();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private <T> T as(String user, String group, Supplier<T> action) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> taskIds(String filterId) {
    List<Task> tasks = filterService.list(filterId);
    return tasks.stream().map(Task::getId).toList();
  }

  private String task(String name, String candidateGroup, String assignee, Instant due) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setDueDate(Date.from(due));
    task.setAssignee(assignee);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), candidateGroup);
    createdTasks.add(task.getId());
    return task.getId();
  }

  private JsonNode webjarJson(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
