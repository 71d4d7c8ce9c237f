package se.stockholm.ks.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details (RFC 9457) with the fields at fault. */
final class Problem {

  /** Base of the problem types of this API. */
  static final String TYP = "https://stockholm.se/ks/problem/";

  private Problem() {
  }

  /**
   * @param status HTTP status
   * @param typ the problem type's short name (e.g. {@code ogiltig-begaran})
   * @param titel a short title in Swedish
   * @param detalj what went wrong and what to do, in Swedish
   * @return the problem detail
   */
  static ProblemDetail av(HttpStatus status, String typ, String titel, String detalj) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detalj);
    p.setType(URI.create(TYP + typ));
    p.setTitle(titel);
    return p;
  }

  /**
   * @param fel field name → message
   * @return the problem detail of an invalid request (400) naming each field
   */
  static ProblemDetail ogiltig(Map<String, String> fel) {
    ProblemDetail p = av(HttpStatus.BAD_REQUEST, "ogiltig-begaran", "Ogiltig begäran",
        String.join(" ", fel.values()));
    p.setProperty("fel", fel.entrySet().stream()
        .map(e -> Map.of("falt", e.getKey(), "meddelande", e.getValue())).toList());
    return p;
  }

  /**
   * @param falt the field
   * @param meddelande the message
   * @return the problem detail of an invalid request (400) for one field
   */
  static ProblemDetail ogiltig(String falt, String meddelande) {
    return ogiltig(Map.of(falt, meddelande));
  }

  /** @return the fields of a problem detail's "fel", for tests and logs */
  @SuppressWarnings("unchecked")
  static List<Map<String, String>> fel(ProblemDetail p) {
    return p.getProperties() == null ? List.of() : (List<Map<String, String>>) p.getProperties().get("fel");
  }
}
