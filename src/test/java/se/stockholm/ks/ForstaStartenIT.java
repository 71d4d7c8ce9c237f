package se.stockholm.ks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.support.Api;

/**
 * A newcomer's first start, as the README's command gives it: the default (local) profile in a
 * fresh working directory (the embedded PostgreSQL in {@code ./data}), the job executor running, in a JVM of its own.
 * The demo cases are on time whatever today is, the start-up log counts the users right and sends
 * people only to tasks they have, and stopping the application (SIGTERM, as Ctrl-C: the JVM's
 * shutdown hooks) logs no ERROR or WARN — the job executor stops before the database closes.
 */
class ForstaStartenIT {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
  private static final Pattern LOGGA_IN = Pattern.compile("(KS \\d{4}/\\d+): .*?\"([^\"]+)\".*? – logga in som ([a-z0-9 ]+)");

  private Process app;
  private Path logg;

  @AfterEach
  void stoppa() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theDemoCasesAreOnTimeTheLogSendsPeopleToRealTasksAndStoppingLogsNoErrorOrWarning() throws Exception {
    Path katalog = Files.createTempDirectory("ks-forsta-start");
    app = starta(katalog);
    int port = vantaPaStart();
    Api api = new Api(port);
    OffsetDateTime nu = OffsetDateTime.now();

    String start = utskrift();
    assertThat(start).contains("12 användare: 11 demoanvändare med lösenordet \"demo\"", "administratören 'admin'");
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
    int fore = utskrift().length();
    app.destroy();
    assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("applikationen stannar").isTrue();
    String stopp = utskrift().substring(fore);
    assertThat(stopp).contains("Process Engine default closed");
    List<String> problem = stopp.lines()
        .filter(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.contains("Exception")).toList();
    assertThat(problem).as("ERROR/WARN när applikationen stoppas").isEmpty();
  }

  /** Starts the application in {@code katalog}; its output goes to a file there (read with {@link #utskrift()}). */
  private Process starta(Path katalog) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String klassvag = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kommando = new ArrayList<>(List.of(java, "-Duser.timezone=Europe/Stockholm", "-Dfile.encoding=UTF-8",
        "-Xmx512m", "-cp", klassvag, SkrivelseApplication.class.getName(), "--server.port=0"));
    logg = katalog.resolve("applikationen.log");
    ProcessBuilder pb = new ProcessBuilder(kommando).directory(katalog.toFile()).redirectErrorStream(true)
        .redirectOutput(logg.toFile());
    pb.environment().remove("KS_ADMIN_PASSWORD");
    pb.environment().remove("SPRING_PROFILES_ACTIVE");
    return pb.start();
  }

  private String utskrift() throws IOException {
    return Files.exists(logg) ? Files.readString(logg, StandardCharsets.UTF_8) : "";
  }

  private int vantaPaStart() throws InterruptedException, IOException {
    long slut = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < slut) {
      String text = utskrift();
      if (text.contains("Started SkrivelseApplication")) {
        Matcher m = PORT.matcher(text);
        assertThat(m.find()).as("porten i loggen").isTrue();
        return Integer.parseInt(m.group(1));
      }
      assertThat(app.isAlive()).as("applikationen startar:\n" + text).isTrue();
      Thread.sleep(500);
    }
    throw new AssertionError("applikationen startade inte inom fem minuter:\n" + utskrift());
  }
}
