package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One app under benchmark — the application or the reference — and the ways the benchmark
 * drives it: a REST start, a cohort of cases from start to closed, a Tasklist refresh and a
 * lookup of a closed case, all over HTTP as the roles would; plus what it needs from its
 * database (open and closed cases, bulk copies of closed cases).
 */
public abstract class Mal {

  /** The longest pause between two polls of the driver, ms: the resolution of the task-to-task latency. */
  static final long POLL_MAX_MS = 250;

  /** The benchmark's settings. */
  protected final Konfiguration konf;
  /** HTTP to the running app. */
  protected Http http;
  private final AtomicInteger jobbfel = new AtomicInteger();
  /** The driver's own connection to the app's database (to map tasks to their cases). */
  private Connection databas;
  private final AtomicInteger rotfragor = new AtomicInteger();
  private volatile Latenser latens = new Latenser();
  private volatile Map<String, Latenser> latensPerSteg = new java.util.concurrent.ConcurrentSkipListMap<>();

  /** @param konf the benchmark's settings */
  protected Mal(Konfiguration konf) {
    this.konf = konf;
  }

  /** @return the name in the report */
  public abstract String namn();

  /** @return a short name for files and database logs */
  public abstract String kortnamn();

  /** @return the key of the model whose instances are the cases */
  public abstract String processnyckel();

  /**
   * @param port the HTTP port
   * @param sqlPort the port of the statement counter
   * @return the command line that starts the app
   */
  public abstract List<String> kommando(int port, int sqlPort);

  /**
   * @param dbUrl the JDBC URL of the app's fresh database
   * @param adminLosen the administrator's password
   * @return the environment the app gets
   */
  public abstract Map<String, String> miljo(String dbUrl, String adminLosen);

  /**
   * Called once the app is ready.
   *
   * @param http HTTP to the app
   * @throws Exception on failure
   */
  public void forbered(Http http) throws Exception {
    this.http = http;
  }

  /**
   * Starts one case over REST as the integration would.
   *
   * @param nummer a running number, unique in the run
   * @return the case's business key
   * @throws Exception on failure
   */
  public abstract String startaEtt(int nummer) throws Exception;

  /**
   * Drives a cohort of cases from start to closed.
   *
   * @param nummer the cohort's number, from 0
   * @param storlek its cases
   * @param pool the clients
   * @throws Exception on failure
   */
  public abstract void kohort(int nummer, int storlek, ExecutorService pool) throws Exception;

  /**
   * One Tasklist refresh of the group ks-kansli's filter, as user registrator: the first page of
   * 15 tasks (HAL, with the filter's variables) and the count.
   *
   * @throws Exception on failure
   */
  public abstract void tasklist() throws Exception;

  /**
   * Looks up one closed case.
   *
   * @param nyckel its business key
   * @throws Exception on failure
   */
  public abstract void uppslag(String nyckel) throws Exception;

  /**
   * @param c the app's database
   * @return the business keys of the closed cases
   * @throws Exception on failure
   */
  public abstract List<String> stangda(Connection c) throws Exception;

  /**
   * Bulk-copies closed cases in the database.
   *
   * @param c the app's database
   * @param kopior copies of each closed case
   * @param logg progress
   * @throws Exception on failure
   */
  public abstract void kopieraStangda(Connection c, int kopior, java.util.function.Consumer<String> logg) throws Exception;

  /**
   * Called after each repetition of the lifecycle, before its transactions are counted.
   *
   * @throws Exception on failure
   */
  public void efterLivscykel() throws Exception {
    // nothing by default
  }

  /**
   * @return open (running) cases
   * @throws Exception on failure
   */
  public long oppna() throws Exception {
    return http.json("GET", "/engine-rest/process-instance/count?processDefinitionKey=" + processnyckel(), "admin", null)
        .path("count").asLong();
  }

