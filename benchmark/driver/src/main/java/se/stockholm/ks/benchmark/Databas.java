package se.stockholm.ks.benchmark;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The PostgreSQL server the benchmark runs on: creates and drops each app's own fresh database
 * ({@code ks_bench_<random>}, through the postgres user), reads its transaction counters
 * (pg_stat_database) and bulk-copies closed cases in Camunda's history tables.
 */
public final class Databas {

  /** Camunda id columns that point at rows of one case, rewritten in a copy; other columns are kept. */
  static final Set<String> ID_KOLUMNER = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
      "act_inst_id_", "parent_act_inst_id_", "task_id_", "parent_task_id_", "call_proc_inst_id_",
      "super_process_instance_id_", "bytearray_id_", "var_inst_id_", "job_exception_stack_id_", "cause_incident_id_",
      "root_cause_incident_id_", "job_id_", "ext_task_id_", "error_details_id_", "scope_activity_instance_id_");

  private final String serverUrl;
  private final String anvandare;

  /**
   * @param host the server's host, e.g. 127.0.0.1
   * @param port its port
   * @param anvandare a user that may create databases (postgres, trust authentication)
   */
  public Databas(String host, int port, String anvandare) {
    this.serverUrl = "jdbc:postgresql://" + host + ":" + port + "/";
    this.anvandare = anvandare;
  }

  /**
   * @param db a database name
   * @return its JDBC URL
   */
  public String url(String db) {
    return serverUrl + db;
  }

  /** @return the postgres user */
  public String anvandare() {
    return anvandare;
  }

  /**
   * @param db the database
   * @return a connection to it
   * @throws SQLException when it cannot be opened
   */
  public Connection anslut(String db) throws SQLException {
    return DriverManager.getConnection(url(db) + "?user=" + anvandare + "&ApplicationName=ks-benchmark");
  }

  /**
   * Creates a fresh database with a random name.
   *
   * @return its name
   * @throws SQLException when it cannot be created
   */
  public String skapa() throws SQLException {
    byte[] b = new byte[5];
    new SecureRandom().nextBytes(b);
    String db = "ks_bench_" + HexFormat.of().formatHex(b);
    try (Connection c = anslut("postgres"); Statement s = c.createStatement()) {
      s.execute("create database " + db + " encoding 'UTF8' template template0");
    }
    return db;
  }

  /**
   * Drops a database, ending its sessions.
   *
   * @param db the database
   */
  public void tabort(String db) {
    if (db == null || !db.matches("ks_bench_[0-9a-f]+")) {
      return;
    }
    try (Connection c = anslut("postgres"); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + db + " with (force)");
    } catch (SQLException e) {
      System.err.println("Kunde inte ta bort databasen " + db + ": " + e.getMessage());
    }
  }

  /**
   * @return the server's version
   * @throws SQLException on failure
   */
  public String version() throws SQLException {
    try (Connection c = anslut("postgres"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * @param db the database
   * @return committed plus rolled back transactions so far (pg_stat_database)
   * @throws SQLException on failure
   */
  public long transaktioner(String db) throws SQLException {
    try (Connection c = anslut("postgres"); Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database where datname = '"
          + db + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Copies closed cases in Camunda's history tables (and ACT_GE_BYTEARRAY's values of historic
   * variables): every row of every table with ROOT_PROC_INST_ID_ that belongs to a closed root
   * process instance of the given model is copied {@code kopior} times, with its ids suffixed
   * {@code ~k} and the root's business key replaced. The temporary table {@code bench_kopia(k,
   * rot, gammal, ny)} maps each template to its copies, for the app's own tables.
   *
   * @param c a connection to the app's database
   * @param processnyckel the root model's key
   * @param kopior copies of each closed case
   * @param nyNyckel SQL for the copy's business key, over {@code k}, {@code idx} (1..templates),
   *     {@code antal} (templates) and {@code gammal}
   * @param logg progress
   * @return the number of template cases
   * @throws SQLException on failure
   */
  public static int kopieraHistorik(Connection c, String processnyckel, int kopior, String nyNyckel, Consumer<String> logg)
      throws SQLException {
    c.setAutoCommit(true);
    int mallar;
    try (Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_mall");
      s.execute("drop table if exists bench_kopia");
      s.execute("create temp table bench_mall as select id_ as rot, business_key_ as gammal, "
          + "row_number() over (order by start_time_, id_) as idx from act_hi_procinst "
          + "where id_ = root_proc_inst_id_ and proc_def_key_ = '" + processnyckel + "' and end_time_ is not null");
      try (ResultSet rs = s.executeQuery("select count(*) from bench_mall")) {
        rs.next();
        mallar = rs.getInt(1);
      }
      s.execute("create temp table bench_kopia as select k, rot, gammal, " + nyNyckel.replace("antal", Integer.toString(mallar))
          + " as ny from bench_mall cross join generate_series(1, " + kopior + ") k");
      s.execute("create index on bench_kopia (rot)");
      s.execute("create index on bench_kopia (gammal)");
      s.execute("analyze bench_kopia");
    }
    List<String> tabeller = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("select table_name from information_schema.columns "
        + "where table_schema = current_schema() and column_name = 'root_proc_inst_id_' "
        + "and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray') order by table_name")) {
      while (rs.next()) {
        tabeller.add(rs.getString(1));
      }
    }
    for (String tabell : tabeller) {
      List<String> kolumner = kolumner(c, tabell);
      StringBuilder val = new StringBuilder();
      for (String k : kolumner) {
        if (val.length() > 0) {
          val.append(", ");
        }
        if (ID_KOLUMNER.contains(k)) {
          val.append(ny("t." + k, "c.k"));
        } else if (k.equals("business_key_")) {
          val.append("case when t.business_key_ = c.gammal then c.ny else t.business_key_ end");
        } else {
          val.append("t.").append(k);
        }
      }
      String sql = "insert into " + tabell + " (" + String.join(", ", kolumner) + ") select " + val + " from " + tabell
          + " t join bench_kopia c on t.root_proc_inst_id_ = c.rot where c.k between ? and ?";
      long rader = 0;
      long t0 = System.nanoTime();
      for (int fran = 1; fran <= kopior; fran += 10) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setInt(1, fran);
          ps.setInt(2, Math.min(kopior, fran + 9));
          rader += ps.executeUpdate();
        }
      }
      logg.accept(String.format("  %s: %,d rader kopierade (%.1f s)", tabell, rader, (System.nanoTime() - t0) / 1e9));
      try (Statement s = c.createStatement()) {
        s.execute("analyze " + tabell);
      }
    }
    return mallar;
  }

  /**
   * SQL for a copied id: the id with {@code ~k} appended, or, where that would not fit Camunda's
   * 64 characters (activity instance ids), the MD5 of it. A pure function of id and copy, so every
   * column that points at the row gets the same new id.
   *
   * @param kolumn the column, qualified
   * @param k the copy's number
   * @return the SQL expression
   */
  public static String ny(String kolumn, String k) {
    return "case when " + kolumn + " is null then null when length(" + kolumn + ") > 58 then md5(" + kolumn
        + " || '~' || " + k + ") else " + kolumn + " || '~' || " + k + " end";
  }

  /**
   * @param c a connection
   * @param tabell a table
   * @return its columns, in order
   * @throws SQLException on failure
   */
  public static List<String> kolumner(Connection c, String tabell) throws SQLException {
    List<String> kolumner = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select column_name from information_schema.columns "
        + "where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
      ps.setString(1, tabell);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          kolumner.add(rs.getString(1));
        }
      }
    }
    return kolumner;
  }

  /**
   * @param c a connection
   * @param sql a query with one number
   * @return the number
   * @throws SQLException on failure
   */
  public static long tal(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * @param c a connection
   * @param sql a query with one text column
   * @return its values
   * @throws SQLException on failure
   */
  public static List<String> texter(Connection c, String sql) throws SQLException {
    List<String> ut = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ut.add(rs.getString(1));
      }
    }
    return ut;
  }
}
