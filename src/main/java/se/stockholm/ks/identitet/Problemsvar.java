package se.stockholm.ks.identitet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/** The problem details (RFC 9457, problem+json) with which the {@code oidc} profile refuses an API request. */
final class Problemsvar {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private Problemsvar() {
  }

  /**
   * @param response the response, not yet committed
   * @param status 401 or 403
   * @param typ the problem type's last path segment
   * @param titel the Swedish title
   * @param detalj the Swedish detail
   * @throws IOException if writing fails
   */
  static void skriv(HttpServletResponse response, int status, String typ, String titel, String detalj)
      throws IOException {
    skriv(response, status, typ, titel, detalj, false);
  }

  /**
   * As {@link #skriv(HttpServletResponse, int, String, String, String)}; a 401 challenges for a bearer token,
   * and for HTTP Basic as well when {@code basic}.
   */
  static void skriv(HttpServletResponse response, int status, String typ, String titel, String detalj,
                    boolean basic) throws IOException {
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"Skrivelseprocessen\"");
      if (basic) {
        response.addHeader("WWW-Authenticate", "Basic realm=\"Skrivelseprocessen\"");
      }
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
    problem.put("type", "https://stockholm.se/ks/problem/" + typ);
    problem.put("title", titel);
    problem.put("status", status);
    problem.put("detail", detalj);
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