  /**
   * @param c the driver's own connection to the app's database, used to map a task's process
   *     instance to its case (its root process instance); each such query is a transaction of its
   *     own, counted in {@link #rotfragor()} so that it can be taken off the app's transactions
   */
  public void databas(Connection c) {
    this.databas = c;
  }

  /** @return the driver's queries on the app's database so far (transactions not the app's) */
  public int rotfragor() {
    return rotfragor.get();
  }

  /**
   * Starts a new latency measurement: from a role's completed task to the next role seeing the
   * case's next task (see {@link #steg}).
   *
   * @return the previous measurement
   */
  public Latenser nyLatens() {
    Latenser l = latens;
    latens = new Latenser();
    return l;
  }

  /**
   * Starts a new latency measurement per step, like {@link #nyLatens}.
   *
   * @return the previous measurement: per next task's definition key, its latencies
   */
  public Map<String, Latenser> nyLatensPerSteg() {
    Map<String, Latenser> l = latensPerSteg;
    latensPerSteg = new java.util.concurrent.ConcurrentSkipListMap<>();
    return l;
  }

  /** @return job executions by the driver that failed otherwise than on optimistic locking */
  public int jobbfel() {
    return jobbfel.get();
  }

  // --- helpers for the subclasses ------------------------------------------------------------

