package se.stockholm.ks.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.stockholm.ks.SkrivelseApplication;

/**
 * A node: the application in a JVM of its own (the test's class path), as operations start it,
 * with its output in a file. Started with the given Spring Boot arguments on a random port; can be
 * stopped (SIGTERM) or killed (SIGKILL, as a node that dies).
 */
public final class Nod implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

  private final String namn;
  private final Process process;
  private final Path logg;
  private int port;

  private Nod(String namn, Process process, Path logg) {
    this.namn = namn;
    this.process = process;
    this.logg = logg;
  }

  /**
   * Starts a node (does not wait for it).
   *
   * @param namn a name for the log
   * @param argument Spring Boot arguments, e.g. {@code --spring.datasource.url=…}
   * @return the node
   * @throws IOException when the JVM cannot be started
   */
  public static Nod starta(String namn, String... argument) throws IOException {
    Path katalog = Files.createTempDirectory("ks-nod-" + namn);
    Path logg = katalog.resolve("nod.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    String klassvag = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kommando = new ArrayList<>(List.of(java, "-Duser.timezone=Europe/Stockholm", "-Dfile.encoding=UTF-8",
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", klassvag, SkrivelseApplication.class.getName(),
        "--server.port=0"));
    kommando.addAll(List.of(argument));
    ProcessBuilder pb = new ProcessBuilder(kommando).directory(katalog.toFile()).redirectErrorStream(true)
        .redirectOutput(logg.toFile());
    pb.environment().remove("KS_ADMIN_PASSWORD");
    pb.environment().remove("SPRING_PROFILES_ACTIVE");
    return new Nod(namn, pb.start(), logg);
  }

  /**
   * Waits until the node has started.
   *
   * @param hogst how long at most
   * @return its port
   * @throws AssertionError when it stopped, or did not start in time (with its output)
   */
  public int vantaPaStart(Duration hogst) throws InterruptedException, IOException {
    long slut = System.nanoTime() + hogst.toNanos();
    while (System.nanoTime() < slut) {
      String text = utskrift();
      if (text.contains("Started SkrivelseApplication")) {
        Matcher m = PORT.matcher(text);
        if (!m.find()) {
          throw new AssertionError(namn + ": ingen port i loggen");
        }
        port = Integer.parseInt(m.group(1));
        return port;
      }
      if (!process.isAlive()) {
        throw new AssertionError(namn + " stannade under starten (kod " + process.exitValue() + "):\n" + slut(text));
      }
      Thread.sleep(250);
    }
    throw new AssertionError(namn + " startade inte inom " + hogst + ":\n" + slut(utskrift()));
  }

  /** @return the port, once started */
  public int port() {
    return port;
  }

  /** @return whether the JVM still runs */
  public boolean lever() {
    return process.isAlive();
  }

  /** @return everything the node has printed */
  public String utskrift() throws IOException {
    return Files.exists(logg) ? Files.readString(logg, StandardCharsets.UTF_8) : "";
  }

  /** Kills the node at once (SIGKILL): no shutdown hook, no graceful stop, as a node that dies. */
  public void doda() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        doda();
      }
    }
  }

  private static String slut(String text) {
    return text.length() > 20_000 ? "…" + text.substring(text.length() - 20_000) : text;
  }

  /** @param hur long to wait for nothing */
  public static void vanta(Duration hur) throws InterruptedException {
    Thread.sleep(hur.toMillis());
  }
}
