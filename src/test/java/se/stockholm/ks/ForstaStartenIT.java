package se.stockholm.ks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.Nod;

/**
 * A newcomer's first start, as the README's command gives it: the default (local) profile in a
 * fresh working directory (the embedded PostgreSQL in {@code ./data}), the job executor running, in a JVM of its own.
 * The demo cases are on time whatever today is, the start-up log counts the users right and sends
 * people only to tasks they have, and stopping the application (SIGTERM, as Ctrl-C: the JVM's
 * shutdown hooks) logs no ERROR or WARN — the job executor stops before the database closes.
 */
class ForstaStartenIT {

  private static final Pattern LOGGA_IN = Pattern.compile("(KS \\d{4}/\\d+): .*?\"([^\"]+)\".*? – logga in som ([a-z0-9 ]+)");

  private Nod app;

  /** Nothing left running: the application, and the embedded PostgreSQL server if the test failed before stopping it. */
  @AfterEach
  void stoppa() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theDemoCasesAreOnTimeTheLogSendsPeopleToRealTasksAndStoppingLogsNoErrorOrWarning() throws Exception {
    Path katalog = Files.createTempDirectory("ks-forsta-start");
    app = Nod.startaI(katalog, "applikationen", List.of());
    int port = app.vantaPaStart(Duration.ofMinutes(5));
    Api api = new Api(port);
    OffsetDateTime nu = OffsetDateTime.now();

    String start = app.utskrift();
    assertThat(start).contains("13 användare: 12 demoanvändare med lösenordet \"demo\"", "administratören 'admin'");
    assertThat(Files.exists(katalog.resolve("data/postgres"))).as("PostgreSQL i ./data").isTrue();

    // on time: no open task past its due date, no timer that should already have fired
    JsonNode uppgifter = api.get("admin", "/engine-rest/task").json();
    assertThat(uppgifter).isNotEmpty();
    for (JsonNode t : uppgifter) {
      if (!t.path("due").isNull()) {
        assertThat(OffsetDateTime.parse(t.path("due").asText(), java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))).as("förfallodag för " + t.path("name").asText()).isAfter(nu);
      }
    }
    JsonNode timrar = api.get("admin", "/engine-rest/job?timers=true").json();
    for (JsonNode j : timrar) {
      assertThat(OffsetDateTime.parse(j.path("dueDate").asText(), java.time.format.DateTimeFormatter
          .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))).as("timer " + j.path("id").asText()).isAfter(nu.minusMinutes(1));
    }

    // the log names three cases; whoever it sends somewhere has that task
    String demo = start.substring(start.indexOf("Demoärenden skapade"));
    assertThat(demo).contains("laglighetsprövning", "borgarrådsberedningens sammanträde", "\"Skriv tjänsteutlåtande\"");
    Matcher m = LOGGA_IN.matcher(demo);
    int hanvisningar = 0;
    while (m.find()) {
      String dnr = m.group(1);
      for (String anvandare : m.group(3).split(" eller ")) {
        JsonNode egna = api.get(anvandare.strip(), "/engine-rest/task?processInstanceBusinessKey="
            + dnr.replace(" ", "%20").replace("/", "%2F")).json();
        assertThat(egna).as(anvandare + " har uppgiften i " + dnr).extracting(t -> t.path("name").asText())
            .contains(m.group(2));
        hanvisningar++;
      }
    }
    assertThat(hanvisningar).isPositive();
    assertThat(demo.lines().limit(4).toList().toString()).doesNotContain("registrator");

    // stop as Ctrl-C does: the shutdown hooks run
    int fore = app.utskrift().length();
    app.stoppa();
    assertThat(app.vantaPaSlut(Duration.ofSeconds(120))).as("applikationen stannar").isTrue();
    String stopp = app.utskrift().substring(fore);
    assertThat(stopp).contains("Process Engine default closed");
    List<String> problem = stopp.lines()
        .filter(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.contains("Exception")).toList();
    assertThat(problem).as("ERROR/WARN när applikationen stoppas").isEmpty();
  }
}
