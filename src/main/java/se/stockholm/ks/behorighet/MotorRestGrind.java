package se.stockholm.ks.behorighet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stockholm.ks.security.Grupper;

/**
 * The gate in front of the engine's two REST doors, {@code /engine-rest/*} (HTTP Basic, after
 * Camunda's authentication filter) and the webapps' {@code /camunda/api/engine/*} (session).
 *
 * <ol>
 *   <li>Path tricks are refused for everyone with 400: encoded slashes, backslashes or dots
 *       ({@code %2F}, {@code %5C}, {@code %2E}), {@code ..}, {@code //} and path parameters
 *       ({@code ;}).</li>
 *   <li>Everyone but {@code camunda-admin} is held to {@link Motoranrop}'s allowlist; anything else
 *       is 403 problem+json before the engine sees it.</li>
 *   <li>Error answers are rewritten by {@link Motorfel}: races 409, gone 404, odd input 400, never
 *       500 and never a class name. An exception that escapes the engine's own handler becomes the
 *       same 400.</li>
 * </ol>
 */
public class MotorRestGrind extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(MotorRestGrind.class);

  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");
  private static final Pattern WEBAPP = Pattern.compile("^/camunda/api/engine(?:/engine/[^/]+)?(/.*)?$");
  private static final Pattern TRICK = Pattern.compile("(?i)%2f|%5c|%2e|%00|%25|\\.\\.|//|;|\\\\");

  private final ProcessEngine engine;

  /** @param engine the engine whose identities apply */
  public MotorRestGrind(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    boolean webapp = uri.startsWith("/camunda/");
    Matcher m = (webapp ? WEBAPP : ENGINE_REST).matcher(uri);
    if (TRICK.matcher(uri).find() || !m.matches()) {
      Motorfel.problem(400, "ogiltig-adress", "Ogiltig adress",
          "Adressen innehåller otillåtna tecken eller sekvenser (t.ex. kodade snedstreck, '..' eller ';').",
          null, response);
      return;
    }
    String sokvag = m.group(1) == null ? "/" : m.group(1);
    List<String> grupper = grupper(request, webapp);
    if (grupper != null && !grupper.contains(Grupper.CAMUNDA_ADMIN)
        && !Motoranrop.tillatet(request.getMethod().toUpperCase(Locale.ROOT), sokvag, Motoranrop.roller(grupper))) {
      LOG.info("Processmotorns API: {} {} nekades (utanför tillåtelselistan för grupperna {})",
          request.getMethod(), sokvag, grupper);
      Motorfel.problem(403, "ej-behorig", "Ej behörig",
          "Din roll får inte anropa " + request.getMethod() + " " + sokvag + " i processmotorns API. "
              + "Vad varje grupp får göra står i README (Behörigheter).", uri, response);
      return;
    }
    FelbuffradRespons svar = new FelbuffradRespons(response);
    try {
      chain.doFilter(request, svar);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      LOG.warn("Processmotorns API: {} {} gav {}", request.getMethod(), uri, e.toString());
      Motorfel.skriv(500, "{\"type\":\"ProcessEngineException\",\"message\":\"" 
          + Motorfel.rensa(String.valueOf(e.getMessage())).replace("\\", "").replace("\"", "'") + "\"}",
          uri, response);
      return;
    }
    if (svar.arFel() && !response.isCommitted()) {
      if (svar.getStatus() >= 500) {
        LOG.info("Processmotorns API: {} {} gav {}: {}", request.getMethod(), uri, svar.getStatus(), svar.kropp());
      }
      Motorfel.skriv(svar.getStatus(), svar.kropp(), uri, response);
    }
  }

  /**
   * @return the authenticated user's groups, or null when nobody is authenticated (the door
   *     answers 401 itself)
   */
  private List<String> grupper(HttpServletRequest request, boolean webapp) {
    if (!webapp) {
      var auth = engine.getIdentityService().getCurrentAuthentication();
      return auth == null ? null : auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    Authentication a = all == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
    if (a instanceof UserAuthentication user) {
      return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }
    return null;
  }
}
