package se.stockholm.ks.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.ediarium.Ediarium;

/**
 * {@code GET /api/v1/publikt/diarium}: the public e-diarium, without login (see {@link Ediarium}).
 */
@RestController
@Tag(name = OpenApiConfig.TAGG_PUBLIKT)
class PubliktDiariumController {

  static final Set<String> PARAMETRAR = Set.of("text", "diarienummer", "fran", "till", "sida", "storlek");

  private final Ediarium ediarium;

  PubliktDiariumController(Ediarium ediarium) {
    this.ediarium = ediarium;
  }

  @Operation(operationId = "publiktDiarium", summary = "Det publika e-diariet",
      description = "Registrerade handlingar med uppgifterna i offentlighets- och sekretesslagen 5 kap. 2 §: datum, "
          + "diarienummer och handlingens nummer, avsändare eller mottagare och kort vad handlingen rör, nyast först. "
          + "Utan inloggning. Aldrig innehåll, interna anteckningar eller händelser. En sekretessmarkerad handling "
          + "visas med avsändare/mottagare och beskrivning ersatta av \"Uppgift enligt OSL …\", och text söks aldrig "
          + "i det som är dolt.")
  @SecurityRequirements
  @ApiResponse(responseCode = "200", description = "En sida av diariet")
  @ApiResponse(responseCode = "400", description = "Ogiltig parameter (fältet i 'fel')",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/api/v1/publikt/diarium", produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Diariesida diarium(
      @Parameter(description = "Ord i handlingens beskrivning") @RequestParam(required = false) String text,
      @Parameter(description = "Diarienumret eller en del av det") @RequestParam(required = false) String diarienummer,
      @Parameter(description = "Daterad tidigast (ÅÅÅÅ-MM-DD)", schema = @Schema(type = "string", format = "date"))
      @RequestParam(required = false) String fran,
      @Parameter(description = "Daterad senast (ÅÅÅÅ-MM-DD)", schema = @Schema(type = "string", format = "date"))
      @RequestParam(required = false) String till,
      @Parameter(description = "Sidan, från 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
      @RequestParam(required = false) String sida,
      @Parameter(description = "Poster per sida", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
          defaultValue = "25")) @RequestParam(required = false) String storlek,
      HttpServletRequest request) {
    return sida(ediarium, request);
  }

  /**
   * @param ediarium the e-diarium
   * @param request the request with the parameters
   * @return the page asked for
   * @throws OgiltigHandlingException for an unknown parameter or a bad value
   */
  static Dto.Diariesida sida(Ediarium ediarium, HttpServletRequest request) {
    for (String p : request.getParameterMap().keySet()) {
      if (!PARAMETRAR.contains(p)) {
        throw new OgiltigHandlingException(p, "Okänd parameter '" + p + "'. Kända: diarienummer, fran, sida, storlek, "
            + "text, till.");
      }
    }
    Ediarium.Sida s = ediarium.lista(text(request, "text"), text(request, "diarienummer"),
        datum(request, "fran"), datum(request, "till"), heltal(request, "sida", 1), heltal(request, "storlek", 25));
    List<Dto.Diariepost> poster = s.poster().stream().map(p -> new Dto.Diariepost(p.datum(), p.dokumentnummer(),
        p.diarienummer(), p.arende(), p.handlingstyp(), p.riktning(), p.avsandareEllerMottagare(), p.beskrivning(),
        p.sekretess())).toList();
    return new Dto.Diariesida(poster, Math.min(s.totalt(), Ediarium.MAX_RAKNAT), s.sida(), s.storlek(), s.antalSidor(),
        s.fler());
  }

  private static String text(HttpServletRequest request, String namn) {
    String v = request.getParameter(namn);
    if (v != null && v.length() > 200) {
      throw new OgiltigHandlingException(namn, namn + " får vara högst 200 tecken.");
    }
    return v == null || v.isBlank() ? null : v;
  }

  private static LocalDate datum(HttpServletRequest request, String namn) {
    String v = text(request, namn);
    try {
      return v == null ? null : LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new OgiltigHandlingException(namn, namn + " skrivs ÅÅÅÅ-MM-DD (t.ex. 2025-03-31).");
    }
  }

  private static int heltal(HttpServletRequest request, String namn, int standard) {
    String v = text(request, namn);
    try {
      return v == null ? standard : Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new OgiltigHandlingException(namn, namn + " är ett heltal.");
    }
  }
}
