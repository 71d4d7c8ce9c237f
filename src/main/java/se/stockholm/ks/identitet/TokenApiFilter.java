package se.stockholm.ks.identitet;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code oidc} profile's counterpart of {@link se.stockholm.ks.security.ApiAuthenticationFilter} for the
 * application's own API ({@code /api/*}) and pages ({@code /arenden/*}, {@code /meddelanden}): the user and
 * groups that Spring Security signed in are set on the engine for the request, so the engine's
 * authorizations apply. On {@code /api} a writing request needs its own credentials (a bearer token, or
 * HTTP Basic where allowed): an official's session reads only (GET, HEAD), so no other site can write through the session cookie; the pages' forms are
 * protected by Spring Security's CSRF token.
 */
public class TokenApiFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;

  /** @param engine the engine whose authorizations apply */
  public TokenApiFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OidcSakerhetConfig.arOppenIApi(path);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Tokenanvandare> anvandare = Inloggning.aktuell();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean lasande = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (anvandare.isEmpty() || anvandare.get().grupper().isEmpty()) {
      Problemsvar.skriv(response, 401, "inloggning-kravs", "Inloggning krävs",
          "Logga in med ditt konto i staden, eller skicka en åtkomsttoken (Authorization: Bearer).");
      return;
    }
    if (path.startsWith("/api/") && !lasande && !Inloggning.medEgnaUppgifter()) {
      Problemsvar.skriv(response, 401, "token-kravs", "Åtkomsttoken krävs",
          "Ändringar i API:t kräver en åtkomsttoken (Authorization: Bearer); en inloggad webbläsare får bara läsa.");
      return;
    }
    engine.getIdentityService().setAuthentication(anvandare.get().id(), anvandare.get().grupper());
    try {
      chain.doFilter(request, response);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
