package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One app's JVM, started by the benchmark as a child process: its start-up time to a ready
 * application (health UP), its resident memory (VmRSS from /proc, sampled every half second for
 * the peak) and its heap after a full GC (jcmd GC.run, then GC.heap_info). Stopped with SIGTERM
 * (graceful shutdown), then killed if it has not ended within 30 seconds.
 */
public final class Appprocess implements AutoCloseable {

  private final String namn;
  private final Process process;
  private final long startNanos;
  private final int port;
  private volatile long maxRssKb;
  private final Thread provtagare;

  private Appprocess(String namn, Process process, long startNanos, int port) {
    this.namn = namn;
    this.process = process;
    this.startNanos = startNanos;
    this.port = port;
    this.provtagare = new Thread(() -> {
      while (process.isAlive()) {
        long rss = rssKb();
        if (rss > maxRssKb) {
          maxRssKb = rss;
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-" + namn);
    provtagare.setDaemon(true);
    provtagare.start();
  }

  /**
   * Starts a JVM.
   *
   * @param namn a name for logs
   * @param kommando the command line
   * @param miljo environment variables added to the driver's own
   * @param logg where stdout and stderr go
   * @param port the app's HTTP port
   * @return the running process
   * @throws IOException when it cannot be started
   */
  public static Appprocess starta(String namn, List<String> kommando, Map<String, String> miljo, Path logg, int port)
      throws IOException {
    Files.createDirectories(logg.getParent());
    ProcessBuilder pb = new ProcessBuilder(kommando).redirectErrorStream(true).redirectOutput(logg.toFile());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().putAll(miljo);
    long t0 = System.nanoTime();
    return new Appprocess(namn, pb.start(), t0, port);
  }

  /** @return a free TCP port on this machine */
  public static int ledigPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** @return the process id */
  public long pid() {
    return process.pid();
  }

  /** @return the HTTP port */
  public int port() {
    return port;
  }

  /**
   * Waits until {@code /actuator/health} answers UP.
   *
   * @param tidsgrans the longest wait
   * @return seconds from the process start to health UP
   * @throws IOException when the process dies or does not become ready in time
   * @throws InterruptedException when interrupted
   */
  public double vantaPaRedo(Duration tidsgrans) throws IOException, InterruptedException {
    HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long grans = System.nanoTime() + tidsgrans.toNanos();
    while (System.nanoTime() < grans) {
      if (!process.isAlive()) {
        throw new IOException(namn + " avslutades under starten (kod " + process.exitValue() + ")");
      }
      try {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return (System.nanoTime() - startNanos) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IOException(namn + " blev inte redo inom " + tidsgrans);
  }

  /** @return the resident set size now, in kB (VmRSS), or 0 when the process is gone */
  public long rssKb() {
    try {
      for (String rad : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (rad.startsWith("VmRSS:")) {
          return Long.parseLong(rad.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** @return the largest resident set size seen since the start, in kB */
  public long maxRssKb() {
    return Math.max(maxRssKb, rssKb());
  }

  /**
   * Runs a full GC in the app (jcmd GC.run) and reads the used heap after it (jcmd GC.heap_info).
   *
   * @return used heap after a full GC, in kB
   * @throws IOException when jcmd fails
   * @throws InterruptedException when interrupted
   */
  public long heapEfterFullGcKb() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    // G1: one line for the heap; Serial and Parallel: one per generation (summed)
    Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    long used = 0;
    boolean hittad = false;
    while (m.find()) {
      used += Long.parseLong(m.group(1));
      hittad = true;
    }
    if (!hittad) {
      throw new IOException("Kunde inte läsa heapen ur jcmd GC.heap_info: " + info);
    }
    return used;
  }

  private String jcmd(String kommando) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> k = new ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
        Long.toString(process.pid()), kommando));
    ProcessBuilder pb = new ProcessBuilder(k).redirectErrorStream(true);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    String ut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + kommando + " misslyckades: " + ut);
    }
    return ut;
  }

  /** Stops the app: SIGTERM, then SIGKILL after 30 seconds. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    provtagare.interrupt();
  }
}
