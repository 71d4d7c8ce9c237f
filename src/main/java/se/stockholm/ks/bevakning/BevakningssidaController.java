package se.stockholm.ks.bevakning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.security.ApiAuthenticationFilter;

/**
 * {@code /bevakning}: the bevakning page for KS kansli and process owners — open ärenden per phase,
 * remisser overdue and due this week per remissinstans, särskilda uttalanden due, and lead times in
 * working days over a chosen period ({@code ?fran=ÅÅÅÅ-MM-DD&till=ÅÅÅÅ-MM-DD}, default the last 365
 * days). Opens with the webapps' login (or HTTP Basic), like the ärende page; others get 403.
 */
@Controller
class BevakningssidaController {

  private final Bevakning bevakning;
  private final IdentityService identityService;

  BevakningssidaController(Bevakning bevakning, IdentityService identityService) {
    this.bevakning = bevakning;
    this.identityService = identityService;
  }

  /** The webapps' session or HTTP Basic on the page, as on the ärende pages. */
  @Bean
  static FilterRegistrationBean<ApiAuthenticationFilter> bevakningssidansInloggning(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> r = new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
    r.setName("ks-bevakning-auth");
    r.addUrlPatterns("/bevakning");
    r.setOrder(10);
    return r;
  }

  @GetMapping("/bevakning")
  String sida(@RequestParam(required = false) String fran, @RequestParam(required = false) String till, Model model) {
    if (!Bevakning.farSe(identityService.getCurrentAuthentication())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Bevakningen visas bara för KS kansli och processägare.");
    }
    LocalDate slut;
    LocalDate borjan;
    String fel = null;
    try {
      slut = till == null || till.isBlank() ? Diarium.idag() : LocalDate.parse(till.trim());
      borjan = fran == null || fran.isBlank() ? slut.minusDays(365) : LocalDate.parse(fran.trim());
      model.addAttribute("ledtider", bevakning.ledtider(borjan, slut));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      fel = e instanceof DateTimeParseException ? "Skriv datumen som ÅÅÅÅ-MM-DD, t.ex. 2026-01-31." : e.getMessage();
      slut = Diarium.idag();
      borjan = slut.minusDays(365);
      model.addAttribute("ledtider", bevakning.ledtider(borjan, slut));
    }
    model.addAttribute("fel", fel);
    model.addAttribute("fran", borjan);
    model.addAttribute("till", slut);
    model.addAttribute("l", bevakning.lage());
    return "bevakning";
  }

  /**
   * @param dnr a diarienummer, e.g. {@code KS 2026/12}
   * @return its URL form for the link to the ärende page, e.g. {@code KS-2026-12}
   */
  static String url(String dnr) {
    return Diarienummer.parse(dnr).urlForm();
  }
}
