package se.stockholm.ks.api;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.stockholm.ks.diarium.Diarienummer;

/**
 * {@code /arenden/{diarienummer}}: the ärende's page for officials, linked from every Tasklist
 * form — status, deadlines, open steps, the handlingar (to open or download) and the events. Opens
 * with the Tasklist login (or HTTP Basic); reading needs the same rights as the API.
 */
@Controller
class ArendesidaController {

  private final ArendeService service;
  private final se.stockholm.ks.organisation.Organisation organisation;

  ArendesidaController(ArendeService service, se.stockholm.ks.organisation.Organisation organisation) {
    this.service = service;
    this.organisation = organisation;
  }

  @GetMapping("/arenden/{diarienummer}")
  String arende(@PathVariable String diarienummer, Model model) {
    Diarienummer dnr;
    try {
      dnr = Diarienummer.parse(diarienummer);
    } catch (IllegalArgumentException e) {
      throw new se.stockholm.ks.diarium.ArendeSaknasException(diarienummer, e.getMessage());
    }
    Dto.Arende arende = service.arende(dnr);
    model.addAttribute("a", arende);
    model.addAttribute("rotelNamn", arende.rotel() == null ? null
        : organisation.rotel(arende.rotel()).map(r -> r.namn()).orElse(arende.rotel()));
    model.addAttribute("url", dnr.urlForm());
    // the Swedish names people read, from the enums themselves (not rewritten from the constants)
    model.addAttribute("handlingstyper", java.util.Arrays.stream(se.stockholm.ks.diarium.Handlingstyp.values())
        .collect(java.util.stream.Collectors.toMap(Enum::name, se.stockholm.ks.diarium.Handlingstyp::text)));
    model.addAttribute("handlingsstatusar", java.util.Arrays.stream(se.stockholm.ks.diarium.HandlingStatus.values())
        .collect(java.util.stream.Collectors.toMap(Enum::name, se.stockholm.ks.diarium.HandlingStatus::text)));
    model.addAttribute("arendestatusar", java.util.Arrays.stream(se.stockholm.ks.diarium.Arendestatus.values())
        .collect(java.util.stream.Collectors.toMap(Enum::name, se.stockholm.ks.diarium.Arendestatus::text)));
    return "arende";
  }
}
