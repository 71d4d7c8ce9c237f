package se.stockholm.ks.behorighet;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stockholm.ks.security.Grupper;

/**
 * The door of the operations metrics ({@code /actuator/prometheus}): HTTP Basic against the
 * engine's identities (Camunda's {@link HttpBasicAuthenticationProvider}, with the login throttle
 * of {@link Inloggningsstrypning}); only members of {@value Grupper#DRIFT} and
 * {@value Grupper#CAMUNDA_ADMIN} get through. Without or with wrong credentials: 401 with
 * {@code WWW-Authenticate}; another group: 403. Both as {@code application/problem+json}.
 * README "Behörigheter".
 */
public class Driftgrind extends OncePerRequestFilter {

  /** The groups that read the operations metrics. */
  public static final List<String> GRUPPER = List.of(Grupper.DRIFT, Grupper.CAMUNDA_ADMIN);

  private final ProcessEngine engine;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  /** @param engine the process engine whose identities apply */
  public Driftgrind(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AuthenticationResult inloggad = request.getHeader("Authorization") == null ? null
        : basic.extractAuthenticatedUser(request, engine);
    if (inloggad == null || !inloggad.isAuthenticated()) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Skrivelseprocessen drift\"");
      Motorfel.problem(401, "inloggning-kravs", "Inloggning krävs",
          "Driftens mätvärden kräver inloggning (HTTP Basic) med ett konto i gruppen drift.", null, response);
      return;
    }
    String anvandare = inloggad.getAuthenticatedUser();
    boolean far = engine.getIdentityService().createGroupQuery().groupMember(anvandare)
        .groupIdIn(GRUPPER.toArray(String[]::new)).count() > 0;
    if (!far) {
      Motorfel.problem(403, "ej-behorig", "Ej behörig",
          "Driftens mätvärden läses bara av gruppen drift.", null, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
