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
 * The benchmark of issue 10: runs the reference and the application one after the other, each
 * with exactly the JVM settings of the project's Dockerfile on its own fresh database on the
 * machine's PostgreSQL, measures (see docs/benchmarks.md for what and how) and writes the report.
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

  private void kor() throws Exception {
    Map<String, String> maskin = maskin();
    logg("Benchmark: " + konf);
    List<Resultat> resultat = new ArrayList<>();
    for (String m : konf.mal()) {
      Mal mal = switch (m) {
        case "app" -> new Skrivelseappen(konf);
        case "referens" -> new Referensappen(konf);
        default -> throw new IllegalArgumentException("Okänt mål: " + m);
      };
      resultat.add(kor(mal));
    }
    maskin.put("belastningEfter", Files.readString(Path.of("/proc/loadavg")).trim());
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

  private Resultat kor(Mal mal) {
    Resultat r = new Resultat();
    r.namn = mal.namn();
    r.kortnamn = mal.kortnamn();
    AtomicReference<String> db = new AtomicReference<>();
    AtomicReference<Appprocess> app = new AtomicReference<>();
    Thread stadning = new Thread(() -> {
      Appprocess a = app.getAndSet(null);
      if (a != null) {
        a.close();
      }
      String d = db.getAndSet(null);
      if (d != null && Boolean.getBoolean("bench.behallDatabas")) {
        logg("Databasen " + d + " behålls för analys: ta bort den med DROP DATABASE " + d + " WITH (FORCE)");
      } else if (d != null) {
        pg.tabort(d);
      }
    }, "stadning-" + mal.kortnamn());
    try {
      Runtime.getRuntime().addShutdownHook(stadning);
    } catch (IllegalStateException e) {
      r.fel = "avbruten";
      return r; // shutting down: do not start another app
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(konf.klienter(), 1));
    try {
      db.set(pg.skapa());
      logg(mal.namn() + ": databas " + db.get());
      int port = Appprocess.ledigPort();
      int sqlPort = Appprocess.ledigPort();
      byte[] b = new byte[12];
      new SecureRandom().nextBytes(b);
      String adminLosen = HexFormat.of().formatHex(b);
      Map<String, String> miljo = new HashMap<>(mal.miljo(pg.url(db.get()), adminLosen));
      miljo.put("JAVA_TOOL_OPTIONS", konf.javaToolOptions());
      miljo.put("TZ", "Europe/Stockholm");
      if (konf.mallocArenaMax() != null) {
        miljo.put("MALLOC_ARENA_MAX", konf.mallocArenaMax());
      }
      app.set(Appprocess.starta(mal.kortnamn(), mal.kommando(port, sqlPort), miljo,
          konf.rot().resolve("target/benchmark/" + mal.kortnamn() + ".log"), port));

      // 4. start-up and memory after it
      r.startSek = app.get().vantaPaRedo(Duration.ofMinutes(5));
      logg(String.format("%s: redo efter %.1f s (pid %d, port %d)", mal.namn(), r.startSek, app.get().pid(), port));
      Http http = new Http("http://127.0.0.1:" + port, adminLosen);
      mal.forbered(http);
      Thread.sleep(5000);
      r.rssStartKb = app.get().rssKb();
      r.heapStartKb = app.get().heapEfterFullGcKb();
      logg(String.format("%s: RSS %d MB, heap efter full GC %d MB", mal.namn(), r.rssStartKb / 1024, r.heapStartKb / 1024));

      try (Connection c = pg.anslut(db.get())) {
        // 2. the lifecycle of N cases, with statements and transactions
        Thread.sleep(11_000); // idle backends report their statistics within 10 s
        long tx0 = pg.transaktioner(db.get());
        Map<String, Long> sql0 = sql(sqlPort);
        long http0 = http.anrop();
        int kvar = konf.livscykel();
        long t0 = System.nanoTime();
        int kohort = 0;
        while (kvar > 0) {
          int storlek = Math.min(konf.kohort(), kvar);
          long k0 = System.nanoTime();
          mal.kohort(kohort++, storlek, pool);
          kvar -= storlek;
          logg(String.format("%s: kohort %d (%d ärenden) avslutad på %.1f s; %d kvar", mal.namn(), kohort, storlek,
              (System.nanoTime() - k0) / 1e9, kvar));
        }
        r.livscykelSek = (System.nanoTime() - t0) / 1e9;
        r.livscykelArenden = konf.livscykel();
        r.livscykelKohorter = kohort;
        r.livscykelPerSek = r.livscykelArenden / r.livscykelSek;
        Map<String, Long> sql1 = sql(sqlPort);
        r.httpPerArende = (http.anrop() - http0) / (double) konf.livscykel();
        if (mal instanceof Skrivelseappen s) {
          s.aterstallKlockan();
        }
        Thread.sleep(11_000);
        long tx1 = pg.transaktioner(db.get());
        r.transaktionerPerArende = (tx1 - tx0) / (double) r.livscykelArenden;
        r.satserPerArende = (sql1.get("satser") - sql0.get("satser")) / (double) r.livscykelArenden;
        r.anropPerArende = (sql1.get("anrop") - sql0.get("anrop")) / (double) r.livscykelArenden;
        for (String typ : List.of("select", "insert", "update", "delete", "ovriga")) {
          r.satsTyperPerArende.put(typ, (sql1.get(typ) - sql0.get(typ)) / (double) r.livscykelArenden);
        }
        logg(String.format("%s: livscykel %.2f ärenden/s, %.0f satser och %.1f transaktioner per ärende", mal.namn(),
            r.livscykelPerSek, r.satserPerArende, r.transaktionerPerArende));

        // 3. lookup by key with the closed cases of the lifecycle
        analysera(c);
        List<String> stangda = mal.stangda(c);
        r.stangdaFa = stangda.size();
        r.uppslagFa = sekventiellt(konf.uppslagAnrop(), slump -> mal.uppslag(stangda.get(slump.nextInt(stangda.size()))));
        logg(mal.namn() + ": uppslag med " + r.stangdaFa + " avslutade: " + r.uppslagFa);

        // 3. Tasklist with few open cases
        fyllPa(mal, konf.fa(), pool);
        analysera(c);
        r.oppnaFa = mal.oppna();
        r.tasklistFa = sekventiellt(konf.tasklistAnrop(), slump -> mal.tasklist());
        logg(mal.namn() + ": Tasklist med " + r.oppnaFa + " öppna: " + r.tasklistFa);

        // 1. REST starts at each concurrency level
        for (int niva : konf.nivaer()) {
          r.starter.put(niva, starter(mal, niva, konf.startAntal()));
          logg(mal.namn() + ": REST-start, " + niva + " klienter: " + r.starter.get(niva));
        }

        // 3. Tasklist with many open cases
        fyllPa(mal, konf.oppna(), pool);
        analysera(c);
        r.oppnaManga = mal.oppna();
        r.tasklistManga = sekventiellt(konf.tasklistAnrop(), slump -> mal.tasklist());
        logg(mal.namn() + ": Tasklist med " + r.oppnaManga + " öppna: " + r.tasklistManga);

        // 4. memory after the cases
        r.arendenVidMinne = r.oppnaManga + r.stangdaFa;
        r.rssEfterKb = app.get().rssKb();
        r.heapEfterKb = app.get().heapEfterFullGcKb();
        logg(String.format("%s: efter %d ärenden: RSS %d MB, heap efter full GC %d MB", mal.namn(), r.arendenVidMinne,
            r.rssEfterKb / 1024, r.heapEfterKb / 1024));

        // 3. lookup with many closed cases (bulk copies)
        if (konf.stangda() > r.stangdaFa && r.stangdaFa > 0) {
          int kopior = (int) Math.ceil((konf.stangda() - r.stangdaFa) / (double) r.stangdaFa);
          logg(mal.namn() + ": kopierar " + r.stangdaFa + " avslutade ärenden " + kopior + " gånger");
          long k0 = System.nanoTime();
          mal.kopieraStangda(c, kopior, Benchmark::logg);
          r.kopieringSek = (System.nanoTime() - k0) / 1e9;
          List<String> alla = mal.stangda(c);
          r.stangdaManga = alla.size();
          r.uppslagManga = sekventiellt(konf.uppslagAnrop(), slump -> mal.uppslag(alla.get(slump.nextInt(alla.size()))));
          logg(mal.namn() + ": uppslag med " + r.stangdaManga + " avslutade: " + r.uppslagManga);
        }
      }
      r.rssMaxKb = app.get().maxRssKb();
      r.jobbfel = mal.jobbfel();
    } catch (Exception e) {
      r.fel = e.toString();
      System.err.println(mal.namn() + " avbröts: " + e);
      e.printStackTrace();
      if (app.get() != null) {
        r.rssMaxKb = app.get().maxRssKb();
      }
    } finally {
      pool.shutdownNow();
      stadning.run();
      try {
        Runtime.getRuntime().removeShutdownHook(stadning);
      } catch (IllegalStateException e) {
        // shutting down
      }
      logg(mal.namn() + ": stoppad, databasen borttagen");
    }
    return r;
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
