package se.stockholm.ks.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.stockholm.ks.SkrivelseApplication;

/**
 * A node: the application in a JVM of its own (the test's class path), as operations start it,
 * with its output in a file, in a working directory of its own (where the local profile keeps its
 * embedded PostgreSQL, {@code ./data}). Started with the given Spring Boot arguments on a random
 * port, without the environment's {@code SPRING_*} and {@code KS_*} variables; can be stopped
 * (SIGTERM, as Ctrl-C) or killed (SIGKILL, as a node that dies).
 *
 * <p>Nothing outlives the test: {@link #close()} stops the JVM and then an embedded PostgreSQL
 * server it left in its directory (a JVM killed with SIGKILL leaves its database server running),
 * and a shutdown hook does the same if the test's JVM ends before the test closes the node.
 */
public final class Nod implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

  private final String namn;
  private final Process process;
  private final Path katalog;
  private final Path logg;
  private final Thread stadare;
  private int port;

  private Nod(String namn, Process process, Path katalog, Path logg) {
    this.namn = namn;
    this.process = process;
    this.katalog = katalog;
    this.logg = logg;
    this.stadare = new Thread(this::stadaUpp, "stada-" + namn);
    Runtime.getRuntime().addShutdownHook(stadare);
  }

  /**
   * Starts a node in a new temporary directory (does not wait for it).
   *
   * @param namn a name for the log
   * @param argument Spring Boot arguments, e.g. {@code --spring.datasource.url=…}
   * @return the node
   * @throws IOException when the JVM cannot be started
   */
  public static Nod starta(String namn, String... argument) throws IOException {
    Path katalog = Files.createTempDirectory("ks-nod-" + namn);
    return startaI(katalog, namn, List.of("-XX:TieredStopAtLevel=1"), argument);
  }

  /**
   * Starts a node in the given working directory, as the README's command does there (does not
   * wait for it). Its output goes to {@code <namn>.log} in the directory.
   *
   * @param katalog the working directory (the local profile's {@code ./data} is there)
   * @param namn a name for the log and its file
   * @param jvm extra JVM options
   * @param argument Spring Boot arguments
   * @return the node
   * @throws IOException when the JVM cannot be started
   */
  public static Nod startaI(Path katalog, String namn, List<String> jvm, String... argument) throws IOException {
    Path logg = katalog.resolve(namn + ".log");
    String java = ProcessHandle.current().info().command().orElse("java");
    String klassvag = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kommando = new ArrayList<>(List.of(java, "-Duser.timezone=Europe/Stockholm", "-Dfile.encoding=UTF-8",
        "-Xmx512m"));
    kommando.addAll(jvm);
    kommando.addAll(List.of("-cp", klassvag, SkrivelseApplication.class.getName(), "--server.port=0"));
    kommando.addAll(List.of(argument));
    ProcessBuilder pb = new ProcessBuilder(kommando).directory(katalog.toFile()).redirectErrorStream(true)
        .redirectOutput(logg.toFile());
    for (String variabel : new HashSet<>(pb.environment().keySet())) {
      if (variabel.startsWith("SPRING_") || variabel.startsWith("KS_")) {
        pb.environment().remove(variabel);
      }
    }
    return new Nod(namn, pb.start(), katalog, logg);
  }

  /**
   * Starts a node from an executable jar (an application as built, e.g. the other engine's build: README,
   * "Processmotorer") in a new temporary directory (does not wait for it).
   *
   * @param jar the Spring Boot jar
   * @param namn a name for the log
   * @param argument Spring Boot arguments
   * @return the node
   * @throws IOException when the JVM cannot be started
   */
  public static Nod startaJar(Path jar, String namn, String... argument) throws IOException {
    Path katalog = Files.createTempDirectory("ks-nod-" + namn);
    Path logg = katalog.resolve(namn + ".log");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> kommando = new ArrayList<>(List.of(java, "-Duser.timezone=Europe/Stockholm", "-Dfile.encoding=UTF-8",
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(), "--server.port=0"));
    kommando.addAll(List.of(argument));
    ProcessBuilder pb = new ProcessBuilder(kommando).directory(katalog.toFile()).redirectErrorStream(true)
        .redirectOutput(logg.toFile());
    for (String variabel : new HashSet<>(pb.environment().keySet())) {
      if (variabel.startsWith("SPRING_") || variabel.startsWith("KS_")) {
        pb.environment().remove(variabel);
      }
    }
    return new Nod(namn, pb.start(), katalog, logg);
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

  /** @return the node's working directory */
  public Path katalog() {
    return katalog;
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

  /** Asks the node to stop (SIGTERM, as Ctrl-C: its shutdown hooks run); does not wait. */
  public void stoppa() {
    process.destroy();
  }

  /**
   * @param hogst how long at most
   * @return whether the JVM has ended within that time
   */
  public boolean vantaPaSlut(Duration hogst) throws InterruptedException {
    return process.waitFor(hogst.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * @return the embedded PostgreSQL server running in the node's directory (its postmaster, from
   *     {@code data/postgres/postmaster.pid}), if there is one
   */
  public Optional<ProcessHandle> databasserver() throws IOException {
    Path pid = katalog.resolve("data/postgres/postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    List<String> rader = Files.readAllLines(pid);
    if (rader.isEmpty() || rader.get(0).isBlank()) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(rader.get(0).trim()))
        .filter(p -> p.info().command().orElse("").endsWith("postgres"));
  }

  /** Stops the JVM (SIGTERM, then SIGKILL after 60 s) and a database server it left in its directory. */
  @Override
  public void close() throws InterruptedException {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          doda();
        }
      }
      stoppaDatabasservern();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stadare);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs
      }
    }
  }

  private void stoppaDatabasservern() throws InterruptedException {
    try {
      Optional<ProcessHandle> databas = databasserver();
      if (databas.isPresent()) {
        databas.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
          databas.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          databas.get().destroyForcibly();
        }
      }
    } catch (IOException e) {
      // no readable pid file: no server of ours
    }
  }

  private void stadaUpp() {
    process.destroyForcibly();
    try {
      stoppaDatabasservern();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
