package se.stockholm.ks.api;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.ediarium.Ediarium;
import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.sok.Arendesok;
import se.stockholm.ks.sok.Sokfraga;

/**
 * The pages of issue 18: {@code /arenden}, the officials' search (the same filters as {@code GET
 * /api/v1/arenden}; opens with the Tasklist login or HTTP Basic, like the ärende's page), and
 * {@code /e-diarium}, the public e-diarium without login. A bad filter is shown in the form with
 * status 400, never as an error page.
 */
@Controller
class SoksidorController {

  private final Arendesok sok;
  private final ArendeService service;
  private final Ediarium ediarium;
  private final Organisation organisation;

  SoksidorController(Arendesok sok, ArendeService service, Ediarium ediarium, Organisation organisation) {
    this.sok = sok;
    this.service = service;
    this.ediarium = ediarium;
    this.organisation = organisation;
  }

  @GetMapping("/arenden")
  String sok(HttpServletRequest request, HttpServletResponse response, Model model) {
    service.kravLasa();
    model.addAttribute("p", request.getParameterMap().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue()))));
    model.addAttribute("statusar", Arrays.stream(Arendestatus.values()).filter(s -> s != Arendestatus.REGISTRERAS)
        .collect(Collectors.toMap(Enum::name, Arendestatus::text, (a, b) -> a, java.util.LinkedHashMap::new)));
    model.addAttribute("handlingstyper", Arrays.stream(Handlingstyp.values())
        .collect(Collectors.toMap(Enum::name, Handlingstyp::text, (a, b) -> a, java.util.LinkedHashMap::new)));
    model.addAttribute("riktningar", Arrays.stream(HandlingStatus.values())
        .collect(Collectors.toMap(Enum::name, HandlingStatus::text, (a, b) -> a, java.util.LinkedHashMap::new)));
    model.addAttribute("rotlar", organisation.rotlar());
    model.addAttribute("remissinstanser", organisation.remissinstanser());
    model.addAttribute("partier", organisation.partier());
    try {
      Sokfraga fraga = Sokfraga.las(ArendesokController.parametrar(request));
      Arendesok.Resultat r = sok.sok(fraga);
      model.addAttribute("r", r);
      model.addAttribute("traffar", r.traffar().stream().map(ArendesokController::traff).toList());
      String filter = ArendesokController.query(fraga.filter());
      model.addAttribute("filter", filter.isEmpty() ? "" : filter + "&");
      model.addAttribute("csv", "/api/v1/arenden.csv" + (filter.isEmpty() ? "" : "?" + filter));
    } catch (OgiltigHandlingException e) {
      response.setStatus(400);
      model.addAttribute("fel", e.getMessage());
    }
    return "sok";
  }

  @GetMapping("/e-diarium")
  String ediarium(HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("p", request.getParameterMap().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue()))));
    try {
      Dto.Diariesida sida = PubliktDiariumController.sida(ediarium, request);
      model.addAttribute("s", sida);
      StringBuilder filter = new StringBuilder();
      for (String namn : new String[] {"text", "diarienummer", "fran", "till"}) {
        String v = request.getParameter(namn);
        if (v != null && !v.isBlank()) {
          filter.append(namn).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
              .append('&');
        }
      }
      model.addAttribute("filter", filter.toString());
    } catch (OgiltigHandlingException e) {
      response.setStatus(400);
      model.addAttribute("fel", e.getMessage());
    }
    return "ediarium";
  }
}
