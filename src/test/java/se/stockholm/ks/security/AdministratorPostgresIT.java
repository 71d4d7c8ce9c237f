package se.stockholm.ks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import se.stockholm.ks.SkrivelseApplication;
import se.stockholm.ks.startup.StartRefusedException;
import se.stockholm.ks.support.PostgresTestDatabase;

/**
 * The administrator's password on a real PostgreSQL, in the {@code postgres} profile, in the order an
 * operator meets it (issue 14): a first start without {@code KS_ADMIN_PASSWORD} refuses — with the
 * message alone, and before any user exists; the next start with the variable gives {@code admin}
 * that password, and the empty password gets 401 at every door (engine REST, the webapps' login,
 * {@code /api}). An administrator left with an empty or another password (by an earlier version, or
 * changed in Admin) gets {@code KS_ADMIN_PASSWORD} at the next start, and no user with an empty
 * password can sign in.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdministratorPostgresIT {

  private final PostgresTestDatabase.Database db = PostgresTestDatabase.create();

  @Test
  void aStartWithoutThePasswordRefusesAloneAndCreatesNoUserThenTheNextStartUsesThePassword(CapturedOutput output)
      throws Exception {
    assertThatThrownBy(() -> starta(""))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("Inget administratörslösenord");
    String utskrift = output.getAll();
    assertThat(utskrift).contains("APPLICATION FAILED TO START", "Inget administratörslösenord",
        "Sätt KS_ADMIN_PASSWORD");
    assertThat(utskrift).as("meddelandet ensamt, utan stackspårning").doesNotContain("\tat ", "Caused by");
    assertThat(anvandare()).as("ingen användare skapad").isEmpty();

    try (ConfigurableApplicationContext app = starta("Ratt-losenord-1")) {
      Dorrar d = new Dorrar(port(app));
      assertThat(anvandare()).containsExactly("admin");
      assertThat(d.engineRest("admin", "Ratt-losenord-1")).isEqualTo(200);
      assertThat(d.webapp("admin", "Ratt-losenord-1")).isEqualTo(200);
      assertThat(d.api("admin", "Ratt-losenord-1")).isNotEqualTo(401);
      assertThat(d.engineRest("admin", "")).isEqualTo(401);
      assertThat(d.webapp("admin", "")).isEqualTo(401);
      assertThat(d.api("admin", "")).isEqualTo(401);
    }
  }

  @Test
  void anAdministratorWithAnEmptyOrAnotherPasswordGetsKsAdminPasswordAtTheNextStart() throws Exception {
    try (ConfigurableApplicationContext app = starta("Forsta-losenordet")) {
      // what an earlier version left behind: admin with an empty password
      IdentityService identity = app.getBean(IdentityService.class);
      User admin = identity.createUserQuery().userId("admin").singleResult();
      admin.setPassword("");
      identity.saveUser(admin);
      Dorrar d = new Dorrar(port(app));
      assertThat(d.engineRest("admin", "")).as("ett tomt lösenord loggar aldrig in").isEqualTo(401);
      assertThat(d.webapp("admin", "")).isEqualTo(401);
      assertThat(d.api("admin", "")).isEqualTo(401);
    }

    try (ConfigurableApplicationContext app = starta("Andra-losenordet")) {
      Dorrar d = new Dorrar(port(app));
      assertThat(d.engineRest("admin", "Andra-losenordet")).isEqualTo(200);
      assertThat(d.webapp("admin", "Andra-losenordet")).isEqualTo(200);
      assertThat(d.engineRest("admin", "")).isEqualTo(401);

      // an administrator changes the password in Admin …
      IdentityService identity = app.getBean(IdentityService.class);
      User admin = identity.createUserQuery().userId("admin").singleResult();
      admin.setPassword("Andrat-i-Admin");
      identity.saveUser(admin);
      assertThat(d.engineRest("admin", "Andrat-i-Admin")).isEqualTo(200);
      // (a wrong password locks the user for a few seconds, Camunda's own brute-force delay: last)
      assertThat(d.engineRest("admin", "Forsta-losenordet")).isEqualTo(401);
    }

    // … and KS_ADMIN_PASSWORD applies again from the next start (as the README says)
    try (ConfigurableApplicationContext app = starta("Andra-losenordet")) {
      Dorrar d = new Dorrar(port(app));
      assertThat(d.engineRest("admin", "Andra-losenordet")).isEqualTo(200);
      assertThat(d.engineRest("admin", "Andrat-i-Admin")).isEqualTo(401);
      assertThat(anvandare()).containsExactly("admin");
    }
  }

  @Test
  void noUserWithAnEmptyPasswordCanSignInAtAnyDoor() throws Exception {
    try (ConfigurableApplicationContext app = starta("Ett-losenord")) {
      IdentityService identity = app.getBean(IdentityService.class);
      User tom = identity.newUser("tomtlosen");
      tom.setPassword("");
      identity.saveUser(tom);
      identity.createMembership("tomtlosen", "camunda-admin");
      Dorrar d = new Dorrar(port(app));
      assertThat(d.engineRest("tomtlosen", "")).isEqualTo(401);
      assertThat(d.webapp("tomtlosen", "")).isEqualTo(401);
      assertThat(d.api("tomtlosen", "")).isEqualTo(401);
      assertThat(d.engineRest("tomtlosen", " ")).isEqualTo(401);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Starts the application as an operator would: profile postgres, the password as given. */
  private ConfigurableApplicationContext starta(String losenord) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--server.port=0",
        "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=" + db.password(),
        "--camunda.bpm.admin-user.password=" + losenord,
        "--camunda.bpm.job-execution.enabled=false",
        // no SMTP server here: messages stay in the outbox (the e-mail settings are MeddelandenIT's)
        "--ks.meddelanden.transport=utkorg",
        // the city's organisation (made-up names, no placeholders)
        "--ks.organisation.rotlar[0].id=rotel-i", "--ks.organisation.rotlar[0].namn=Rotel I",
        "--ks.organisation.rotlar[0].borgarrad=Eva Teststrand", "--ks.organisation.rotlar[0].parti=S"));
    return new SpringApplicationBuilder(SkrivelseApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  /** @return the users in the engine's table, or none when the table does not exist yet */
  private List<String> anvandare() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
         ResultSet tabell = c.getMetaData().getTables(null, null, "act_id_user", null)) {
      if (!tabell.next()) {
        return ids;
      }
      try (ResultSet rs = c.createStatement().executeQuery("select id_ from act_id_user order by id_")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** The three doors a password opens. */
  private record Dorrar(int port) {

    int engineRest(String anvandare, String losenord) throws Exception {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/engine-rest/user"))
              .header("Authorization", basic(anvandare, losenord)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    int api(String anvandare, String losenord) throws Exception {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/arenden/KS-2099-1"))
              .header("Authorization", basic(anvandare, losenord)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    int webapp(String anvandare, String losenord) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
      http.send(HttpRequest.newBuilder(uri("/camunda/app/admin/default/")).build(), HttpResponse.BodyHandlers.discarding());
      String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .findFirst().orElseThrow().getValue();
      String form = "username=" + java.net.URLEncoder.encode(anvandare, StandardCharsets.UTF_8)
          + "&password=" + java.net.URLEncoder.encode(losenord, StandardCharsets.UTF_8);
      return http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/admin"))
              .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String anvandare, String losenord) {
      return "Basic " + Base64.getEncoder().encodeToString((anvandare + ":" + losenord).getBytes(StandardCharsets.UTF_8));
    }
  }
}
