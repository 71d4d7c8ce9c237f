package se.stockholm.ks.identitet;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Camunda's authentication provider for the {@code oidc} profile: the user is the one Spring Security
 * signed in ({@link Inloggning#aktuell()}), with the groups its token gave. Used by Camunda's
 * {@code ContainerBasedAuthenticationFilter} for the webapps and by its {@code ProcessEngineAuthenticationFilter}
 * for {@code /engine-rest}; created by them through its no-argument constructor.
 */
public class SpringSecurityAutentisering implements AuthenticationProvider {

  /**
   * @param request the request (Spring Security has already authenticated it)
   * @param engine the engine
   * @return the user with its groups (and no tenants), or unsuccessful without a signed-in user
   */
  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Optional<Tokenanvandare> anvandare = Inloggning.aktuell();
    if (anvandare.isEmpty() || anvandare.get().grupper().isEmpty()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(anvandare.get().id());
    result.setGroups(anvandare.get().grupper());
    result.setTenants(List.of());
    return result;
  }

  /** A bearer token is what is missing. */
  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"Skrivelseprocessen\"");
  }
}
