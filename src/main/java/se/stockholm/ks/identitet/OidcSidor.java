package se.stockholm.ks.identitet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page the provider sends the browser back to after logout ({@code /utloggad}, open to all). */
@Controller
@Profile(SpringSecurityBaraMedOidc.OIDC)
class OidcSidor {

  /**
   * @param response the page: signed out, with a link to sign in again
   * @throws IOException if writing fails
   */
  @GetMapping("/utloggad")
  void utloggad(HttpServletResponse response) throws IOException {
    OidcSakerhetConfig.sida(response, 200, "Du är utloggad",
        "Du är utloggad från skrivelseprocessen och från stadens inloggningstjänst.");
  }
}
