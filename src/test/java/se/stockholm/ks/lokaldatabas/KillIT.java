package se.stockholm.ks.lokaldatabas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.Nod;

/**
 * The kill test of the README's default start (the local profile, no datasource URL: the embedded
 * PostgreSQL in {@code ./data}): the application runs in a JVM of its own in a fresh working
 * directory; four clients register skrivelser over {@code /api/v1}; within about 0.1 s of a
 * {@code 201 Created} the application is killed with {@code kill -9} — in the first round the JVM
 * alone (the database server outlives it), in the second the JVM and the database server. After
 * each restart on the same {@code ./data} every skrivelse answered 201 is there with its rubrik, and
 * no diarienummer was given twice (new registrations get numbers never answered before).
 *
 * <p>{@code -Dks.test.kill.datasource=<JDBC URL>} runs the same test against another database of
 * the local profile, e.g. the former default
 * {@code jdbc:h2:file:./data/skrivelseprocessen;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE}, which fails it.
 */
class KillIT {

  private static final Duration START = Duration.ofMinutes(5);
  private static final int KLIENTER = 4;

  /** A skrivelse answered 201. */
  record Kvitto(String diarienummer, String rubrik) {
  }

  private Nod app;
  private Path katalog;

  /** Nothing left running: the application, and a database server it left (a failed test's kill). */
  @AfterEach
  void stoppa() throws Exception {
    if (app != null) {
      app.doda();
      app.close();
    }
  }

  @Test
  void everySkrivelseAnswered201SurvivesKillMinus9AndNoDiarienummerIsGivenTwice() throws Exception {
    katalog = Files.createTempDirectory("ks-kill");
    String datakalla = System.getProperty("ks.test.kill.datasource", "");
    List<Kvitto> kvitton = new CopyOnWriteArrayList<>();

    for (int omgang = 1; omgang <= 2; omgang++) {
      app = starta(katalog, datakalla, omgang);
      Api api = new Api(app.vantaPaStart(START));
      kontrollera(api, kvitton);
      boolean avenDatabasen = omgang == 2 && datakalla.isBlank();
      Optional<ProcessHandle> databas = avenDatabasen ? app.databasserver() : Optional.empty();
      assertThat(databas.isPresent()).as("databasservern hittad").isEqualTo(avenDatabasen);
      int fore = kvitton.size();
      registreraOchDoda(api, kvitton, fore + 6 + ThreadLocalRandom.current().nextInt(6), databas);
      assertThat(kvitton.size()).as("registreringar besvarade 201 före kill -9").isGreaterThan(fore);
    }

    app = starta(katalog, datakalla, 3);
    Api api = new Api(app.vantaPaStart(START));
    kontrollera(api, kvitton);
    // a number is never given again: the next registrations get numbers nobody was answered before
    for (int i = 0; i < 3; i++) {
      Kvitto ny = registrera(api, "efter omstarten " + i);
      assertThat(kvitton).extracting(Kvitto::diarienummer).as("nytt nummer %s", ny.diarienummer())
          .doesNotContain(ny.diarienummer());
      kvitton.add(ny);
    }
    app.stoppa();
    assertThat(app.vantaPaSlut(Duration.ofSeconds(120))).as("applikationen stannar").isTrue();
  }

  /** Every skrivelse answered 201 is there, with its rubrik; no number was answered twice. */
  private static void kontrollera(Api api, List<Kvitto> kvitton) {
    assertThat(kvitton).extracting(Kvitto::diarienummer).as("ett diarienummer per 201").doesNotHaveDuplicates();
    for (Kvitto k : kvitton) {
      Api.Svar svar = api.get("integration", "/api/v1/arenden/" + k.diarienummer().replace(' ', '-').replace('/', '-'));
      assertThat(svar.status()).as("%s efter omstart: %s", k, svar).isEqualTo(200);
      assertThat(svar.json().path("rubrik").asText()).as("rubriken för %s", k.diarienummer()).isEqualTo(k.rubrik());
    }
  }

  /**
   * Registers from {@value #KLIENTER} clients until {@code antal} are answered 201, then kills the
   * application (and the database server, if given) within 0–100 ms of that answer while the other
   * clients' registrations are under way.
   */
  private void registreraOchDoda(Api api, List<Kvitto> kvitton, int antal, Optional<ProcessHandle> databas)
      throws Exception {
    AtomicBoolean dodad = new AtomicBoolean();
    List<Throwable> fel = new CopyOnWriteArrayList<>();
    ExecutorService klienter = Executors.newFixedThreadPool(KLIENTER);
    for (int k = 0; k < KLIENTER; k++) {
      int klient = k;
      klienter.submit(() -> {
        for (int i = 0; !dodad.get(); i++) {
          try {
            Kvitto kvitto = registrera(api, "klient " + klient + " nr " + i);
            kvitton.add(kvitto);
            if (kvitton.size() >= antal && !dodad.getAndSet(true)) {
              Thread.sleep(ThreadLocalRandom.current().nextInt(100));
              databas.ifPresent(ProcessHandle::destroyForcibly);
              app.doda();
            }
          } catch (RuntimeException | AssertionError e) {
            // after the kill: an answer that never came (or came as an error) is not a 201
            if (!dodad.get()) {
              fel.add(e);
            }
            return null;
          }
        }
        return null;
      });
    }
    klienter.shutdown();
    assertThat(klienter.awaitTermination(5, TimeUnit.MINUTES)).as("klienterna blev klara").isTrue();
    assertThat(fel).as("fel före kill -9").isEmpty();
    assertThat(app.vantaPaSlut(Duration.ofSeconds(30))).as("applikationen dödad").isTrue();
    if (databas.isPresent()) {
      assertThat(databas.get().onExit().get(30, TimeUnit.SECONDS).isAlive()).as("databasservern dödad").isFalse();
    }
  }

  private static Kvitto registrera(Api api, String vem) {
    String rubrik = "Skrivelse om hållbarhet, " + vem + " " + System.nanoTime();
    Api.Svar svar = api.postJson("integration", "/api/v1/skrivelser",
        "{\"rubrik\":\"" + rubrik + "\",\"avsandare\":{\"namn\":\"Åsa Öberg\",\"parti\":\"MP\"},"
            + "\"text\":\"Vi vill veta vad staden gör.\"}");
    assertThat(svar.status()).as("registrering: %s", svar).isEqualTo(201);
    JsonNode json = svar.json();
    return new Kvitto(json.path("diarienummer").asText(), rubrik);
  }

  /** Starts the application in {@code katalog}, as the README's command does (the local profile). */
  private static Nod starta(Path katalog, String datakalla, int omgang) throws IOException {
    List<String> argument = new ArrayList<>(List.of(
        // the demo cases would take numbers too; they are not what is tested here
        "--ks.demo.arenden=false"));
    if (!datakalla.isBlank()) {
      argument.add("--spring.datasource.url=" + datakalla);
    }
    return Nod.startaI(katalog, "applikationen-" + omgang, List.of(), argument.toArray(String[]::new));
  }
}
