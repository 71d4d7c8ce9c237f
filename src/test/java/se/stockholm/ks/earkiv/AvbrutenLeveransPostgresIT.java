package se.stockholm.ks.earkiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.Nod;
import se.stockholm.ks.support.PostgresTestDatabase;

/**
 * Killing the application mid-export (issue 19): a node, a JVM of its own on PostgreSQL with its job
 * executor running, delivers a withdrawn ärende in the process's step "Leverera till e-arkivet" and is
 * killed with SIGKILL while the finished package waits in its hidden temporary file in the delivery
 * folder (the test-only setting {@code ks.earkiv.test.paus-fore-namnbyte} holds it there). Then the
 * folder holds no package, and the event log no delivery. A fresh node takes over the job when its lock
 * runs out and writes exactly one package, which validates, whose SHA-256 is the one logged, once,
 * and the leftover temporary file is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvbrutenLeveransPostgresIT {

  private final List<Nod> noder = new ArrayList<>();

  @AfterAll
  void stoppa() throws Exception {
    for (Nod n : noder) {
      n.close();
    }
  }

  @Test
  void aNodeKilledMidExportLeavesNoPackageAndTheRetryWritesExactlyOne() throws Exception {
    PostgresTestDatabase.Database db = PostgresTestDatabase.create();
    Path mapp = Files.createTempDirectory("earkiv-avbruten");
    List<String> argument = List.of("--spring.profiles.active=test",
        "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=", "--camunda.bpm.database.type=postgres",
        "--camunda.bpm.job-execution.enabled=true",
        // a short job lock, so the fresh node takes the killed node's job over within seconds
        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
        "--ks.earkiv.leveransmapp=" + mapp);
    List<String> forsta = new ArrayList<>(argument);
    forsta.add("--ks.earkiv.test.paus-fore-namnbyte=PT10M");
    Nod nod1 = Nod.starta("earkiv-1", forsta.toArray(String[]::new));
    noder.add(nod1);
    Api api = new Api(nod1.vantaPaStart(Duration.ofMinutes(6)));

    Api.Svar svar = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik":"Skrivelse som återkallas medan den arkiveras","avsandare":{"namn":"Jan Jönsson","parti":"L",
         "roll":"oppositionsborgarråd"},"inkom":"2025-11-26T10:15:00+01:00","fragor":["Varför?"],"text":"Text."}""",
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    String dnr = svar.json().path("diarienummer").asText();
    String paket = Earkivleverans.paketId(se.stockholm.ks.diarium.Diarienummer.parse(dnr)) + ".zip";
    Api.Svar aterkallad = api.postJson("integration", svar.json().path("url").asText() + "/aterkallelse",
        "{\"motivering\":\"Frågan är besvarad.\"}");
    assertThat(aterkallad.status()).as(aterkallad.toString()).isEqualTo(200);

    // the node builds and validates the package and holds it in its hidden temporary file: killed there
    long slut = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (tillfalliga(mapp).isEmpty() && System.nanoTime() < slut) {
      Thread.sleep(100);
    }
    assertThat(tillfalliga(mapp)).as("ett halvlevererat paket i %s; nodens logg:%n%s", mapp,
        nod1.lever() ? "" : nod1.utskrift()).isNotEmpty();
    assertThat(nod1.utskrift()).contains("Testläge: väntar");
    nod1.doda();
    assertThat(paket(mapp)).as("inget paket efter kill -9").isEmpty();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
      assertThat(leveranser(c, dnr)).as("ingen leverans i händelseloggen").isEmpty();
    }

    // a fresh node takes over the job when its lock runs out and writes exactly one package
    Nod nod2 = Nod.starta("earkiv-2", argument.toArray(String[]::new));
    noder.add(nod2);
    nod2.vantaPaStart(Duration.ofMinutes(6));
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
      slut = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while ((leveranser(c, dnr).isEmpty() || processenPagar(c, dnr)) && System.nanoTime() < slut) {
        Thread.sleep(500);
      }
      List<String> leveranser = leveranser(c, dnr);
      assertThat(leveranser).as("en leverans; nod 2:s logg:%n%s", nod2.utskrift()).hasSize(1);
      assertThat(processenPagar(c, dnr)).isFalse();
      assertThat(paket(mapp)).containsExactly(paket);
      assertThat(tillfalliga(mapp)).as("det avbrutna försökets tillfälliga fil").isEmpty();
      Path fil = mapp.resolve(paket);
      Arkivpaketbyggare.valideraPaket(fil);
      assertThat(leveranser.get(0)).contains("SHA-256 " + Arkivpaketbyggare.sha256(Files.readAllBytes(fil)));
    }
  }

  /** @return the hidden temporary files in the folder */
  private static List<String> tillfalliga(Path mapp) throws Exception {
    try (var s = Files.list(mapp)) {
      return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  /** @return what the folder offers the e-arkiv: every file that is not hidden */
  private static List<String> paket(Path mapp) throws Exception {
    try (var s = Files.list(mapp)) {
      return s.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }

  private static List<String> leveranser(Connection c, String dnr) throws Exception {
    try (PreparedStatement q = c.prepareStatement("select h.beskrivning from arende_handelse h join arende a "
        + "on a.id = h.arende_id where a.diarienummer = ? and h.handelsetyp = 'LEVERERAT_TILL_EARKIV'")) {
      q.setString(1, dnr);
      List<String> r = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          r.add(rs.getString(1));
        }
      }
      return r;
    }
  }

  private static boolean processenPagar(Connection c, String dnr) throws Exception {
    try (PreparedStatement q = c.prepareStatement("select count(*) from act_ru_execution where business_key_ = ?")) {
      q.setString(1, dnr);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }
}
