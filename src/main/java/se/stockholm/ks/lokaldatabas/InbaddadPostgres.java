package se.stockholm.ks.lokaldatabas;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.stockholm.ks.startup.StartRefusedException;

/**
 * An embedded PostgreSQL server whose data stays in a directory across restarts: started by
 * {@link #starta}, stopped by {@link #close()} (after the process engine, see {@link LokalDatabas}).
 *
 * <p>Durable as a PostgreSQL server: {@code fsync} and {@code synchronous_commit} on (the library's
 * test defaults turn both off), so a transaction that has committed survives a {@code kill -9} of the
 * application and of the database server.
 *
 * <p>One application per directory: a lock file ({@code <katalog>/skrivelseprocessen.lock}) is held
 * while the application runs; a second application on the same directory refuses to start with a
 * Swedish message. A database server left running by an application that was killed (the server is a
 * process of its own and outlives it) is stopped before the new one starts.
 */
public final class InbaddadPostgres implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InbaddadPostgres.class);

  /** The application's database in the cluster. */
  public static final String DATABAS = "skrivelseprocessen";
  /** The cluster's superuser (trust authentication, only on the loopback interface). */
  public static final String ANVANDARE = "postgres";

  private static final Duration VANTA_PA_GAMMAL_SERVER = Duration.ofSeconds(30);

  private final Path katalog;
  private final FileChannel lasfil;
  private final FileLock las;
  private final EmbeddedPostgres postgres;

  private InbaddadPostgres(Path katalog, FileChannel lasfil, FileLock las, EmbeddedPostgres postgres) {
    this.katalog = katalog;
    this.lasfil = lasfil;
    this.las = las;
    this.postgres = postgres;
  }

  /**
   * Starts the server on the directory, creating the cluster and the database on the first start.
   *
   * @param installningar the directory and the port
   * @return the running server
   * @throws StartRefusedException when another application holds the directory or the server cannot start
   */
  public static InbaddadPostgres starta(LokalDatabasInstallningar installningar) {
    Path katalog = installningar.katalog().toAbsolutePath().normalize();
    Path kluster = katalog.resolve("postgres");
    FileChannel lasfil = null;
    FileLock las = null;
    try {
      Files.createDirectories(katalog);
      lasfil = FileChannel.open(katalog.resolve("skrivelseprocessen.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      try {
        las = lasfil.tryLock();
      } catch (OverlappingFileLockException e) {
        las = null;
      }
      if (las == null) {
        throw new StartRefusedException("En annan lokal applikation använder redan databasen i " + katalog + ".",
            "Stoppa den andra applikationen, eller starta den här i en annan katalog (eller med "
                + "KS_LOKAL_DATABAS_KATALOG=<katalog>).");
      }
      varnaForGammalH2(katalog);
      stoppaKvarlamnadServer(kluster);
      long start = System.nanoTime();
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(kluster.toFile())
          .setCleanDataDirectory(false)
          // stopped by close(), after the process engine; never by a shutdown hook of its own
          .setRegisterShutdownHook(false)
          .setPort(installningar.port())
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("listen_addresses", "localhost")
          .setServerConfig("max_connections", "100")
          // crash recovery after a kill may take longer than the library's 10 s
          .setPGStartupWait(Duration.ofSeconds(120))
          // the server outlives a killed application: its output goes to a file, not to a pipe
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(katalog.resolve("postgres.log").toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(katalog.resolve("postgres.log").toFile()))
          .start();
      skapaDatabas(postgres);
      LOG.info("Lokal databas: PostgreSQL med data i {}, port {} (startad på {} ms). Anslut med: psql -h localhost -p {} "
              + "-U {} {}", kluster, postgres.getPort(), (System.nanoTime() - start) / 1_000_000, postgres.getPort(),
          ANVANDARE, DATABAS);
      return new InbaddadPostgres(katalog, lasfil, las, postgres);
    } catch (IOException | RuntimeException e) {
      slapp(lasfil, las);
      if (e instanceof StartRefusedException s) {
        throw s;
      }
      throw new StartRefusedException("Den lokala databasen (PostgreSQL i " + kluster + ") kunde inte startas: "
          + e.getMessage(), "Se " + katalog.resolve("postgres.log") + ". Ta bort katalogen " + katalog
          + " för att börja om med en tom databas.");
    }
  }

  /** @return the JDBC URL of the application's database */
  public String jdbcUrl() {
    return postgres.getJdbcUrl(ANVANDARE, DATABAS);
  }

  /** @return the server's TCP port */
  public int port() {
    return postgres.getPort();
  }

  /** @return the data directory's parent ({@code ./data}) */
  public Path katalog() {
    return katalog;
  }

  /** Stops the server (fast shutdown: every committed transaction is kept) and releases the directory. */
  @Override
  public void close() {
    try {
      postgres.close();
      LOG.info("Lokal databas stoppad.");
    } catch (IOException e) {
      LOG.warn("Lokal databas: kunde inte stoppas: {}", e.getMessage());
    } finally {
      slapp(lasfil, las);
    }
  }

  private static void skapaDatabas(EmbeddedPostgres postgres) throws IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      boolean finns;
      try (PreparedStatement s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
        s.setString(1, DATABAS);
        try (ResultSet rs = s.executeQuery()) {
          finns = rs.next();
        }
      }
      if (!finns) {
        try (Statement s = c.createStatement()) {
          s.execute("create database " + DATABAS + " encoding 'UTF8' template template0");
        }
        LOG.info("Lokal databas: databasen {} skapad.", DATABAS);
      }
    } catch (SQLException e) {
      throw new IOException("databasen " + DATABAS + " kunde inte skapas: " + e.getMessage(), e);
    }
  }

  /**
   * A server started on this directory by an application that was killed is still running (it is a
   * process of its own). It is ours — the directory's lock is held — so it is stopped (fast shutdown,
   * as Ctrl-C would have done) before the new one starts. A stale {@code postmaster.pid} of a process
   * that is not this directory's server is removed.
   */
  static void stoppaKvarlamnadServer(Path kluster) throws IOException {
    Path pidfil = kluster.resolve("postmaster.pid");
    if (!Files.exists(pidfil)) {
      return;
    }
    List<String> rader = Files.readAllLines(pidfil, StandardCharsets.UTF_8);
    long pid;
    try {
      pid = rader.isEmpty() ? -1 : Long.parseLong(rader.get(0).trim());
    } catch (NumberFormatException e) {
      pid = -1;
    }
    Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
    if (process.isEmpty() || !process.get().isAlive() || !arDennaKatalogsServer(process.get(), kluster)) {
      return; // PostgreSQL itself ignores a postmaster.pid of a process that is gone
    }
    ProcessHandle server = process.get();
    LOG.warn("Lokal databas: en PostgreSQL (pid {}) från en tidigare körning som inte stängdes kör fortfarande "
        + "på {}; den stoppas först.", pid, kluster);
    try {
      // SIGINT: PostgreSQL's fast shutdown (Java can only send SIGTERM, a smart shutdown)
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
    } catch (IOException e) {
      server.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      server.onExit().get(VANTA_PA_GAMMAL_SERVER.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Lokal databas: PostgreSQL (pid {}) stannade inte inom {} s; den avbryts.", pid,
          VANTA_PA_GAMMAL_SERVER.toSeconds());
      server.destroyForcibly();
    }
  }

  private static boolean arDennaKatalogsServer(ProcessHandle process, Path kluster) {
    String kommando = process.info().command().orElse("");
    List<String> argument = process.info().arguments().map(List::of).orElse(List.of());
    return kommando.endsWith("postgres") && argument.contains(kluster.toString());
  }

  private static void varnaForGammalH2(Path katalog) {
    if (Files.exists(katalog.resolve("skrivelseprocessen.mv.db"))) {
      LOG.warn("{} innehåller en H2-databas (skrivelseprocessen.mv.db) från en tidigare version. Den används inte "
          + "längre; den lokala profilen kör PostgreSQL i {}. Ta bort filen när du inte behöver den.", katalog,
          katalog.resolve("postgres"));
    }
  }

  private static void slapp(FileChannel lasfil, FileLock las) {
    try {
      if (las != null && las.isValid()) {
        las.release();
      }
      if (lasfil != null) {
        lasfil.close();
      }
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
