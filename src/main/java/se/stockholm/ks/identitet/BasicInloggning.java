package se.stockholm.ks.identitet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic in the {@code oidc} profile, only when {@code ks.oidc.basic-tillaten} is true
 * ({@link OidcInstallningar#basicTillaten()}), and only for the technical accounts listed in
 * {@code ks.oidc.basic-anvandare}: their passwords are hashes in the configuration (Spring Security's
 * {@code {bcrypt}…} format), never in the database, and their groups are the process's groups as listed.
 * Anyone else, or a wrong password: {@link BadCredentialsException} (401).
 */
class BasicInloggning implements AuthenticationProvider {

  private final Map<String, OidcInstallningar.BasicKonto> konton = new LinkedHashMap<>();
  private final PasswordEncoder losenord = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  /** Compared with when the account is unknown, so an unknown name takes as long as a wrong password. */
  private final String attrapp = losenord.encode("ingen-sådan-användare");

  /** @param konton the accounts that may sign in with Basic */
  BasicInloggning(List<OidcInstallningar.BasicKonto> konton) {
    for (OidcInstallningar.BasicKonto konto : konton) {
      if (konto.id() != null && !konto.id().isBlank() && konto.losenord() != null && !konto.losenord().isBlank()) {
        this.konton.put(konto.id(), konto);
      }
    }
  }

  /**
   * @param authentication the name and password of the Basic header
   * @return the account as a signed-in user with its groups
   * @throws BadCredentialsException for an unknown account or a wrong password
   */
  @Override
  public Authentication authenticate(Authentication authentication) {
    String namn = authentication.getName();
    String givet = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    OidcInstallningar.BasicKonto konto = konton.get(namn);
    boolean stammer = losenord.matches(givet, konto == null ? attrapp : konto.losenord());
    if (konto == null || !stammer) {
      throw new BadCredentialsException("fel användarnamn eller lösenord");
    }
    List<String> grupper = konto.grupper() == null ? List.of() : List.copyOf(konto.grupper());
    return new Inloggning.Basic(new Tokenanvandare(konto.id(), null, konto.namn(), null, grupper));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