  /**
   * Runs work for each item on the clients and waits for all.
   *
   * @param <T> the item type
   * @param pool the clients
   * @param items the items
   * @param arbete the work
   * @throws Exception the first failure
   */
  protected static <T> void parallellt(ExecutorService pool, List<T> items, Arbete<T> arbete) throws Exception {
    List<Future<?>> f = new ArrayList<>();
    for (T item : items) {
      f.add(pool.submit(() -> {
        arbete.gor(item);
        return null;
      }));
    }
    for (Future<?> x : f) {
      try {
        x.get();
      } catch (ExecutionException e) {
        f.forEach(y -> y.cancel(true));
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
    }
  }

  /**
   * Work on one item.
   *
   * @param <T> the item type
   */
  @FunctionalInterface
  public interface Arbete<T> {
    /**
     * @param item the item
     * @throws Exception on failure
     */
    void gor(T item) throws Exception;
  }

  /**
   * Waits until the user sees at least {@code antal} open tasks of the activity, executing due
   * jobs meanwhile (see {@link #korJobb}).
   *
   * @param aktivitet the task's definition key
   * @param anvandare the user
   * @param antal how many
   * @param pool the clients
   * @return the tasks
   * @throws Exception on failure or after five minutes
   */
  protected List<JsonNode> vantaUppgifter(String aktivitet, String anvandare, int antal, ExecutorService pool)
      throws Exception {
    String q = "/engine-rest/task?taskDefinitionKey=" + aktivitet + "&maxResults=" + (antal + 100);
    List<JsonNode> ut = new ArrayList<>();
    vanta(aktivitet + " hos " + anvandare, pool, () -> {
      try {
        JsonNode lista = http.json("GET", q, anvandare, null);
        ut.clear();
        lista.forEach(ut::add);
        return ut.size() >= antal;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return ut;
  }

  /**
   * Waits for a condition, polling at first every 50 ms, then less often (up to every 250 ms, so
   * that the polls add little to the statements and transactions counted); after the first second
   * it executes the timers that are due between polls (the job executor is not told when the clock
   * moves). Asynchronous continuations are left to the engine's job executor, which is told of
   * each new one, so that no job runs twice.
   *
   * @param vad what is waited for, for the message
   * @param pool the clients
   * @param villkor the condition
   * @throws Exception on failure or after five minutes
   */
  protected void vanta(String vad, ExecutorService pool, BooleanSupplier villkor) throws Exception {
    long t0 = System.nanoTime();
    long paus = 50;
    while (!villkor.getAsBoolean()) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > 600_000) {
        throw new IllegalStateException("Väntade i tio minuter på " + vad);
      }
      if (ms > 1000) {
        korJobb(pool);
      }
      Thread.sleep(paus);
      paus = Math.min(POLL_MAX_MS, paus * 3 / 2);
    }
  }

  /**
   * Executes the timers that are due now (as administrator, through the engine REST API), as the
   * project's scenario runner does; the engine's job executor runs them too, and a job both run is
   * done once (the other fails on optimistic locking or on the execution being gone: ignored).
   *
   * @param pool the clients
   * @throws Exception on failure
   */
  protected void korJobb(ExecutorService pool) throws Exception {
    JsonNode jobb = http.json("GET", "/engine-rest/job?executable=true&withException=false&noRetriesLeft=false"
        + "&timers=true&maxResults=500", "admin", null);
    List<String> id = new ArrayList<>();
    jobb.forEach(j -> id.add(j.path("id").asText()));
    parallellt(pool, id, j -> {
      HttpResponse<String> r = http.skicka("POST", "/engine-rest/job/" + j + "/execute", "admin", null, "application/json");
      if (r.statusCode() >= 300 && r.statusCode() != 404 && !r.body().contains("OptimisticLocking")
          && !r.body().contains("getDelayedEvents") && jobbfel.incrementAndGet() <= 5) {
        System.err.println("  jobbet " + j + " misslyckades: " + r.statusCode() + " "
            + (r.body().length() > 400 ? r.body().substring(0, 400) : r.body()));
      }
    });
  }

  /**
   * One step of a cohort: the role completes its tasks (claim and submit-form, on the clients, all
   * at once) while the next role polls for the cases' next tasks; returns when all are completed
   * and the next role sees {@code antal} next tasks. For each case the latency from its task's
   * completion (the submit's answer) to the first poll that shows its next task is recorded in the
   * current latency measurement ({@link #nyLatens}); the polls come at most every
   * {@value #POLL_MAX_MS} ms, which is the measurement's resolution. A case is its root process
   * instance (the next task may be in a called process).
   *
   * @param uppgifter the tasks to complete
   * @param anvandare their role's user
   * @param variabler the form's variables for the task with that index
   * @param nasta the next task's definition key
   * @param nastaAnvandare the next role's user
   * @param antal how many next tasks to wait for
   * @param pool the clients
   * @return the next tasks
   * @throws Exception on failure or after ten minutes
   */
  protected List<JsonNode> steg(List<JsonNode> uppgifter, String anvandare,
                                java.util.function.IntFunction<Map<String, Object>> variabler, String nasta,
                                String nastaAnvandare, int antal, ExecutorService pool) throws Exception {
    Map<String, String> rotFor = rotar(uppgifter);
    Map<String, Long> klar = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, Long> sedd = new java.util.HashMap<>();
    List<Future<?>> f = new ArrayList<>();
    for (int i = 0; i < uppgifter.size(); i++) {
      JsonNode t = uppgifter.get(i);
      Map<String, Object> v = variabler.apply(i);
      f.add(pool.submit(() -> {
        slutfor(t, anvandare, v);
        klar.put(rotFor.get(t.path("processInstanceId").asText()), System.nanoTime());
        return null;
      }));
    }
    String q = "/engine-rest/task?taskDefinitionKey=" + nasta + "&maxResults=" + (antal + 100);
    List<JsonNode> ut = new ArrayList<>();
    vanta(nasta + " hos " + nastaAnvandare, pool, () -> {
      try {
        long nu = System.nanoTime();
        JsonNode lista = http.json("GET", q, nastaAnvandare, null);
        ut.clear();
        lista.forEach(ut::add);
        List<JsonNode> nya = ut.stream().filter(t -> !rotFor.containsKey(t.path("processInstanceId").asText())).toList();
        rotFor.putAll(rotar(nya));
        for (JsonNode t : ut) {
          sedd.putIfAbsent(rotFor.get(t.path("processInstanceId").asText()), nu);
        }
        boolean alla = true;
        for (Future<?> x : f) {
          if (x.isDone()) {
            x.get(); // a failed completion fails the step
          } else {
            alla = false;
          }
        }
        return alla && ut.size() >= antal;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Latenser l = latens;
    Latenser steg = latensPerSteg.computeIfAbsent(nasta, k -> new Latenser());
    klar.forEach((rot, tid) -> {
      Long s = sedd.get(rot);
      if (s != null) {
        long n = Math.max(0, s - tid); // a poll sent before the submit's answer arrived: visible at once
        l.lagg(n);
        steg.lagg(n);
      }
    });
    return ut;
  }

  /**
   * @param uppgifter tasks
   * @return their process instances' root process instances (the cases)
   * @throws Exception on failure
   */
  private Map<String, String> rotar(List<JsonNode> uppgifter) throws Exception {
    Map<String, String> m = new java.util.HashMap<>();
    if (uppgifter.isEmpty()) {
      return m;
    }
    String[] pi = uppgifter.stream().map(t -> t.path("processInstanceId").asText()).distinct().toArray(String[]::new);
    synchronized (this) {
      rotfragor.incrementAndGet();
      try (var ps = databas.prepareStatement("select id_, root_proc_inst_id_ from act_ru_execution where id_ = any(?)")) {
        ps.setArray(1, databas.createArrayOf("varchar", pi));
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            m.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    for (String p : pi) {
      m.putIfAbsent(p, p);
    }
    return m;
  }

  /**
   * Waits until {@code antal} jobs of the activity exist (e.g. timers of a meeting).
   *
   * @param aktivitet the activity id
   * @param antal how many
   * @param pool the clients
   * @throws Exception on failure
   */
  protected void vantaJobb(String aktivitet, int antal, ExecutorService pool) throws Exception {
    vanta("jobb i " + aktivitet, pool, () -> {
      try {
        return http.json("GET", "/engine-rest/job/count?activityId=" + aktivitet, "admin", null).path("count").asLong()
            >= antal;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /**
   * Claims and submits a task's form, as its user (what Tasklist does).
   *
   * @param task the task
   * @param anvandare the user
   * @param variabler the form's variables
   * @throws Exception on failure
   */
  protected void slutfor(JsonNode task, String anvandare, Map<String, Object> variabler) throws Exception {
    String id = task.path("id").asText();
    http.json("POST", "/engine-rest/task/" + id + "/claim", anvandare, Map.of("userId", anvandare));
    ObjectNode body = Http.JSON.createObjectNode();
    body.set("variables", Http.JSON.valueToTree(variabler));
    http.json("POST", "/engine-rest/task/" + id + "/submit-form", anvandare, body);
  }

  /**
   * One Tasklist refresh of a filter: list (HAL, first 15, sorted by due date) and count.
   *
   * @param filterId the filter
   * @throws Exception on failure
   */
  protected void tasklistFilter(String filterId) throws Exception {
    String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    HttpResponse<String> r = http.skicka("POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        "registrator", body, "application/hal+json");
    if (r.statusCode() != 200 || !r.body().contains("_embedded")) {
      throw new IOException("Tasklist-listan gav " + r.statusCode() + ": " + r.body());
    }
    http.json("POST", "/engine-rest/filter/" + filterId + "/count", "registrator", body);
  }

  /**
   * @param s text
   * @return it URL-encoded
   */
  protected static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * @param value a string value
   * @return a String variable for the engine REST API
   */
  protected static Map<String, Object> str(String value) {
    return Map.of("value", value, "type", "String");
  }

  /**
   * @param value JSON text
   * @return a Json variable for the engine REST API
   */
  protected static Map<String, Object> jsonVar(String value) {
    return Map.of("value", value, "type", "Json");
  }

  /**
   * @param s a path
   * @return it absolute, as text
   */
  protected static String abs(Path s) {
    return s.toAbsolutePath().toString();
  }
}
