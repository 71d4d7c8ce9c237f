package se.stockholm.ks.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.Nod;
import se.stockholm.ks.support.PostgresTestDatabase;

/**
 * Two nodes started in the same second on an empty PostgreSQL database (a cluster restart, or the
 * first rolling deployment) both come up: one creates the engine's schema and runs the migrations
 * while the other waits for it ({@link Startlas}), instead of both creating the same tables and one
 * dying. Both then register, with numbers of one series.
 */
class SamtidigStartPostgresIT {

  @Test
  void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUp() throws Exception {
    PostgresTestDatabase.Database db = PostgresTestDatabase.create();
    String[] argument = {"--spring.profiles.active=test", "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
        "--camunda.bpm.database.type=postgres"};
    try (Nod a = Nod.starta("a", argument); Nod b = Nod.starta("b", argument)) {
      int portA = a.vantaPaStart(Duration.ofMinutes(6));
      int portB = b.vantaPaStart(Duration.ofMinutes(6));
      String loggar = a.utskrift() + b.utskrift();
      assertThat(loggar).doesNotContain("duplicate key");
      assertThat(loggar).as("den ena väntade på den andra").contains("En annan nod startar på samma databas");

      List<String> nummer = new ArrayList<>();
      for (int port : new int[] {portA, portB}) {
        Api api = new Api(port);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        Api.Svar svar = api.postJson("integration", "/api/v1/skrivelser", """
            {"rubrik":"Samtidig start","avsandare":{"namn":"Jan Jönsson","parti":"L","roll":"oppositionsborgarråd"},
             "inkom":"2025-11-26T10:15:00+01:00","fragor":["Fråga?"],"text":"Text."}""");
        assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
        nummer.add(svar.json().path("diarienummer").asText());
      }
      assertThat(nummer).containsExactlyInAnyOrder("KS 2025/1513", "KS 2025/1514");
    }
  }
}
