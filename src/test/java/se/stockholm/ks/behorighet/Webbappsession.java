package se.stockholm.ks.behorighet;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import se.stockholm.ks.support.Api;

/**
 * A user logged in to a webapp (Tasklist or Cockpit) as a browser is: session cookie and CSRF
 * token, calling the webapps' engine API {@code /camunda/api/engine/engine/default/…}.
 */
public final class Webbappsession {

  private final HttpClient http;
  private final String bas;
  private final String xsrf;

  /** Status and body of an answer, with its {@code Retry-After} (null when it has none). */
  public record Svar(int status, String body, String contentType, String retryAfter) {
  }

  private Webbappsession(HttpClient http, String bas, String xsrf) {
    this.http = http;
    this.bas = bas;
    this.xsrf = xsrf;
  }

  /**
   * @param port the application's port
   * @param anvandare a demo user
   * @param app {@code tasklist} or {@code cockpit}
   * @return the logged-in session
   * @throws Exception when the login fails
   */
  public static Webbappsession logga(int port, String anvandare, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    String bas = "http://localhost:" + port;
    http.send(HttpRequest.newBuilder(URI.create(bas + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create(bas + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + anvandare + "&password=" + Api.LOSENORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError(anvandare + " loggar in i " + app + ": " + r.statusCode() + " " + r.body());
    }
    // the login starts a new session: a new CSRF token comes with the next page
    http.send(HttpRequest.newBuilder(URI.create(bas + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String nyXsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().map(c -> c.getValue()).orElse(xsrf);
    return new Webbappsession(http, bas, nyXsrf);
  }

  /**
   * @param metod the method
   * @param sokvag the path under {@code /camunda/api/engine/engine/default}
   * @param json a JSON body, or null
   * @return the answer
   * @throws Exception on I/O failure
   */
  Svar motor(String metod, String sokvag, String json) throws Exception {
    return skicka(metod, "/camunda/api/engine/engine/default" + sokvag, json);
  }

  /**
   * @param metod the method
   * @param sokvag the full path
   * @param json a JSON body, or null
   * @return the answer
   * @throws Exception on I/O failure
   */
  public Svar skicka(String metod, String sokvag, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bas + sokvag)).timeout(Duration.ofSeconds(60))
        .header("X-XSRF-TOKEN", xsrf).header("Accept", "application/json, text/plain, */*");
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(metod, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Svar(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("Retry-After").orElse(null));
  }
}
