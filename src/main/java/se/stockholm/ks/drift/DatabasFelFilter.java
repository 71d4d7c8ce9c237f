package se.stockholm.ks.drift;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outermost filter, on every path. While {@link Databasvakt} knows the database is away, a
 * request that needs it (the API, the engine's REST API, the webapps' API, the ärende pages) is
 * answered at once with 503 problem+json and {@code Retry-After} instead of waiting for a
 * connection. An error that escapes everything inside — a security filter's, for instance — is
 * answered as problem+json too: 503 with {@code Retry-After} when the database was away (and the
 * watch is told), 500 otherwise; never the servlet container's or Spring's default error body. A
 * server error answered inside (the webapps' {@code /camunda/api} answers an exception with its own
 * 500 before any filter sees it) is held back on those paths and replaced by the same 503 when the
 * database does not answer a probe made at once ({@link Databasvakt#provaNu()}); otherwise it passes
 * unchanged.
 */
public class DatabasFelFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabasFelFilter.class);

  private final Databasvakt vakt;
  private final ObjectMapper json;

  /**
   * @param vakt the database watch
   * @param json writes the problem details
   */
  public DatabasFelFilter(Databasvakt vakt, ObjectMapper json) {
    this.vakt = vakt;
    this.json = json;
  }

  /**
   * @param path a request path without the context path
   * @return whether answering it needs the database
   */
  static boolean behoverDatabas(String path) {
    if (path.startsWith("/api/v1/openapi") || path.startsWith("/api/v1/dokumentation")
        || path.startsWith("/api/v1/swagger-ui")) {
      return false;
    }
    return path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")
        || path.startsWith("/arenden/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!vakt.tillganglig() && behoverDatabas(path)) {
      skriv(response, Databasfel.problem(request.getRequestURI()), true);
      return;
    }
    // a server error on a path that needs the database is held back: the webapps' APIs (and the
    // engine's exception handlers) answer an outage as their own 500
    FelhallandeSvar svar = behoverDatabas(path) ? new FelhallandeSvar(response, 500, false) : null;
    try {
      chain.doFilter(request, svar != null ? svar : response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      if (Databasfel.arOtillganglig(e)) {
        vakt.markeraOtillganglig(e);
        LOG.warn("{} {}: databasen svarar inte ({})", request.getMethod(), path, e.toString());
        skriv(response, Databasfel.problem(request.getRequestURI()), true);
      } else {
        LOG.error("Oväntat fel: {} {}", request.getMethod(), path, e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
            "Ett oväntat fel inträffade; inget har registrerats. Försök igen eller kontakta förvaltningen.");
        p.setType(java.net.URI.create("https://stockholm.se/ks/problem/internt-fel"));
        p.setTitle("Internt fel");
        skriv(response, p, false);
      }
      return;
    }
    if (svar != null && svar.haller() && !response.isCommitted()) {
      // a 503 is already the outage's answer; otherwise ask the database now, unless the watch already knows
      if (svar.getStatus() != 503 && (!vakt.tillganglig() || !vakt.provaNu())) {
        LOG.warn("{} {}: svar {} när databasen inte svarar: 503", request.getMethod(), path, svar.getStatus());
        skriv(response, Databasfel.problem(request.getRequestURI()), true);
      } else {
        svar.slappIgenom();
      }
    }
  }

  private void skriv(HttpServletResponse response, ProblemDetail problem, boolean forsokIgen) throws IOException {
    response.reset();
    response.setStatus(problem.getStatus());
    if (forsokIgen) {
      response.setHeader("Retry-After", String.valueOf(Databasfel.FORSOK_IGEN.toSeconds()));
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
