package se.stockholm.ks.behorighet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the engine's doors answer when something goes wrong: races and odd input are the client's
 * business (4xx), never 500, and no answer names a Java class.
 *
 * <ul>
 *   <li>A task taken, completed or changed by someone else at the same moment
 *       ({@code OptimisticLockingException}, {@code TaskAlreadyClaimedException}): 409
 *       {@value #TYP}uppgiften-andrad; the other request's outcome stands, this one changed
 *       nothing (the engine rolled it back).</li>
 *   <li>A task or instance that does not exist (any more), e.g. completing a completed task: 404
 *       {@value #TYP}finns-inte.</li>
 *   <li>Any other 5xx from the engine (input the engine refuses with an exception, e.g. deleting a
 *       process's task, a serialized Java object, a file variable without {@code valueInfo}): 400
 *       {@value #TYP}motorn-avvisade with the engine's message, class names removed.</li>
 *   <li>503 (the database away, answered with {@code Retry-After}) passes unchanged.</li>
 *   <li>4xx answers keep the engine's documented error format ({@code type}, {@code message},
 *       {@code code}), with fully qualified class names removed from the message.</li>
 * </ul>
 * Every rewritten answer is {@code application/problem+json} (RFC 9457) in Swedish, with the
 * engine's {@code message} field also set to the Swedish text so that Tasklist and Cockpit show it.
 */
final class Motorfel {

  /** Base of the problem types. */
  static final String TYP = "https://stockholm.se/ks/problem/";

  /** A fully qualified Java class name, e.g. {@code java.lang.String} or {@code org.camunda.….Foo$Bar}. */
  static final Pattern KLASSNAMN = Pattern.compile(
      "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Motorfel() {
  }

  /**
   * Rewrites a held-back error answer onto the real response.
   *
   * @param status the engine's status
   * @param kropp the engine's body (JSON in the engine's format, or anything)
   * @param sokvag the request path, for {@code instance}
   * @param response the real response, not yet committed
   * @throws IOException when writing fails
   */
  static void skriv(int status, String kropp, String sokvag, HttpServletResponse response) throws IOException {
    if (status == 503) {
      skrivRa(status, kropp, response); // the database away: 503 with Retry-After, as documented
      return;
    }
    JsonNode fel = tolka(kropp);
    String typ = fel == null ? "" : fel.path("type").asText("");
    String meddelande = fel == null ? "" : fel.path("message").asText("");
    if (status < 500) {
      boolean klassnamn = KLASSNAMN.matcher(kropp).find();
      if (fel != null && !klassnamn) {
        skrivRa(status, kropp, response); // the engine's documented error, or a problem detail
      } else if (fel != null) {
        Map<String, Object> rensad = new LinkedHashMap<>();
        fel.fields().forEachRemaining(e -> rensad.put(e.getKey(),
            e.getValue().isTextual() ? rensa(e.getValue().asText()) : e.getValue()));
        skrivJson(status, "application/json", rensad, response);
      } else {
        problem(status, status == 404 ? "finns-inte" : status == 405 ? "metoden-finns-inte"
                : status == 401 ? "inloggning-kravs" : status == 403 ? "ej-behorig" : "ogiltig-begaran",
            status == 404 ? "Finns inte" : status == 405 ? "Metoden stöds inte"
                : status == 401 ? "Inloggning krävs" : status == 403 ? "Ej behörig" : "Ogiltig begäran",
            status == 404 ? "Adressen finns inte i motorns API."
                : status == 405 ? "Metoden stöds inte på adressen."
                : status == 401 ? "Logga in (HTTP Basic eller webbappens inloggning)."
                : status == 403 ? "Du har inte behörighet till detta." : "Begäran kunde inte tolkas.",
            sokvag, response);
      }
      return;
    }
    if (typ.contains("OptimisticLocking") || typ.contains("TaskAlreadyClaimed")
        || meddelande.contains("already claimed") || meddelande.contains("was updated by another transaction")) {
      problem(409, "uppgiften-andrad", "Någon annan hann före",
          "Uppgiften eller ärendet ändrades samtidigt av någon annan (t.ex. tog eller slutförde uppgiften). "
              + "Din begäran ändrade ingenting; läs in uppgiften på nytt.", sokvag, response);
    } else if (typ.contains("NotFound") || meddelande.matches("(?is).*(cannot find|"
        + "not found|no \\w+ (instance )?found|task is null|doesn't exist|does not exist).*")) {
      problem(404, "finns-inte", "Finns inte",
          "Uppgiften, processen eller resursen finns inte (längre); den kan redan vara slutförd.", sokvag, response);
    } else {
      String varfor = rensa(meddelande);
      problem(400, "motorn-avvisade", "Processmotorn avvisade begäran",
          "Processmotorn kunde inte utföra begäran" + (varfor.isBlank() ? "." : ": " + varfor), sokvag, response);
    }
  }

  /**
   * Writes a problem detail.
   *
   * @param status the status
   * @param typ the problem type's short name
   * @param titel the Swedish title
   * @param detalj the Swedish detail
   * @param sokvag the request path
   * @param response the response
   * @throws IOException when writing fails
   */
  static void problem(int status, String typ, String titel, String detalj, String sokvag,
                      HttpServletResponse response) throws IOException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", TYP + typ);
    p.put("title", titel);
    p.put("status", status);
    p.put("detail", detalj);
    if (sokvag != null) {
      p.put("instance", sokvag);
    }
    p.put("message", detalj);
    skrivJson(status, "application/problem+json", p, response);
  }

  /** @return the text without fully qualified class names */
  static String rensa(String text) {
    return KLASSNAMN.matcher(text == null ? "" : text).replaceAll("").replaceAll("\\s{2,}", " ").trim();
  }

  private static JsonNode tolka(String kropp) {
    try {
      JsonNode n = kropp == null || kropp.isBlank() ? null : JSON.readTree(kropp);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void skrivJson(int status, String typ, Object varde, HttpServletResponse response)
      throws IOException {
    byte[] b = JSON.writeValueAsBytes(varde);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(typ);
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(b.length);
    response.getOutputStream().write(b);
  }

  /** Writes a held-back answer as it was (a server error that the outer database filter answers). */
  static void skrivOforandrat(int status, String kropp, HttpServletResponse response) throws IOException {
    skrivRa(status, kropp, response);
  }

  private static void skrivRa(int status, String kropp, HttpServletResponse response) throws IOException {
    byte[] b = kropp.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentLength(b.length);
    response.getOutputStream().write(b);
  }
}
