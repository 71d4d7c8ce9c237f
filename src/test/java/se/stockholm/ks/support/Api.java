package se.stockholm.ks.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real HTTP against the running test application (java.net.http): raw bodies, any Content-Type,
 * hand-built multipart, HTTP Basic as a demo user (password {@code demo}) or none.
 */
public final class Api {

  /** The demo users' password. */
  public static final String LOSENORD = "demo";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1)
      .build();
  private final String bas;

  /** @param port the application's port */
  public Api(int port) {
    this.bas = "http://localhost:" + port;
  }

  /**
   * An answer.
   *
   * @param status the status code
   * @param headers the headers
   * @param body the body
   */
  public record Svar(int status, java.net.http.HttpHeaders headers, byte[] body) {

    /** @return the body as UTF-8 text */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the body as JSON */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Svaret är inte JSON (" + status + "): " + text(), e);
      }
    }

    /**
     * @param name a header name
     * @return its first value, or null
     */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** @return the Content-Type, or empty */
    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      String t = text();
      return status + " " + contentType() + " " + (t.length() > 2000 ? t.substring(0, 2000) + "…" : t);
    }
  }

  /**
   * @param anvandare a demo user, {@code user:password}, or null for no credentials
   * @param path the path, already encoded
   * @param headers name, value, …
   * @return the answer
   */
  public Svar get(String anvandare, String path, String... headers) {
    return send(anvandare, "GET", path, null, null, headers);
  }

  /**
   * @param anvandare a demo user, {@code user:password}, or null
   * @param path the path, already encoded
   * @param json the body
   * @param headers name, value, …
   * @return the answer
   */
  public Svar postJson(String anvandare, String path, String json, String... headers) {
    return send(anvandare, "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  /**
   * @param anvandare a demo user, {@code user:password}, or null
   * @param method the method
   * @param path the path, already encoded
   * @param contentType the Content-Type, or null for none
   * @param body the body, or null for none
   * @param headers name, value, …
   * @return the answer
   */
  public Svar send(String anvandare, String method, String path, String contentType, byte[] body, String... headers) {
    return skicka(anvandare, method, path, contentType,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body), headers);
  }

  /**
   * POSTs a body without Content-Length (chunked), as a streaming client does.
   *
   * @param anvandare a demo user, or null
   * @param path the path
   * @param contentType the Content-Type
   * @param body the body
   * @return the answer
   */
  public Svar postChunked(String anvandare, String path, String contentType, byte[] body) {
    return skicka(anvandare, "POST", path, contentType,
        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
  }

  private Svar skicka(String anvandare, String method, String path, String contentType,
                      HttpRequest.BodyPublisher body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bas + path)).timeout(Duration.ofSeconds(120));
    if (anvandare != null) {
      String creds = anvandare.contains(":") ? anvandare : anvandare + ":" + LOSENORD;
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(creds.getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(method, body);
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Svar(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param anvandare a demo user, or null
   * @param path the path
   * @param multipart the parts
   * @param headers name, value, …
   * @return the answer
   */
  public Svar postMultipart(String anvandare, String path, Multipart multipart, String... headers) {
    return send(anvandare, "POST", path, multipart.contentType(), multipart.body(), headers);
  }

  /** A multipart/form-data body built by hand, so that every part's headers are exactly as given. */
  public static final class Multipart {

    private record Del(String namn, String filnamn, String typ, byte[] innehall) {
    }

    private final String grans = "ks-" + UUID.randomUUID();
    private final List<Del> delar = new ArrayList<>();

    /**
     * A JSON part.
     *
     * @param namn the part's name
     * @param json the JSON
     * @return this
     */
    public Multipart json(String namn, String json) {
      return del(namn, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A part.
     *
     * @param namn the part's name
     * @param filnamn the file name (sent as UTF-8), or null
     * @param typ the part's Content-Type, or null for none
     * @param innehall the content
     * @return this
     */
    public Multipart del(String namn, String filnamn, String typ, byte[] innehall) {
      delar.add(new Del(namn, filnamn, typ, innehall));
      return this;
    }

    /** @return the Content-Type with the boundary */
    public String contentType() {
      return "multipart/form-data; boundary=" + grans;
    }

    /** @return the encoded body */
    public byte[] body() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Del d : delar) {
        StringBuilder h = new StringBuilder("--").append(grans).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(d.namn()).append('"');
        Optional.ofNullable(d.filnamn()).ifPresent(f -> h.append("; filename=\"").append(f).append('"'));
        h.append("\r\n");
        Optional.ofNullable(d.typ()).ifPresent(t -> h.append("Content-Type: ").append(t).append("\r\n"));
        h.append("\r\n");
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(d.innehall());
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(("--" + grans + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }
}
