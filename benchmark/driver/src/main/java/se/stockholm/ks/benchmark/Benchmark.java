package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark of issues 10 and 21: runs the reference and the application side by side, each
 * with exactly the JVM settings of the project's Dockerfile on its own fresh database on the
 * machine's PostgreSQL, measures them alternately phase by phase, each phase repeated (see
 * docs/benchmarks.md for what and how), and writes the report.
 * Run it with {@code benchmark/run}; sizes are set with {@code -Dbench.…} (see {@link Konfiguration}).
 * Databases are dropped and apps stopped at the end, also on failure and on Ctrl-C.
 */
public final class Benchmark {

  private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

  private final Konfiguration konf;
  private final Databas pg;
  private final AtomicInteger lopnummer = new AtomicInteger(10_000_000);

  private Benchmark(Konfiguration konf) {
    this.konf = konf;
    this.pg = new Databas(konf.pgHost(), konf.pgPort(), konf.pgAnvandare());
  }

  /**
   * Runs the benchmark.
   *
   * @param args none
   * @throws Exception when the benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    Konfiguration konf = Konfiguration.fran();
    new Benchmark(konf).kor();
  }

  /**
   * The command line that starts an app's executable jar with the statement counter on its
   * classpath (Spring Boot's PropertiesLauncher with {@code loader.path}); the JVM settings come
   * from JAVA_TOOL_OPTIONS in the environment, as in the Docker image.
   *
   * @param jar the app's jar
   * @param appArgument the app's arguments
   * @param konf the settings
   * @return the command line
   */
  static List<String> javaKommando(Path jar, List<String> appArgument, Konfiguration konf) {
    Path raknare = konf.rot().resolve("benchmark/sqlraknare/target");
    List<String> k = new ArrayList<>();
    k.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    k.add("-Dloader.path=" + raknare.resolve("sqlraknare.jar") + "," + raknare.resolve("loader-path"));
    if (Boolean.getBoolean("bench.jfr")) {
      // profiling on request: a JFR recording of the whole run, read with jfr print / jfr summary
      k.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
          + konf.rot().resolve("target/benchmark/" + jar.getFileName().toString().replaceAll("[-.].*", "") + ".jfr"));
    }
    k.add("-cp");
    k.add(jar.toString());
    k.add(PROPERTIES_LAUNCHER);
    k.addAll(appArgument);
    String extra = System.getProperty("bench.appArgument", "").trim();
    if (!extra.isEmpty()) {
      k.addAll(List.of(extra.split("\\s+"))); // for profiling, e.g. a logger level
    }
    return k;
  }

  /** One app under benchmark while the run lasts: its model, results, process, database and connection. */
  private static final class Korning {
    final Mal mal;
    final Resultat r = new Resultat();
    Appprocess app;
    String db;
    Connection c;
    int sqlPort;
    /** Cohorts run so far, over all repetitions (a cohort's number makes its cases' keys). */
    int kohorter;

    Korning(Mal mal) {
      this.mal = mal;
      r.namn = mal.namn();
      r.kortnamn = mal.kortnamn();
    }
  }

  /** One phase's work for one app in one repetition. */
  @FunctionalInterface
  private interface Fas {
    void kor(Korning k, int upprepning) throws Exception;
  }

  private void kor() throws Exception {
    Map<String, String> maskin = maskin();
    logg("Benchmark: " + konf);
    List<Korning> korningar = new ArrayList<>();
    for (String m : konf.mal()) {
      korningar.add(new Korning(switch (m) {
        case "app" -> new Skrivelseappen(konf);
        case "referens" -> new Referensappen(konf);
        default -> throw new IllegalArgumentException("Okänt mål: " + m);
      }));
    }
    Thread stadning = new Thread(() -> korningar.forEach(this::stada), "stadning");
    Runtime.getRuntime().addShutdownHook(stadning);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(konf.klienter(), 1));
    List<String> belastning = new ArrayList<>();
    try {
      for (int i = 0; i < korningar.size(); i++) {
        starta(korningar.get(i), i);
      }
      korAlternerande(korningar, pool, belastning);
    } catch (Exception e) {
      System.err.println("Körningen avbröts: " + e);
      e.printStackTrace();
      for (Korning k : korningar) {
        if (k.r.fel == null) {
          k.r.fel = e.toString();
        }
      }
    } finally {
      pool.shutdownNow();
      for (Korning k : korningar) {
        if (k.app != null) {
          k.r.lagg("rssMaxMb", k.app.maxRssKb() / 1024.0);
          k.r.jobbfel = k.mal.jobbfel();
        }
      }
      korningar.forEach(this::stada);
      try {
        Runtime.getRuntime().removeShutdownHook(stadning);
      } catch (IllegalStateException e) {
        // shutting down
      }
      logg("Apparna stoppade, databaserna borttagna");
    }
    maskin.put("belastningEfter", Files.readString(Path.of("/proc/loadavg")).trim());
    maskin.put("belastningUnder", String.join("; ", belastning));
    List<Resultat> resultat = korningar.stream().map(k -> k.r).toList();
    Path json = konf.rot().resolve("target/benchmark/resultat.json");
    Files.createDirectories(json.getParent());
    Http.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), Map.of("maskin", maskin, "konfiguration", konf.toString(),
        "resultat", resultat));
    Rapport.skriv(konf, maskin, resultat);
    logg("Klart: " + konf.rapport() + ", " + konf.svg() + ", " + json);
    if (resultat.stream().anyMatch(r -> r.fel != null)) {
      System.exit(1);
    }
  }

  private Map<String, String> maskin() throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("tid", LocalDateTime.now().withNano(0).toString());
    m.put("karnor", Integer.toString(Runtime.getRuntime().availableProcessors()));
    for (String rad : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (rad.startsWith("MemTotal:")) {
        m.put("minne", String.format("%.1f GiB", Long.parseLong(rad.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0));
      }
    }
    for (String rad : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (rad.startsWith("model name")) {
        m.put("processor", rad.substring(rad.indexOf(':') + 1).trim());
        break;
      }
    }
    m.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    m.put("postgresql", pg.version().replaceAll(" on .*", ""));
    m.put("belastningFore", Files.readString(Path.of("/proc/loadavg")).trim());
    return m;
  }

  private void stada(Korning k) {
    synchronized (k) {
      if (k.c != null) {
        try {
          k.c.close();
        } catch (Exception e) {
          // closing
        }
        k.c = null;
      }
      if (k.app != null) {
        k.app.close();
      }
      if (k.db != null && Boolean.getBoolean("bench.behallDatabas")) {
        logg("Databasen " + k.db + " behålls för analys: ta bort den med DROP DATABASE " + k.db + " WITH (FORCE)");
      } else if (k.db != null) {
        pg.tabort(k.db);
      }
      k.db = null;
    }
  }

  /** Starts an app on a fresh database and measures its start-up and memory after it. */
  private void starta(Korning k, int index) throws Exception {
    Mal mal = k.mal;
    k.db = pg.skapa();
    logg(mal.namn() + ": databas " + k.db);
    int port = konf.port() > 0 ? konf.port() + 2 * index : Appprocess.ledigPort();
    k.sqlPort = konf.port() > 0 ? port + 1 : Appprocess.ledigPort();
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    String adminLosen = HexFormat.of().formatHex(b);
    Map<String, String> miljo = new HashMap<>(mal.miljo(pg.url(k.db), adminLosen));
    miljo.put("JAVA_TOOL_OPTIONS", konf.javaToolOptions());
    miljo.put("TZ", "Europe/Stockholm");
    if (konf.mallocArenaMax() != null) {
      miljo.put("MALLOC_ARENA_MAX", konf.mallocArenaMax());
    }
    k.app = Appprocess.starta(mal.kortnamn(), mal.kommando(port, k.sqlPort), miljo,
        konf.rot().resolve("target/benchmark/" + mal.kortnamn() + ".log"), port);
    double startSek = k.app.vantaPaRedo(Duration.ofMinutes(5));
    k.r.lagg("startSek", startSek);
    logg(String.format("%s: redo efter %.1f s (pid %d, port %d)", mal.namn(), startSek, k.app.pid(), port));
    mal.forbered(new Http("http://127.0.0.1:" + port, adminLosen));
    k.c = pg.anslut(k.db);
    mal.databas(k.c);
    Thread.sleep(5000);
    k.r.lagg("rssStartMb", k.app.rssKb() / 1024.0);
    k.r.lagg("heapStartMb", k.app.heapEfterFullGcKb() / 1024.0);
    logg(String.format("%s: RSS %.0f MB, heap efter full GC %.0f MB", mal.namn(), k.r.varden("rssStartMb").get(0),
        k.r.varden("heapStartMb").get(0)));
  }

  /**
   * Runs each phase {@code konf.upprepningar()} times, and in each repetition every app one after
   * the other (the order turned one step each repetition), so that a change of the shared
   * machine's load hits all apps alike and each ratio can be taken within one repetition.
   */
  private void alternera(String fas, List<Korning> korningar, List<String> belastning, Fas arbete) throws Exception {
    for (int u = 0; u < konf.upprepningar(); u++) {
      String last = Files.readString(Path.of("/proc/loadavg")).trim();
      belastning.add(fas + " " + (u + 1) + ": " + last.substring(0, last.indexOf(' ', last.indexOf(' ', last.indexOf(' ') + 1) + 1)));
      for (int i = 0; i < korningar.size(); i++) {
        Korning k = korningar.get((i + u) % korningar.size());
        arbete.kor(k, u);
      }
    }
  }

  private void korAlternerande(List<Korning> korningar, ExecutorService pool, List<String> belastning) throws Exception {
    // 2. the lifecycle of N cases per repetition, with statements, transactions, jobs and latency
    alternera("livscykel", korningar, belastning, (k, u) -> livscykel(k, pool));

    // 3. lookup by key with the closed cases of the lifecycle
    for (Korning k : korningar) {
      analysera(k.c);
    }
    Map<Korning, List<String>> stangda = new HashMap<>();
    for (Korning k : korningar) {
      stangda.put(k, k.mal.stangda(k.c));
      k.r.lagg("stangdaFa", stangda.get(k).size());
    }
    alternera("uppslag få", korningar, belastning, (k, u) -> {
      List<String> s = stangda.get(k);
      k.r.lagg("uppslagFa", sekventiellt(konf.uppslagAnrop(), slump -> k.mal.uppslag(s.get(slump.nextInt(s.size())))));
      logg(k.mal.namn() + ": uppslag med " + s.size() + " avslutade: " + sista(k.r, "uppslagFa"));
    });

    // 3. Tasklist with few open cases
    for (Korning k : korningar) {
      fyllPa(k.mal, konf.fa(), pool);
      analysera(k.c);
      k.r.lagg("oppnaFa", k.mal.oppna());
    }
    alternera("Tasklist få", korningar, belastning, (k, u) -> {
      k.r.lagg("tasklistFa", sekventiellt(konf.tasklistAnrop(), slump -> k.mal.tasklist()));
      logg(k.mal.namn() + ": Tasklist med " + k.r.varden("oppnaFa").get(0).longValue() + " öppna: " + sista(k.r, "tasklistFa"));
    });

    // 1. REST starts at each concurrency level
    for (int niva : konf.nivaer()) {
      alternera("REST-start " + niva, korningar, belastning, (k, u) -> {
        k.r.lagg("start." + niva, starter(k.mal, niva, konf.startAntal()));
        logg(k.mal.namn() + ": REST-start, " + niva + " klienter: " + sista(k.r, "start." + niva));
      });
    }

    // 3. Tasklist with many open cases
    for (Korning k : korningar) {
      fyllPa(k.mal, konf.oppna(), pool);
      analysera(k.c);
      k.r.lagg("oppnaManga", k.mal.oppna());
    }
    alternera("Tasklist många", korningar, belastning, (k, u) -> {
      k.r.lagg("tasklistManga", sekventiellt(konf.tasklistAnrop(), slump -> k.mal.tasklist()));
      logg(k.mal.namn() + ": Tasklist med " + k.r.varden("oppnaManga").get(0).longValue() + " öppna: "
          + sista(k.r, "tasklistManga"));
    });

    // 4. memory after the cases
    for (Korning k : korningar) {
      k.r.lagg("arendenVidMinne", k.r.varden("oppnaManga").get(0) + k.r.varden("stangdaFa").get(0));
      k.r.lagg("rssEfterMb", k.app.rssKb() / 1024.0);
      k.r.lagg("heapEfterMb", k.app.heapEfterFullGcKb() / 1024.0);
      logg(String.format("%s: RSS %.0f MB, heap efter full GC %.0f MB efter ärendena", k.mal.namn(),
          k.r.varden("rssEfterMb").get(0), k.r.varden("heapEfterMb").get(0)));
    }

    // 3. lookup with many closed cases (bulk copies)
    Map<Korning, List<String>> alla = new HashMap<>();
    for (Korning k : korningar) {
      int fa = stangda.get(k).size();
      if (konf.stangda() > fa && fa > 0) {
        int kopior = (int) Math.ceil((konf.stangda() - fa) / (double) fa);
        logg(k.mal.namn() + ": kopierar " + fa + " avslutade ärenden " + kopior + " gånger");
        long k0 = System.nanoTime();
        k.mal.kopieraStangda(k.c, kopior, Benchmark::logg);
        k.r.lagg("kopieringSek", (System.nanoTime() - k0) / 1e9);
        alla.put(k, k.mal.stangda(k.c));
        k.r.lagg("stangdaManga", alla.get(k).size());
      }
    }
    if (alla.size() == korningar.size()) {
      alternera("uppslag många", korningar, belastning, (k, u) -> {
        List<String> s = alla.get(k);
        k.r.lagg("uppslagManga", sekventiellt(konf.uppslagAnrop(), slump -> k.mal.uppslag(s.get(slump.nextInt(s.size())))));
        logg(k.mal.namn() + ": uppslag med " + s.size() + " avslutade: " + sista(k.r, "uppslagManga"));
      });
    }
  }

  private static Latenser.Sammanfattning sista(Resultat r, String namn) {
    List<Latenser.Sammanfattning> l = r.latenser.get(namn);
    return l.get(l.size() - 1);
  }

  /** One repetition of the lifecycle for one app: N cases in cohorts, with its costs per case. */
  private void livscykel(Korning k, ExecutorService pool) throws Exception {
    Mal mal = k.mal;
    Thread.sleep(11_000); // idle backends report their statistics within 10 s
    long tx0 = pg.transaktioner(k.db);
    int rot0 = mal.rotfragor();
    Map<String, Long> sql0 = sql(k.sqlPort);
    long http0 = mal.http.anrop();
    mal.nyLatens();
    mal.nyLatensPerSteg();
    int kvar = konf.livscykel();
    long t0 = System.nanoTime();
    while (kvar > 0) {
      int storlek = Math.min(konf.kohort(), kvar);
      long k0 = System.nanoTime();
      mal.kohort(k.kohorter++, storlek, pool);
      kvar -= storlek;
      logg(String.format("%s: kohort %d (%d ärenden) avslutad på %.1f s; %d kvar", mal.namn(), k.kohorter, storlek,
          (System.nanoTime() - k0) / 1e9, kvar));
    }
    double sek = (System.nanoTime() - t0) / 1e9;
    Latenser latens = mal.nyLatens();
    Map<String, Latenser> perSteg = mal.nyLatensPerSteg();
    Map<String, Long> sql1 = sql(k.sqlPort);
    int rotfragor = mal.rotfragor() - rot0;
    double n = konf.livscykel();
    k.r.lagg("livscykel.perSek", n / sek);
    k.r.lagg("livscykel.sek", sek);
    k.r.lagg("livscykel.httpPerArende", (mal.http.anrop() - http0) / n);
    mal.efterLivscykel();
    Thread.sleep(11_000);
    long tx1 = pg.transaktioner(k.db);
    // the driver's own queries (task to case) are transactions on the app's database, not the app's
    k.r.lagg("livscykel.transaktioner", (tx1 - tx0 - rotfragor) / n);
    k.r.lagg("livscykel.satser", (sql1.get("satser") - sql0.get("satser")) / n);
    k.r.lagg("livscykel.anrop", (sql1.get("anrop") - sql0.get("anrop")) / n);
    for (String typ : List.of("select", "insert", "update", "delete", "jobb", "timrar")) {
      k.r.lagg("livscykel." + typ, (sql1.getOrDefault(typ, 0L) - sql0.getOrDefault(typ, 0L)) / n);
    }
    Latenser.Sammanfattning l = latens.sammanfattning();
    k.r.lagg("latens", l);
    k.r.lagg("latens.antal", l.antal());
    perSteg.forEach((steg, ls) -> k.r.lagg("latens." + steg, ls.sammanfattning()));
    logg(String.format("%s: livscykel %.2f ärenden/s, %.0f satser, %.1f transaktioner, %.1f jobb och %.1f timrar per "
        + "ärende; uppgift till nästa synlig p50 %.0f ms, p99 %.0f ms (%d övergångar)", mal.namn(), n / sek,
        sista(k.r, "livscykel.satser", true), sista(k.r, "livscykel.transaktioner", true),
        sista(k.r, "livscykel.jobb", true), sista(k.r, "livscykel.timrar", true), l.p50(), l.p99(), l.antal()));
  }

  private static double sista(Resultat r, String namn, boolean tal) {
    List<Double> l = r.varden(namn);
    return l.get(l.size() - 1);
  }

  /**
   * ANALYZE of the app's whole database before a read measurement: what autovacuum does on a
   * production server (it is off on this machine's shared server, so the planner would otherwise
   * plan with the statistics of empty tables).
   */
  private static void analysera(Connection c) throws Exception {
    long t0 = System.nanoTime();
    try (var s = c.createStatement()) {
      s.execute("analyze");
    }
    logg(String.format("  ANALYZE (%.1f s)", (System.nanoTime() - t0) / 1e9));
  }

  /** Starts cases until {@code antal} are open. */
  private void fyllPa(Mal mal, long antal, ExecutorService pool) throws Exception {
    long saknas = antal - mal.oppna();
    if (saknas <= 0) {
      return;
    }
    long t0 = System.nanoTime();
    List<Integer> n = new ArrayList<>();
    for (int i = 0; i < saknas; i++) {
      n.add(lopnummer.incrementAndGet());
    }
    Mal.parallellt(pool, n, mal::startaEtt);
    logg(String.format("%s: %d ärenden startade till %d öppna (%.1f s)", mal.namn(), saknas, antal,
        (System.nanoTime() - t0) / 1e9));
  }

  /** {@code antal} REST starts by {@code klienter} clients at once, each client one after the other. */
  private Latenser.Sammanfattning starter(Mal mal, int klienter, int antal) throws Exception {
    for (int i = 0; i < Math.min(20, antal / 10); i++) {
      mal.startaEtt(lopnummer.incrementAndGet()); // warm the connections
    }
    Latenser l = new Latenser();
    AtomicInteger kvar = new AtomicInteger(antal);
    AtomicReference<Exception> fel = new AtomicReference<>();
    ExecutorService p = Executors.newFixedThreadPool(klienter);
    l.borja();
    for (int k = 0; k < klienter; k++) {
      p.submit(() -> {
        while (kvar.getAndDecrement() > 0 && fel.get() == null) {
          long t0 = System.nanoTime();
          try {
            mal.startaEtt(lopnummer.incrementAndGet());
          } catch (Exception e) {
            fel.compareAndSet(null, e);
            return;
          }
          l.lagg(System.nanoTime() - t0);
        }
      });
    }
    p.shutdown();
    if (!p.awaitTermination(30, TimeUnit.MINUTES)) {
      p.shutdownNow();
      throw new IllegalStateException("REST-starterna blev inte klara på 30 minuter");
    }
    l.sluta();
    if (fel.get() != null) {
      throw fel.get();
    }
    return l.sammanfattning();
  }

  /**
   * Work measured one call at a time, after a few calls of warm-up: {@code antal} calls, or fewer
   * (at least ten) when they take longer than {@code bench.maxSekunder} (default 180) in all.
   */
  private static Latenser.Sammanfattning sekventiellt(int antal, Mal.Arbete<Random> arbete) throws Exception {
    Random slump = new Random(42);
    for (int i = 0; i < Math.min(20, Math.max(1, antal / 10)); i++) {
      arbete.gor(slump);
    }
    long grans = System.nanoTime() + Long.getLong("bench.maxSekunder", 180) * 1_000_000_000L;
    Latenser l = new Latenser();
    l.borja();
    for (int i = 0; i < antal && (i < 10 || System.nanoTime() < grans); i++) {
      long t0 = System.nanoTime();
      arbete.gor(slump);
      l.lagg(System.nanoTime() - t0);
    }
    l.sluta();
    return l.sammanfattning();
  }

  /** The statement counter's figures. */
  private static Map<String, Long> sql(int port) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/sql")).build(), HttpResponse.BodyHandlers.ofString());
    Map<String, Long> m = new HashMap<>();
    for (String rad : r.body().split("\n")) {
      String[] d = rad.trim().split(" ");
      if (d.length == 2) {
        m.put(d[0], Long.parseLong(d[1]));
      }
    }
    if (!m.containsKey("satser")) {
      throw new IOException("SQL-räknaren svarade inte: " + r.body());
    }
    return m;
  }

  /**
   * Prints a line of progress with the time.
   *
   * @param text the line
   */
  static void logg(String text) {
    System.out.println("[" + LocalDateTime.now().withNano(0).toLocalTime() + "] " + text);
  }
}
