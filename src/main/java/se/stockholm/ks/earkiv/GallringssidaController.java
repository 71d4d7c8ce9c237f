package se.stockholm.ks.earkiv;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.security.ApiAuthenticationFilter;
import se.stockholm.ks.security.Grupper;

/**
 * {@code /earkiv/gallring}: the archivist's page of the gallring report — the informationshanteringsplan's
 * lines and the handlingar due for gallring today ({@link Gallring#forfallna}). Read only: the decision
 * is taken with {@code POST /api/v1/earkiv/gallringsbeslut}. Opens with the webapps' login (or HTTP
 * Basic); only the group arkivarie, others get 403.
 */
@Controller
class GallringssidaController {

  private final Gallring gallring;
  private final Informationshanteringsplan plan;
  private final IdentityService identityService;

  GallringssidaController(Gallring gallring, Informationshanteringsplan plan, IdentityService identityService) {
    this.gallring = gallring;
    this.plan = plan;
    this.identityService = identityService;
  }

  /** The webapps' session or HTTP Basic on the page, as on the ärende pages. */
  @Bean
  static FilterRegistrationBean<ApiAuthenticationFilter> gallringssidansInloggning(ProcessEngine engine) {
    FilterRegistrationBean<ApiAuthenticationFilter> r = new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
    r.setName("ks-gallring-auth");
    r.addUrlPatterns("/earkiv/gallring");
    r.setOrder(10);
    return r;
  }

  @GetMapping("/earkiv/gallring")
  String sida(Model model) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Grupper.ARKIVARIE)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Gallringsrapporten visas bara för arkivarier.");
    }
    LocalDate idag = Diarium.idag();
    model.addAttribute("idag", idag);
    model.addAttribute("plan", plan.beteckning());
    model.addAttribute("rader", java.util.Arrays.stream(Handlingstyp.values()).map(t -> new Rad(t.text(), plan.rad(t)))
        .toList());
    model.addAttribute("forfallna", gallring.forfallna(idag));
    return "gallring";
  }

  /**
   * A line of the plan as the page shows it.
   *
   * @param typ the handlingstyp's Swedish name
   * @param rad the line
   */
  record Rad(String typ, Informationshanteringsplan.Planrad rad) {

    /** @return "Bevaras" or "Gallras efter N år" */
    public String regel() {
      return rad.gallrasEfterAr() == null ? "Bevaras" : "Gallras efter " + rad.gallrasEfterAr() + " år";
    }
  }
}
