package se.stockholm.ks.identitet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in user or client of the current request, as Spring Security holds it: an official's session
 * ({@link Tjansteman}) or an integration's bearer token ({@link Token}).
 */
public final class Inloggning {

  /** The authority of everyone whose token gave at least one of the process's groups. */
  public static final String HAR_GRUPP = "KS_GRUPP";
  /** Prefix of the authority of each of the process's groups. */
  public static final String GRUPP_PREFIX = "KS_GRUPP_";

  private Inloggning() {
  }

  /** A source of a {@link Tokenanvandare}. */
  public interface Bar {
    /** @return the user or client */
    Tokenanvandare anvandare();
  }

  /** An official signed in through the provider's login page (OpenID Connect, a session). */
  public static final class Tjansteman extends DefaultOidcUser implements Bar {
    private static final long serialVersionUID = 1L;
    private final Tokenanvandare anvandare;

    Tjansteman(Tokenanvandare anvandare, OidcIdToken idToken, OidcUserInfo userInfo) {
      super(behorigheter(anvandare.grupper()), idToken, userInfo);
      this.anvandare = anvandare;
    }

    @Override
    public Tokenanvandare anvandare() {
      return anvandare;
    }

    /** @return the engine's user id (the configured user claim), not {@code sub} */
    @Override
    public String getName() {
      return anvandare.id();
    }
  }

  /** An integration or a user calling with a bearer token (JWT). */
  public static final class Token extends JwtAuthenticationToken implements Bar {
    private static final long serialVersionUID = 1L;
    private final Tokenanvandare anvandare;

    Token(Jwt jwt, Tokenanvandare anvandare) {
      super(jwt, behorigheter(anvandare.grupper()), anvandare.id());
      this.anvandare = anvandare;
    }

    @Override
    public Tokenanvandare anvandare() {
      return anvandare;
    }
  }

  /**
   * A technical account signed in with HTTP Basic: only when {@code ks.oidc.basic-tillaten} allows it
   * ({@link BasicInloggning}).
   */
  public static final class Basic extends org.springframework.security.authentication.AbstractAuthenticationToken
      implements Bar {
    private static final long serialVersionUID = 1L;
    private final Tokenanvandare anvandare;

    Basic(Tokenanvandare anvandare) {
      super(behorigheter(anvandare.grupper()));
      this.anvandare = anvandare;
      setAuthenticated(true);
    }

    @Override
    public Tokenanvandare anvandare() {
      return anvandare;
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return anvandare.id();
    }
  }

  /** @return the current request's user or client, if signed in */
  public static Optional<Tokenanvandare> aktuell() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    if (authentication instanceof Bar bar) {
      return Optional.of(bar.anvandare());
    }
    if (authentication.getPrincipal() instanceof Bar bar) {
      return Optional.of(bar.anvandare());
    }
    return Optional.empty();
  }

  /**
   * @return whether the current request carries its own credentials (a bearer token, or HTTP Basic where
   *     allowed), not a browser's session cookie
   */
  public static boolean medEgnaUppgifter() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof Token || authentication instanceof Basic;
  }

  static Collection<GrantedAuthority> behorigheter(List<String> grupper) {
    List<GrantedAuthority> behorigheter = new java.util.ArrayList<>();
    grupper.forEach(g -> behorigheter.add(new SimpleGrantedAuthority(GRUPP_PREFIX + g)));
    if (!grupper.isEmpty()) {
      behorigheter.add(new SimpleGrantedAuthority(HAR_GRUPP));
    }
    return behorigheter;
  }
}
