package se.stockholm.ks.behorighet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the request's source (the client's IP address) for {@link Inloggningsstrypning}, on every
 * request, and answers a request with HTTP Basic credentials of a user its source is refused for
 * with 429 and {@code Retry-After} (seconds), without checking the password. The webapps' login
 * form gets the throttle through the identity provider (a refused source's login fails as a wrong
 * password would).
 */
public class InloggningsstrypningFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Inloggningsstrypning.sattKalla(request.getRemoteAddr());
    try {
      String anvandare = basicAnvandare(request.getHeader("Authorization"));
      if (anvandare != null) {
        Duration kvar = Inloggningsstrypning.sparrad(anvandare);
        if (!kvar.isZero() && !kvar.isNegative()) {
          long sekunder = Math.max(1, (kvar.toMillis() + 999) / 1000);
          response.setHeader("Retry-After", String.valueOf(sekunder));
          Motorfel.problem(429, "for-manga-inloggningsforsok", "För många inloggningsförsök",
              "För många misslyckade inloggningar från din adress. Försök igen om " + sekunder
                  + " sekunder. Kontot är inte låst.", null, response);
          return;
        }
      }
      chain.doFilter(request, response);
    } finally {
      Inloggningsstrypning.sattKalla(null);
    }
  }

  private static String basicAnvandare(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String s = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int i = s.indexOf(':');
      return i < 0 ? null : s.substring(0, i);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
