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
  private final se.stockholm.ks.sammantrade.Sammantradesregister sammantraden;
  private final se.stockholm.ks.sammantrade.Sammantradesdokument sammantradesdokument;

  /**
   * A meeting the ärende was anmält to, for the page.
   *
   * @param mote the meeting
   * @param punkt the ärende on its list
   * @param dokument the meeting's documents
   * @param sida the meeting's page
   * @param api the meeting in the API (its documents under {@code /dokument/})
   */
  record Motesrad(se.stockholm.ks.sammantrade.Sammantradesregister.Sammantrade mote,
                  se.stockholm.ks.sammantrade.Sammantradesregister.Punkt punkt,
                  java.util.List<se.stockholm.ks.sammantrade.Sammantradesdokument.Dokument> dokument, String sida,
                  String api) {
  }

  ArendesidaController(ArendeService service, se.stockholm.ks.organisation.Organisation organisation,
                       se.stockholm.ks.sammantrade.Sammantradesregister sammantraden,
                       se.stockholm.ks.sammantrade.Sammantradesdokument sammantradesdokument) {
    this.service = service;
    this.sammantraden = sammantraden;
    this.sammantradesdokument = sammantradesdokument;
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
    // the föredragningslistor and protokoll the ärende is on (read after the ärende: the same read right)
    model.addAttribute("sammantraden", sammantraden.forArende(dnr).stream()
        .map(m -> new Motesrad(m, m.punkter().stream().filter(p -> p.diarienummer().equals(dnr)).findFirst().orElseThrow(),
            sammantradesdokument.dokument(m.organ(), m.datum()),
            "/sammantraden/" + m.organ().url() + "/" + m.datum(),
            "/api/v1/sammantraden/" + m.organ().url() + "/" + m.datum()))
        .toList());
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
