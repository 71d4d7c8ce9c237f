package se.stockholm.ks.identitet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In both of Spring Security's chains of the {@code oidc} profile, after the authorization: the signed-in
 * user or client of the request (a session, a bearer token, HTTP Basic where allowed) is written to the
 * {@link Anvandarregister} (which writes only what is new, or at most every few minutes), so that every
 * node's identity provider knows it. Not a bean: Spring Boot would register it a second time as a servlet
 * filter.
 */
class AnvandarregistreringFilter extends OncePerRequestFilter {

  private final Anvandarregister register;

  /** @param register the table of users seen */
  AnvandarregistreringFilter(Anvandarregister register) {
    this.register = register;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Inloggning.aktuell().ifPresent(register::sett);
    chain.doFilter(request, response);
  }
}
