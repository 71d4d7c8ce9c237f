package se.stockholm.ks.motorbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.stockholm.ks.scenario.Scenario;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.Nod;
import se.stockholm.ks.support.PostgresTestDatabase;

/**
 * The switch from Camunda 7.24 to Operaton 1.0 on one PostgreSQL database, as a city would make it (README,
 * "Processmotorer"): the real case KS 2025/1513 ({@link Scenario}) runs its first half, to the
 * borgarrådsberedning, on the Camunda build's jar; that node stops; the administrators' group is given its
 * Operaton name ({@code motorbyte/operaton-administratorer.sql}, the one step the README names); the Operaton
 * build's jar starts on the same database, with no migration of the engine's tables, and finishes the case.
 *
 * <p>The two jars: {@code ks.test.motorbyte.camunda-jar} and {@code ks.test.motorbyte.operaton-jar} (the POM
 * names the Camunda build's {@code target/*.jar} and the Operaton build's {@code target/operaton/target/*.jar};
 * operaton/pom.xml passes both to the Operaton build). A jar that is not there skips the test (the Operaton
 * build has not run: {@code ./mvnw -B -f operaton/pom.xml verify}), unless {@code ks.test.motorbyte.kravs=true}
 * (CI), which fails it. The database: {@link PostgresTestDatabase} (CI's server, or an embedded one).
 */
class MotorbytePostgresIT {

  private static final Duration START = Duration.ofMinutes(6);

  private Nod camunda;
  private Nod operaton;

  @AfterEach
  void stoppa() throws Exception {
    for (Nod n : new Nod[] {camunda, operaton}) {
      if (n != null) {
        n.close();
      }
    }
  }

  @Test
  void aCaseBegunOnCamundaIsFinishedOnOperatonOnTheSameDatabase() throws Exception {
    Path camundaJar = jar("ks.test.motorbyte.camunda-jar");
    Path operatonJar = jar("ks.test.motorbyte.operaton-jar");
    PostgresTestDatabase.Database db = PostgresTestDatabase.create();
    // the local profile (demo users and the demo clock, messages to the outbox) on the test's database
    String[] argument = {"--spring.profiles.active=local", "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
        "--ks.demo.arenden=false"};
    ByteArrayOutputStream logg = new ByteArrayOutputStream();
    PrintStream ut = new PrintStream(logg, true, StandardCharsets.UTF_8);
    Path dokument = Files.createTempDirectory("motorbyte");

    // 1. Camunda 7.24: skrivelse, fördelning, tjänsteutlåtande, promemoria, borgarrådsberedning
    camunda = Nod.startaJar(camundaJar, "camunda", argument);
    int port = camunda.vantaPaStart(START);
    assertThat(motorversion(new Api(port))).as("motorn i %s", camundaJar.getFileName()).startsWith("7.24");
    String dnr = new Scenario("http://localhost:" + port, dokument, ut).forstaHalvan();
    long definitioner = rader(db, "select count(*) from ACT_RE_PROCDEF");
    assertThat(rader(db, "select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = '" + dnr + "'"))
        .as("ärendet pågår när Camunda stannar").isPositive();
    camunda.stoppa();
    assertThat(camunda.vantaPaSlut(Duration.ofMinutes(2))).as("Camunda-noden stannar").isTrue();

    // 2. the one step of the switch, then Operaton 1.0 on the same database: no schema migration
    String schema = rader(db, "select count(*) from ACT_GE_SCHEMA_LOG") + "";
    kor(db, "/motorbyte/operaton-administratorer.sql");
    operaton = Nod.startaJar(operatonJar, "operaton", argument);
    port = operaton.vantaPaStart(START);
    assertThat(motorversion(new Api(port))).as("motorn i %s", operatonJar.getFileName()).startsWith("1.0");
    assertThat(rader(db, "select count(*) from ACT_GE_SCHEMA_LOG") + "").as("Operaton ändrade inte tabellerna")
        .isEqualTo(schema);

    // 3. särskilt uttalande, kommunstyrelsen, protokollet, laglighetsprövning: the ärende is closed
    Scenario andra = new Scenario("http://localhost:" + port, dokument, ut);
    Scenario.Resultat r;
    try {
      r = andra.andraHalvan(dnr);
    } finally {
      andra.aterstallKlockan();
      System.out.println(logg.toString(StandardCharsets.UTF_8));
    }
    assertThat(r.status()).isEqualTo("AVSLUTAT");
    assertThat(rader(db, "select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = '" + dnr
        + "' and END_ACT_ID_ = 'EndEvent_ArendeAvslutat'")).as("skrivelseprocessen slutade på Operaton").isOne();
    assertThat(rader(db, "select count(*) from ACT_RU_INCIDENT")).as("incidenter").isZero();
    assertThat(rader(db, "select count(*) from ACT_RE_PROCDEF"))
        .as("Operaton driftsatte inga nya versioner av oförändrade modeller").isEqualTo(definitioner);
    assertThat(r.arendedokument()).as("ärendedokumentet, skrivet på Operaton").isNotNull();
    assertThat(operaton.utskrift()).doesNotContain("ERROR");
  }

  private static Path jar(String egenskap) {
    String namn = System.getProperty(egenskap, "");
    Path jar = namn.isBlank() ? null : Path.of(namn);
    boolean finns = jar != null && Files.isRegularFile(jar);
    if (!finns && Boolean.getBoolean("ks.test.motorbyte.kravs")) {
      throw new AssertionError(egenskap + " saknas (" + namn + "): bygg Camunda (./mvnw verify) och Operaton "
          + "(./mvnw -f operaton/pom.xml verify) först");
    }
    assumeThat(finns).as("%s (%s) finns inte: Operaton-bygget har inte körts", egenskap, namn).isTrue();
    return jar;
  }

  private static String motorversion(Api api) {
    return api.get("admin", "/engine-rest/version").json().path("version").asText();
  }

  private static long rader(PostgresTestDatabase.Database db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void kor(PostgresTestDatabase.Database db, String resurs) throws SQLException, IOException {
    String sql;
    try (InputStream in = MotorbytePostgresIT.class.getResourceAsStream(resurs)) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
         Statement s = c.createStatement()) {
      for (String sats : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sats.isBlank()) {
          s.execute(sats);
        }
      }
    }
  }
}
