package se.stockholm.ks.drift;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import se.stockholm.ks.diarium.Diarienummer;

/**
 * Times every REST call and puts the ärende's diarienummer in the log context.
 *
 * <p>Timer {@code ks.rest.anrop} ({@code ks_rest_anrop_seconds} in Prometheus) with the tags
 * {@code dorr} ({@code api-v1}, {@code engine-rest}, {@code webapp-api}), {@code metod},
 * {@code resurs} (the first path segment after the door, e.g. {@code task}, {@code arenden}; only
 * for answers below 400, else {@code -}, so that made-up addresses cannot multiply the series) and
 * {@code status}. Spring's own {@code http_server_requests_seconds} covers {@code /api/v1} too;
 * this one covers all three doors alike, the engine's JAX-RS ones included.
 *
 * <p>Log context: a request for an ärende ({@code /api/v1/arenden/KS-2026-1…},
 * {@code /arenden/KS-2026-1}) has the MDC key {@value #MDC_DNR} set to its dnr ({@code KS 2026/1})
 * for the whole request, as the engine sets it while it executes the case's process (the engine's
 * {@code loggingContextBusinessKey}, application.yaml).
 */
public class Anropsmatning extends OncePerRequestFilter {

  /** The MDC key of the dnr in every log line written while an ärende is handled. */
  public static final String MDC_DNR = "dnr";

  private static final Pattern ARENDE = Pattern.compile("^/(?:api/v1/)?arenden/([^/]+)");
  private static final Pattern RESURS = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private final MeterRegistry registry;

  /** @param registry the application's meter registry */
  public Anropsmatning(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String sokvag = request.getRequestURI().substring(request.getContextPath().length());
    String dorr = dorr(sokvag);
    String dnr = dnr(sokvag);
    if (dnr != null) {
      MDC.put(MDC_DNR, dnr);
    }
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_DNR); // also one a delegate set during the request (the registration's new dnr)
      if (dorr != null) {
        int status = response.getStatus();
        Timer.builder("ks.rest.anrop")
            .description("REST-anrop per dörr, metod, resurs och status")
            .tag("dorr", dorr)
            .tag("metod", request.getMethod())
            .tag("resurs", status < 400 ? resurs(dorr, sokvag) : "-")
            .tag("status", String.valueOf(status))
            .publishPercentileHistogram()
            .register(registry)
            .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    }
  }

  private static String dorr(String sokvag) {
    if (sokvag.startsWith("/api/v1/")) {
      return "api-v1";
    }
    if (sokvag.startsWith("/engine-rest/")) {
      return "engine-rest";
    }
    if (sokvag.startsWith("/camunda/api/")) {
      return "webapp-api";
    }
    return null;
  }

  /** @return the first segment after the door (for the engine: after {@code engine/<name>/}), or {@code -} */
  static String resurs(String dorr, String sokvag) {
    String rest = switch (dorr) {
      case "api-v1" -> sokvag.substring("/api/v1/".length());
      case "engine-rest" -> sokvag.substring("/engine-rest/".length());
      default -> sokvag.substring("/camunda/api/".length());
    };
    String[] delar = rest.split("/");
    int i = 0;
    if (dorr.equals("webapp-api") && delar.length > 0 && delar[0].equals("engine")) {
      i = 3; // engine/engine/default/<resurs>
    } else if (dorr.equals("engine-rest") && delar.length > 1 && delar[0].equals("engine")) {
      i = 2; // engine/default/<resurs>
    }
    String resurs = i < delar.length ? delar[i] : "";
    return RESURS.matcher(resurs).matches() ? resurs : "-";
  }

  private static String dnr(String sokvag) {
    Matcher m = ARENDE.matcher(sokvag);
    if (!m.find()) {
      return null;
    }
    try {
      return Diarienummer.parse(m.group(1)).toString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
