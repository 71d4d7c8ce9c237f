package se.stockholm.ks.drift;

import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * A small connection pool of its own to the application's database, for work that must not wait
 * in the application's pool (the diarium's number series, the database probe): the application
 * pool's settings (URL, credentials, {@code spring.datasource.hikari.*} such as schema, connection
 * properties and the fail-fast timeouts), copied from the pool itself, or from the datasource
 * properties when the application's datasource is not a Hikari pool; then its own name and the
 * changes the caller makes.
 */
public final class EgenPool {

  private EgenPool() {
  }

  /**
   * @param applikationensPool the application's datasource, whose settings are copied
   * @param databas the datasource properties, used when {@code applikationensPool} is not a Hikari pool
   * @param namn the new pool's name (in logs and metrics)
   * @param andra the caller's settings on top (size, timeouts), applied before the pool starts
   * @return the new pool, started; the caller closes it
   */
  public static HikariDataSource skapa(DataSource applikationensPool, DataSourceProperties databas, String namn,
                                       Consumer<HikariConfig> andra) {
    HikariConfig config = new HikariConfig();
    HikariDataSource hikari = hikari(applikationensPool);
    if (hikari != null) {
      hikari.copyStateTo(config);
    } else {
      databas.initializeDataSourceBuilder().type(HikariDataSource.class).build().copyStateTo(config);
    }
    config.setPoolName(namn);
    config.setRegisterMbeans(false);
    andra.accept(config);
    return new HikariDataSource(config);
  }

  /** @return the Hikari pool behind a datasource, or null when it is not one */
  static HikariDataSource hikari(DataSource ds) {
    if (ds instanceof HikariDataSource h) {
      return h;
    }
    try {
      return ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : null;
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }
}
