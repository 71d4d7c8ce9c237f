package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON over HTTP to one app, with HTTP Basic as one of its users. */
public final class Http {

  /** The shared JSON mapper. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private final String bas;
  private final String adminLosen;
  private final java.util.concurrent.atomic.AtomicLong anrop = new java.util.concurrent.atomic.AtomicLong();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param bas the app's base URL
   * @param adminLosen the password of the user {@code admin} (every other user has {@code demo})
   */
  public Http(String bas, String adminLosen) {
    this.bas = bas;
    this.adminLosen = adminLosen;
  }

  /** @return requests sent so far */
  public long anrop() {
    return anrop.get();
  }

  /** @return the app's base URL */
  public String bas() {
    return bas;
  }

  /**
   * Sends a request and parses the JSON answer; fails on a status of 300 or more.
   *
   * @param metod the HTTP method
   * @param path the path, with query
   * @param anvandare the user, or null for none
   * @param body the JSON body, or null
   * @return the answer (an empty object for an empty body)
   * @throws IOException on a failed request or a status of 300 or more
   * @throws InterruptedException when interrupted
   */
  public JsonNode json(String metod, String path, String anvandare, Object body) throws IOException, InterruptedException {
    HttpResponse<String> r = skicka(metod, path, anvandare, body, "application/json");
    if (r.statusCode() >= 300) {
      throw new IOException(metod + " " + path + " som " + anvandare + " gav " + r.statusCode() + ": "
          + (r.body().length() > 600 ? r.body().substring(0, 600) : r.body()));
    }
    return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  /**
   * Sends a request.
   *
   * @param metod the HTTP method
   * @param path the path, with query
   * @param anvandare the user, or null for none
   * @param body the JSON body, or null
   * @param accept the Accept header
   * @return the answer
   * @throws IOException on a failed request
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> skicka(String metod, String path, String anvandare, Object body, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bas + path)).timeout(Duration.ofSeconds(120))
        .header("Accept", accept);
    if (anvandare != null) {
      String losen = "admin".equals(anvandare) ? adminLosen : "demo";
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((anvandare + ":" + losen).getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      b.header("Content-Type", "application/json").method(metod, HttpRequest.BodyPublishers.ofString(text));
    } else {
      b.method(metod, HttpRequest.BodyPublishers.noBody());
    }
    anrop.incrementAndGet();
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
