package se.stockholm.ks.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.stockholm.ks.kalender.Sammantradesplan;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Sammantradesdokument;
import se.stockholm.ks.sammantrade.Sammantradesregister;
import se.stockholm.ks.sammantrade.Sammantradestatus;
import se.stockholm.ks.security.AuthorizationSetup;

/**
 * {@code /api/v1/sammantraden/{organ}/{datum}}: a meeting of borgarrådsberedningen or
 * kommunstyrelsen for the city's meeting portal — its state, the ärenden on its föredragningslista
 * in order (with paragraphs once the meeting is held) and links to them. Reading needs the same
 * right as reading ärenden.
 */
@RestController
@Tag(name = OpenApiConfig.TAGG_SAMMANTRADEN)
class SammantradeController {

  private final Sammantradesregister register;
  private final Sammantradesdokument dokument;
  private final Sammantradesplan plan;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  SammantradeController(Sammantradesregister register, Sammantradesdokument dokument, Sammantradesplan plan,
                        IdentityService identityService, AuthorizationService authorizationService) {
    this.register = register;
    this.dokument = dokument;
    this.plan = plan;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Operation(operationId = "hamtaSammantrade", summary = "Hämta ett sammanträde",
      description = "Sammanträdets skede och föredragningslistan: ärendena i listans ordning med diarienummer, rubrik, "
          + "föredragande borgarråd, var ärendet står (anmält, avfört, bordlagt, återremitterat, tillstyrkt, beslutat) "
          + "och paragraf i kommunstyrelsens protokoll när sammanträdet hållits. Ett sammanträde i planen som inget "
          + "ärende anmälts till har skedet PLANERAT och en tom lista.")
  @ApiResponse(responseCode = "200", description = "Sammanträdet")
  @ApiResponse(responseCode = "404", description = "Inget sådant sammanträde",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/api/v1/sammantraden/{organ}/{datum}", produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Sammantrade sammantrade(
      @Parameter(description = "Organet: KS eller kommunstyrelsen, BRB eller borgarradsberedningen", example = "KS")
      @PathVariable String organ,
      @Parameter(description = "Sammanträdesdagen, ÅÅÅÅ-MM-DD", example = "2026-03-18")
      @PathVariable String datum) {
    Organ o = organ(organ);
    LocalDate dag = datum(datum);
    kravLasratt();
    return register.hitta(o, dag).map(s -> dto(s, dokument.dokument(o, dag))).orElseGet(() -> {
      List<LocalDate> planen = o == Organ.KS ? plan.kommunstyrelsen() : plan.borgarradsberedningen();
      if (!planen.contains(dag)) {
        throw new SammantradeSaknasException("Inget sammanträde för " + o.namn() + " den " + dag
            + " i sammanträdesplanen.");
      }
      return new Dto.Sammantrade(o.name(), o.namn(), dag, Sammantradestatus.PLANERAT.name(),
          Sammantradestatus.PLANERAT.text(), null, null, null, List.of(), List.of());
    });
  }

  @Operation(operationId = "laddaNedSammantradesdokument", summary = "Ladda ned ett av sammanträdets dokument",
      description = "Föredragningslistan, protokollet eller anslagsbeviset som PDF/A, med numret i sammanträdets serie "
          + "(se 'dokument' i sammanträdet).")
  @ApiResponse(responseCode = "200", description = "Dokumentet (application/pdf)",
      content = @Content(mediaType = "application/pdf",
          schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "404", description = "Inget sådant sammanträde eller dokument",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/api/v1/sammantraden/{organ}/{datum}/dokument/{lopnummer}")
  org.springframework.http.ResponseEntity<byte[]> dokument(
      @Parameter(description = "Organet: KS eller kommunstyrelsen, BRB eller borgarradsberedningen", example = "KS")
      @PathVariable String organ,
      @Parameter(description = "Sammanträdesdagen, ÅÅÅÅ-MM-DD", example = "2026-03-18")
      @PathVariable String datum,
      @Parameter(description = "Dokumentets nummer i sammanträdets serie", example = "1")
      @PathVariable int lopnummer) {
    Organ o = organ(organ);
    LocalDate dag = datum(datum);
    kravLasratt();
    var d = dokument.dokument(o, dag).stream().filter(x -> x.lopnummer() == lopnummer).findFirst()
        .orElseThrow(() -> new SammantradeSaknasException("Sammanträdet " + o.name() + " " + dag
            + " har inget dokument nr " + lopnummer + "."));
    byte[] pdf = dokument.innehall(o, dag, lopnummer).orElseThrow();
    // as a handling's content (ArendeController): file name, checksums, never sniffed
    return org.springframework.http.ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, ArendeController.contentDisposition(d.filnamn()))
        .eTag("\"" + d.sha256() + "\"")
        .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
            .encodeToString(java.util.HexFormat.of().parseHex(d.sha256())) + ":")
        .header("X-Checksum-SHA256", d.sha256())
        .header("X-Content-Type-Options", "nosniff")
        .body(pdf);
  }

  private static Organ organ(String organ) {
    return Organ.tolka(organ).orElseThrow(() -> new SammantradeSaknasException(
        "Okänt organ '" + organ + "'. Ange KS (kommunstyrelsen) eller BRB (borgarrådsberedningen)."));
  }

  private static LocalDate datum(String datum) {
    try {
      return LocalDate.parse(datum);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Datumet skrivs ÅÅÅÅ-MM-DD, t.ex. 2026-03-18 (inte '" + datum + "').");
    }
  }

  static Dto.Sammantrade dto(Sammantradesregister.Sammantrade s, List<Sammantradesdokument.Dokument> dokument) {
    String bas = "/api/v1/sammantraden/" + s.organ().url() + "/" + s.datum();
    return new Dto.Sammantrade(s.organ().name(), s.organ().namn(), s.datum(), s.status().name(), s.status().text(),
        s.justeringsdatum(), s.justerare(), s.anslagsdatum(),
        s.punkter().stream().map(p -> new Dto.Punkt(p.ordning(), p.paragrafText(), p.diarienummer().toString(),
            "/api/v1/arenden/" + p.diarienummer().urlForm(), p.rubrik(), p.foredragandeBorgarrad(), p.status().name(),
            p.status().text())).toList(),
        dokument.stream().map(d -> new Dto.Sammantradesdokument(d.lopnummer(), d.beteckning(), d.typ().name(),
            d.rubrik(), d.registrerad(), bas + "/dokument/" + d.lopnummer())).toList());
  }

  private void kravLasratt() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user != null && !authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(),
        ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, AuthorizationSetup.STARTABLE_PROCESS)) {
      throw new AuthorizationException("Användaren " + user.getUserId() + " får inte läsa sammanträden.");
    }
  }

  /** A meeting that does not exist (404). */
  static class SammantradeSaknasException extends RuntimeException {
    SammantradeSaknasException(String message) {
      super(message);
    }
  }
}
