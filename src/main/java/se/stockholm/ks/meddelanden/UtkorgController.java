package se.stockholm.ks.meddelanden;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import se.stockholm.ks.security.Grupper;

/**
 * {@code /meddelanden}: the outbox — every message the process sent or (transport {@code UTKORG}, the
 * local profile) would have sent: recipient, subject, text, attachments, status, attempts and the last
 * failure. Administrators only ({@code camunda-admin}): the page shows mail to every recipient. Opens
 * with the Tasklist/Cockpit login (or HTTP Basic).
 *
 * <p>A message whose fate is unclear ({@link Meddelandestatus#OKLART}) is decided here by an
 * administrator with HTTP Basic (writing needs it, see {@code ApiAuthenticationFilter}):
 * {@code POST /meddelanden/{id}/skickat} (it arrived) or {@code POST /meddelanden/{id}/skicka-igen};
 * then Försök igen (Retry) on the incident in Cockpit lets the step go on (sending it once more, or not).
 */
@Controller
class UtkorgController {

  private final Utskick utskick;
  private final IdentityService identityService;
  private final MeddelandeInstallningar installningar;

  UtkorgController(Utskick utskick, IdentityService identityService, MeddelandeInstallningar installningar) {
    this.utskick = utskick;
    this.identityService = identityService;
    this.installningar = installningar;
  }

  @GetMapping("/meddelanden")
  Object utkorg(@RequestParam(name = "dnr", required = false) String dnr, Model model) {
    if (!administrator()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(new MediaType(MediaType.TEXT_PLAIN,
              java.nio.charset.StandardCharsets.UTF_8))
          .body("Utkorgen visas bara för administratörer (gruppen camunda-admin).");
    }
    model.addAttribute("meddelanden", utskick.meddelanden(dnr == null || dnr.isBlank() ? null : dnr.strip(), 500));
    model.addAttribute("dnr", dnr);
    model.addAttribute("utkorg", installningar.transport() == MeddelandeInstallningar.Transport.UTKORG);
    model.addAttribute("statusar", Arrays.stream(Meddelandestatus.values())
        .collect(Collectors.toMap(Enum::name, Meddelandestatus::text)));
    return "meddelanden";
  }

  @PostMapping("/meddelanden/{id}/skickat")
  @ResponseBody
  ResponseEntity<Object> skickat(@PathVariable long id) {
    return avgor(id, true);
  }

  @PostMapping("/meddelanden/{id}/skicka-igen")
  @ResponseBody
  ResponseEntity<Object> skickaIgen(@PathVariable long id) {
    return avgor(id, false);
  }

  private ResponseEntity<Object> avgor(long id, boolean skickat) {
    if (!administrator()) {
      return problem(HttpStatus.FORBIDDEN, "Inte behörig", "Bara administratörer (camunda-admin) avgör meddelanden.");
    }
    if (!utskick.avgor(id, skickat, identityService.getCurrentAuthentication().getUserId())) {
      return problem(HttpStatus.CONFLICT, "Inget oklart meddelande",
          "Meddelande " + id + " finns inte eller är inte oklart: bara ett meddelande med status "
              + Meddelandestatus.OKLART.text().toLowerCase() + " avgörs här.");
    }
    return ResponseEntity.ok(Map.of("id", id, "status", skickat ? Meddelandestatus.SKICKAT : Meddelandestatus.EJ_SKICKAT,
        "nasta", "Välj Försök igen (Retry) på incidenten i Cockpit så att steget fortsätter."));
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String titel, String detalj) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detalj);
    p.setTitle(titel);
    p.setType(URI.create("https://stockholm.se/ks/problem/meddelande"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  private boolean administrator() {
    Authentication user = identityService.getCurrentAuthentication();
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Grupper.CAMUNDA_ADMIN);
  }
}
