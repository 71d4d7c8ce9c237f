package se.stockholm.ks.drift;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * One node at a time starts on a PostgreSQL database: before any bean is created (so before the
 * process engine creates or updates its schema and before Flyway migrates the diarium's tables)
 * the node takes a PostgreSQL advisory lock ({@code pg_advisory_lock}) on a connection of its own,
 * and holds it until the application is ready (or its start failed). A second node started at the
 * same moment waits there for the first, then finds the schema made and only checks it. Without
 * it two nodes started together on an empty database both create the engine's tables and one dies
 * ({@code duplicate key … pg_type_typname_nsp_index}). The lock is the database's: a node that dies
 * while holding it loses it with its connection.
 *
 * <p>Nothing is locked on other databases (H2 is embedded: one process only).
 */
@org.springframework.stereotype.Component
public class Startlas implements BeanFactoryPostProcessor, EnvironmentAware, Ordered,
    ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(Startlas.class);

  /** The advisory lock's key (any bigint the application uses for nothing else): "KS-START". */
  static final long NYCKEL = 0x4B532D5354415254L;

  private Environment environment;
  private Connection las;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:") || !environment.getProperty("ks.drift.startlas", Boolean.class, true)) {
      return;
    }
    Properties egenskaper = new Properties();
    String user = environment.getProperty("spring.datasource.username");
    String password = environment.getProperty("spring.datasource.password");
    if (user != null && !user.isEmpty()) {
      egenskaper.setProperty("user", user);
    }
    if (password != null && !password.isEmpty()) {
      egenskaper.setProperty("password", password);
    }
    egenskaper.setProperty("ApplicationName", "skrivelseprocessen-start");
    try {
      las = DriverManager.getConnection(url, egenskaper);
      las.setAutoCommit(true);
      try (Statement s = las.createStatement()) {
        boolean fick;
        try (ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + NYCKEL + ")")) {
          fick = rs.next() && rs.getBoolean(1);
        }
        if (!fick) {
          LOG.info("En annan nod startar på samma databas; väntar tills den är klar");
          long start = System.nanoTime();
          s.execute("select pg_advisory_lock(" + NYCKEL + ")");
          LOG.info("Startar efter {} ms väntan på den andra noden", (System.nanoTime() - start) / 1_000_000);
        }
      }
    } catch (SQLException e) {
      slapp();
      throw new IllegalStateException("Kan inte ta startlåset i databasen (" + url + "): " + e.getMessage(), e);
    }
  }

  /** The node is ready: the next may start. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    slapp();
  }

  /** The start failed or the node stops: the lock goes with the connection. */
  @Override
  public void destroy() {
    slapp();
  }

  private synchronized void slapp() {
    if (las == null) {
      return;
    }
    try {
      las.close();
    } catch (SQLException e) {
      LOG.debug("Startlåsets anslutning kunde inte stängas", e);
    }
    las = null;
  }
}
