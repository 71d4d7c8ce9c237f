package se.stockholm.ks.benchmark.sqlraknare;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.QueryType;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Counts every JDBC statement an app sends, for the benchmark only: the driver puts this jar and
 * datasource-proxy on the app's classpath through Spring Boot's {@code loader.path} and sets
 * {@code bench.sqlraknare.port}; without that property nothing happens. The connection pool
 * (Hikari) is wrapped in a datasource-proxy data source whose listener counts statements (a
 * batch counts as its number of parameter sets) and round trips, per kind. The counts are served
 * as plain text at {@code http://127.0.0.1:<port>/sql}, beside the app, so that the app's own
 * security is not involved.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "bench.sqlraknare.port")
public class SqlRaknare {

  /** Statements, round trips and statements per kind since the start. */
  public static final class Rakneverk implements QueryExecutionListener {
    private final AtomicLong satser = new AtomicLong();
    private final AtomicLong anrop = new AtomicLong();
    private final AtomicLong select = new AtomicLong();
    private final AtomicLong insert = new AtomicLong();
    private final AtomicLong update = new AtomicLong();
    private final AtomicLong delete = new AtomicLong();
    private final AtomicLong ovriga = new AtomicLong();
    private final AtomicLong jobb = new AtomicLong();
    private final AtomicLong timrar = new AtomicLong();

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      // counted after
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      anrop.incrementAndGet();
      boolean preparedBatch = execInfo.isBatch() && queryInfoList.size() == 1;
      for (QueryInfo q : queryInfoList) {
        long antal = preparedBatch ? Math.max(1, execInfo.getBatchSize()) : 1;
        satser.addAndGet(antal);
        QueryType typ = QueryUtils.getQueryType(q.getQuery());
        switch (typ) {
          case SELECT -> select.addAndGet(antal);
          case INSERT -> insert.addAndGet(antal);
          case UPDATE -> update.addAndGet(antal);
          case DELETE -> delete.addAndGet(antal);
          default -> ovriga.addAndGet(antal);
        }
        if (typ == QueryType.INSERT) {
          // Camunda's insertMessage / insertTimer write the job type as a literal
          String sql = q.getQuery().toLowerCase(java.util.Locale.ROOT);
          if (sql.contains("act_ru_job") && !sql.contains("act_ru_jobdef")) {
            if (sql.contains("'timer'")) {
              timrar.addAndGet(antal);
            } else if (sql.contains("'message'")) {
              jobb.addAndGet(antal);
            }
          }
        }
      }
    }

    /** @return the counts as {@code name value} lines */
    public String text() {
      return "satser " + satser.get() + "\nanrop " + anrop.get() + "\nselect " + select.get() + "\ninsert "
          + insert.get() + "\nupdate " + update.get() + "\ndelete " + delete.get() + "\novriga " + ovriga.get() + "\njobb " + jobb.get() + "\ntimrar " + timrar.get() + "\n";
    }
  }

  /** Serves the counts on 127.0.0.1. */
  static final class Server implements DisposableBean {
    private final HttpServer server;

    Server(int port, Rakneverk rakneverk) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.createContext("/sql", exchange -> {
        byte[] body = rakneverk.text().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
    }

    @Override
    public void destroy() {
      server.stop(0);
    }
  }

  /** @return the counter shared by the wrapped data sources */
  @Bean
  static Rakneverk sqlRakneverk() {
    return new Rakneverk();
  }

  /**
   * @param port where the counts are served
   * @param rakneverk the counter
   * @return the server
   * @throws IOException when the port is taken
   */
  @Bean
  Server sqlRaknareServer(@org.springframework.beans.factory.annotation.Value("${bench.sqlraknare.port}") int port,
                          Rakneverk rakneverk) throws IOException {
    return new Server(port, rakneverk);
  }

  /**
   * Wraps the connection pool (only Hikari, so a data source that wraps another is not counted
   * twice).
   *
   * @param rakneverk the counter
   * @return the post-processor
   */
  @Bean
  static BeanPostProcessor sqlRaknareDataSourceWrapper(org.springframework.beans.factory.ObjectProvider<Rakneverk> rakneverk) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)
            && bean.getClass().getName().startsWith("com.zaxxer.hikari.")) {
          return ProxyDataSourceBuilder.create(ds).name(beanName).listener(rakneverk.getObject()).build();
        }
        return bean;
      }
    };
  }
}
