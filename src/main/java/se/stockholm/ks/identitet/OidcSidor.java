package se.stockholm.ks.identitet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The {@code oidc} profile's own small pages: {@code /utloggad}, where the provider sends the browser back
 * after logout (open to all), and {@code /inloggning/satt}, which tells Tasklist's script
 * ({@code scripts/oidc-utloggning.js}) to log out through {@code /logga-ut}.
 */
@Controller
@Profile(SpringSecurityBaraMedOidc.OIDC)
class OidcSidor {

  /**
   * @param response the page: signed out, with a link to sign in again
   * @throws IOException if writing fails
   */
  /** @return where "Logga ut" goes: {@code /logga-ut} (RP-initiated logout) */
  @GetMapping(path = "/inloggning/satt", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  java.util.Map<String, String> satt() {
    return java.util.Map.of("satt", "oidc", "utloggning", "/logga-ut");
  }

  @GetMapping("/utloggad")
  void utloggad(HttpServletResponse response) throws IOException {
    OidcSakerhetConfig.sida(response, 200, "Du är utloggad",
        "Du är utloggad från skrivelseprocessen och från stadens inloggningstjänst.");
  }
}
