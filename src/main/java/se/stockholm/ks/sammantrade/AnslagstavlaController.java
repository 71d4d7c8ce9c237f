package se.stockholm.ks.sammantrade;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.kalender.LagstadgadeFrister;

/**
 * {@code /anslagstavla}: the digital anslagstavla (kommunallagen 8 kap 12 §), public and without
 * login. Lists kommunstyrelsen's protokoll anslagna in the last {@value #VECKOR} weeks with only what
 * the anslagsbevis says — organ, meeting day, paragraphs, justering, anslag, last day for överklagande,
 * where the protokoll is kept — and the anslagsbevis as PDF/A. Nothing else of a meeting or an ärende
 * (no rubriker, no protokoll, no handlingar) is served here.
 */
@Controller
class AnslagstavlaController {

  /** How far back the page lists anslag, in weeks (the three weeks of överklagande and some margin). */
  static final int VECKOR = 6;

  /**
   * A notice on the anslagstavla.
   *
   * @param organ the organ's name
   * @param datum the meeting day
   * @param paragrafer the protokoll's paragraphs
   * @param justeringsdatum the justering
   * @param anslagsdatum the anslag
   * @param sistaDagForOverklagande the last day to appeal
   * @param forvaringsplats where the protokoll is kept
   * @param anslagsbevis the anslagsbevis' address, or null before it is written
   */
  record Anslag(String organ, LocalDate datum, String paragrafer, LocalDate justeringsdatum, LocalDate anslagsdatum,
                LocalDate sistaDagForOverklagande, String forvaringsplats, String anslagsbevis) {
  }

  private final Sammantradesregister register;
  private final Sammantradesdokument dokument;
  private final LagstadgadeFrister lagstadgade;

  AnslagstavlaController(Sammantradesregister register, Sammantradesdokument dokument, LagstadgadeFrister lagstadgade) {
    this.register = register;
    this.dokument = dokument;
    this.lagstadgade = lagstadgade;
  }

  @GetMapping("/anslagstavla")
  String anslagstavla(Model model) {
    LocalDate idag = Diarium.idag();
    List<Anslag> anslag = register.anslagnaSedan(idag.minusWeeks(VECKOR)).stream()
        .filter(s -> s.organ() == Organ.KS && s.justeringsdatum() != null)
        .map(s -> new Anslag(s.organ().namn(), s.datum(), Sammantradesdokument.paragrafer(s), s.justeringsdatum(),
            s.anslagsdatum(), lagstadgade.sistaDagForLaglighetsprovning(s.anslagsdatum()),
            Sammantradesdokument.FORVARINGSPLATS,
            dokument.senaste(s.organ(), s.datum(), Sammantradesdokument.Dokumenttyp.ANSLAGSBEVIS).isPresent()
                ? "/anslagstavla/" + s.organ().url() + "/" + s.datum() + "/anslagsbevis.pdf" : null))
        .toList();
    model.addAttribute("anslag", anslag);
    model.addAttribute("veckor", VECKOR);
    model.addAttribute("idag", idag);
    return "anslagstavla";
  }

  @GetMapping("/anslagstavla/{organ}/{datum}/anslagsbevis.pdf")
  ResponseEntity<byte[]> anslagsbevis(@PathVariable String organ, @PathVariable String datum) {
    Organ o = Organ.tolka(organ).orElse(null);
    LocalDate dag;
    try {
      dag = LocalDate.parse(datum);
    } catch (java.time.format.DateTimeParseException e) {
      dag = null;
    }
    if (o == null || dag == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("Inget sådant anslag.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    LocalDate d = dag;
    return dokument.senaste(o, d, Sammantradesdokument.Dokumenttyp.ANSLAGSBEVIS)
        .map(b -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename(b.filnamn(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
            .body(dokument.innehall(o, d, b.lopnummer()).orElseThrow()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
            .body("Inget sådant anslag.".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
