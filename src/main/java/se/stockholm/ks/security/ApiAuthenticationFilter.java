package se.stockholm.ks.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests to the application's own API ({@code /api/*}) and pages
 * ({@code /arenden/*}) with the engine's identities: HTTP Basic against Camunda's identity service
 * (Camunda's own {@link HttpBasicAuthenticationProvider}), or, for reading (GET and HEAD), the
 * session of a user logged in to Tasklist or Cockpit, so that links in forms open without a second
 * login. Writing requests need Basic credentials (no cross-site request forgery through the
 * session cookie). The user and groups are set on the engine for the request, so the engine's
 * authorizations apply. Without credentials: 401 with {@code WWW-Authenticate} and a problem
 * detail — except a browser opening a page ({@code /arenden/…}, {@code /bevakning}: GET, accepts
 * HTML, no Authorization header), which is redirected to the webapps' login (Tasklist) instead of
 * getting the browser's password prompt.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  /** @param engine the process engine whose identities and authorizations apply */
  public ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/v1/openapi") || path.startsWith("/api/v1/dokumentation")
        || path.startsWith("/api/v1/swagger-ui")
        // the public e-diarium (OSL 5 kap. 2 §): without login, and it shows nothing secret
        || path.equals("/api/v1/publikt/diarium");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = null;
    List<String> groups = List.of();
    if (request.getHeader("Authorization") != null) {
      AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated()) {
        userId = result.getAuthenticatedUser();
        groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(g -> g.getId()).toList();
      }
    } else if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      UserAuthentication session = fromSession(request.getSession(false));
      if (session != null) {
        userId = session.getIdentityId();
        groups = session.getGroupIds() == null ? List.of() : session.getGroupIds();
      }
    }
    if (userId == null && arSidaForWebblasare(request)) {
      // a page (ärende, bevakning) opened in a browser without a session: the webapps' login, not a Basic prompt
      response.sendRedirect(request.getContextPath() + INLOGGNING);
      return;
    }
    if (userId == null) {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader("WWW-Authenticate", "Basic realm=\"Skrivelseprocessen\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"https://stockholm.se/ks/problem/inloggning-kravs\",\"title\":\"Inloggning krävs\",\"status\":401,"
          + "\"detail\":\"Logga in: HTTP Basic med ett konto i processmotorn (t.ex. tjänstekontot för integrationen).\"}");
      return;
    }
    engine.getIdentityService().setAuthentication(userId, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Where a browser without a session is sent: Tasklist, which shows its login and keeps the session. */
  static final String INLOGGNING = "/camunda/app/tasklist/default/";

  /**
   * @return true for a GET of a page (not {@code /api}) without credentials from a browser (it accepts
   *     HTML), which is sent to the login instead of getting a Basic challenge
   */
  private static boolean arSidaForWebblasare(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod()) && request.getHeader("Authorization") == null
        && !path.startsWith("/api/") && accept != null && accept.contains("text/html");
  }

  private UserAuthentication fromSession(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication instanceof UserAuthentication user ? user : null;
  }
}
