package se.stockholm.ks.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The dnr in the log: a delegate run by the job executor writes its line with the ärende's dnr in
 * the log context (MDC key {@code dnr}), and the log pattern prints it. The job executor runs for
 * real (it is off in the other tests); the log is captured with a Logback appender.
 */
@IntegrationTest
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.max-wait=500"})
class LoggkontextIT {

  @LocalServerPort
  int port;
  @Autowired
  Arbetsdagskalender kalender;

  final ListAppender<ILoggingEvent> logg = new ListAppender<>();
  final Logger rot = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void fangaLoggen() {
    logg.start();
    rot.addAppender(logg);
  }

  @AfterEach
  void slutaFanga() {
    rot.detachAppender(logg);
  }

  @Test
  void aDelegateRunByTheJobExecutorLogsWithTheDnr() throws Exception {
    Api api = new Api(port);
    Api.Svar registrerad = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik": "Skrivelse om loggar", "avsandare": {"namn": "Jan Jönsson", "parti": "L"},
         "text": "Vilket ärende gäller loggraden?"}""");
    assertThat(registrerad.status()).as(registrerad.text()).isEqualTo(201);
    String dnr = registrerad.json().path("diarienummer").asText();
    LocalDate svarsdatum = kalender.laggTillArbetsdagar(Diarium.idag(), 15);
    JsonNode uppgift = api.get("registrator", "/engine-rest/task?processInstanceBusinessKey="
        + dnr.replace(" ", "%20").replace("/", "%2F") + "&taskDefinitionKey=Task_FordelaArende").json();
    Api.Svar fordelat = api.postJson("registrator", "/engine-rest/task/" + uppgift.get(0).path("id").asText()
        + "/submit-form", """
        {"variables": {"rotel": {"value": "rotel-i"},
          "remissinstanser": {"value": "[\\"stadsledningskontoret\\"]", "type": "Json"},
          "svarsdatum": {"value": "%s"}}}""".formatted(svarsdatum));
    assertThat(fordelat.status()).as(fordelat.text()).isEqualTo(204);

    // the remiss is sent and e-mailed by the job executor (asynchronous continuations); the e-mail step
    // (meddelanden.Utskick, called by the delegate skickaMeddelande) writes that the message is in the outbox
    ILoggingEvent rad = vantaPa(() -> kopia().stream()
        .filter(e -> e.getLoggerName().equals("se.stockholm.ks.meddelanden.Utskick"))
        .filter(e -> e.getFormattedMessage().contains(dnr))
        .findFirst().orElse(null), Duration.ofSeconds(60));
    assertThat(rad.getThreadName()).as("written by the job executor, not the request").doesNotStartWith("http-nio");
    assertThat(rad.getMDCPropertyMap()).containsEntry("dnr", dnr);

    // and the pattern prints it after the level
    var layout = new ch.qos.logback.classic.PatternLayout();
    layout.setContext(rot.getLoggerContext());
    String niva = rot.getLoggerContext().getProperty("LOG_LEVEL_PATTERN");
    layout.setPattern((niva != null ? niva : System.getProperty("LOG_LEVEL_PATTERN")) + " %m");
    layout.start();
    assertThat(layout.doLayout(rad)).startsWith(" INFO [" + dnr + "] ");
  }

  private List<ILoggingEvent> kopia() {
    synchronized (logg) {
      return List.copyOf(logg.list);
    }
  }

  private static <T> T vantaPa(java.util.function.Supplier<T> villkor, Duration hogst) throws InterruptedException {
    long slut = System.nanoTime() + hogst.toNanos();
    while (System.nanoTime() < slut) {
      T t = villkor.get();
      if (t != null) {
        return t;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Inget hände inom " + hogst);
  }
}
