package se.stockholm.ks.api;

import java.time.LocalDate;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import se.stockholm.ks.bevakning.Bevakning;
import se.stockholm.ks.diarium.Diarium;

/**
 * {@code /api/v1/bevakning}: the bevakning view as JSON, for {@code ks-kansli}, {@code processagare}
 * and administrators (403 for others). The same data as the page {@code /bevakning}, the meetings and what
 * they miss included.
 */
@RestController
@RequestMapping("/api/v1/bevakning")
@Tag(name = OpenApiConfig.TAGG_BEVAKNING)
class BevakningController {

  private final Bevakning bevakning;
  private final IdentityService identityService;

  BevakningController(Bevakning bevakning, IdentityService identityService) {
    this.bevakning = bevakning;
    this.identityService = identityService;
  }

  @Operation(operationId = "hamtaBevakning", summary = "Öppna ärenden, remisser, särskilda uttalanden och sammanträden",
      description = "Öppna ärenden per fas; remisser vars svarsdatum har passerat eller infaller denna vecka (till och "
          + "med söndag), per remissinstans och ärende för ärende; öppna särskilda uttalanden med sista dag; "
          + "borgarrådsberedningens och kommunstyrelsens nästa sammanträden och tidigare där något återstår, med det "
          + "som saknas (föredragningslista, promemoria, tillstyrkan, ärendedokument, särskilda uttalanden, utfall, "
          + "justering, anslag) och sista dag för det. Datum i Europe/Stockholm. För KS kansli och processägare.")
  @ApiResponse(responseCode = "200", description = "Läget nu")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Bevakning.Lage lage() {
    Bevakning.kravBehorighet(identityService.getCurrentAuthentication());
    return bevakning.lage();
  }

  @Operation(operationId = "hamtaLedtider", summary = "Ledtider i arbetsdagar",
      description = "För ärenden som kom in under perioden: antal, median och 90:e percentil (närmaste rang) i "
          + "arbetsdagar från inkomstdagen till fördelning, remiss, promemoria, borgarrådsberedningen, beslut i "
          + "kommunstyrelsen och avslut (inkomstdagen räknas inte, milstolpens dag räknas). Utan period: de senaste "
          + "365 dagarna.")
  @ApiResponse(responseCode = "200", description = "Ledtiderna")
  @ApiResponse(responseCode = "400", description = "Ogiltig period (t.ex. till före från, eller längre än tio år)",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/ledtider", produces = MediaType.APPLICATION_JSON_VALUE)
  Bevakning.Ledtider ledtider(
      @Parameter(description = "Första inkomstdag som räknas (ÅÅÅÅ-MM-DD)")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fran,
      @Parameter(description = "Sista inkomstdag som räknas (ÅÅÅÅ-MM-DD)")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate till) {
    Bevakning.kravBehorighet(identityService.getCurrentAuthentication());
    LocalDate slut = till != null ? till : Diarium.idag();
    LocalDate borjan = fran != null ? fran : slut.minusDays(365);
    return bevakning.ledtider(borjan, slut);
  }
}
