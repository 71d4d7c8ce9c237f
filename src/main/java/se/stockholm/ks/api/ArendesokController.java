package se.stockholm.ks.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.sok.Arendesok;
import se.stockholm.ks.sok.Csv;
import se.stockholm.ks.sok.Sokfraga;

/**
 * {@code GET /api/v1/arenden}: the officials' search for ärenden (filters as query parameters, see
 * {@link Sokfraga}), a page object and RFC 8288 {@code Link} headers; {@code GET
 * /api/v1/arenden.csv}: the same hits as CSV for Excel. Reading needs the right to read ärenden.
 */
@RestController
@Tag(name = OpenApiConfig.TAGG_ARENDEN)
class ArendesokController {

  /** The most rows of one CSV export. */
  static final int MAX_CSV = 10_000;

  private final Arendesok sok;
  private final ArendeService service;

  ArendesokController(Arendesok sok, ArendeService service) {
    this.sok = sok;
    this.service = service;
  }

  @Operation(operationId = "sokArenden", summary = "Sök ärenden",
      description = "Alla filter är valfria och gäller tillsammans (och). Texter matchar var som helst i fältet, "
          + "oavsett versaler och gemener; å, ä och ö är egna bokstäver (\"arsta\" hittar inte \"Årsta\"). "
          + "Handlingsfiltren (handlingstyp, handlingFran, handlingTill, riktning, motpart) gäller en och samma "
          + "handling. En lista skrivs kommaseparerad eller med parametern upprepad. Okända parametrar och ogiltiga "
          + "värden ger 400. Sidor: sida och storlek, och Link-huvudet (first, prev, next, last).")
  @ApiResponse(responseCode = "200", description = "En sida träffar",
      headers = @Header(name = "Link", description = "Sidorna first, prev, next och last (RFC 8288)",
          schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "Ogiltigt filter (fältet i 'fel')",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "403", description = "Användaren får inte läsa ärenden",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/api/v1/arenden", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Dto.Arendesokresultat> sok(
      @Parameter(description = "Ord i ärendets rubrik eller i en handlings rubrik") @RequestParam(required = false) String text,
      @Parameter(description = "Diarienumret eller en del av det (KS 2025/1513, 2025/15, KS-2025-1513)")
      @RequestParam(required = false) String diarienummer,
      @Parameter(description = "Status, en eller flera", schema = @Schema(type = "string",
          example = "PAGAENDE,BESLUTAT")) @RequestParam(required = false) List<String> status,
      @Parameter(description = "Avsändarens namn eller en del av det") @RequestParam(required = false) String avsandare,
      @Parameter(description = "Avsändarens parti (partikod)", example = "V") @RequestParam(required = false) String parti,
      @Parameter(description = "Rotel", example = "rotel-i") @RequestParam(required = false) String rotel,
      @Parameter(description = "Föredragande borgarråd, namnet eller en del av det")
      @RequestParam(required = false) String borgarrad,
      @Parameter(description = "En remissinstans som ärendet remitterats till (id)", example = "stadsledningskontoret")
      @RequestParam(required = false) String remissinstans,
      @Parameter(description = "Inkom tidigast (ÅÅÅÅ-MM-DD)", schema = @Schema(type = "string", format = "date"))
      @RequestParam(required = false) String inkomFran,
      @Parameter(description = "Inkom senast (ÅÅÅÅ-MM-DD)", schema = @Schema(type = "string", format = "date"))
      @RequestParam(required = false) String inkomTill,
      @Parameter(description = "true: bara pågående ärenden med en remiss vars svarsdatum passerat utan svar",
          schema = @Schema(type = "boolean")) @RequestParam(required = false) String forsenade,
      @Parameter(description = "Har en handling av någon av dessa typer", schema = @Schema(type = "string",
          example = "TJANSTUTLATANDE")) @RequestParam(required = false) List<String> handlingstyp,
      @Parameter(description = "Har en handling daterad tidigast (ÅÅÅÅ-MM-DD)",
          schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String handlingFran,
      @Parameter(description = "Har en handling daterad senast (ÅÅÅÅ-MM-DD)",
          schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String handlingTill,
      @Parameter(description = "Har en handling som är INKOMMEN, UPPRATTAD eller EXPEDIERAD",
          schema = @Schema(type = "string", example = "INKOMMEN")) @RequestParam(required = false) List<String> riktning,
      @Parameter(description = "Har en handling från eller till (namnet eller en del av det)")
      @RequestParam(required = false) String motpart,
      @Parameter(description = "Sidan, från 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
      @RequestParam(required = false) String sida,
      @Parameter(description = "Träffar per sida", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
          defaultValue = "25")) @RequestParam(required = false) String storlek,
      @Parameter(description = "Ordningen; '-' först för fallande", schema = @Schema(type = "string",
          allowableValues = {"inkom", "-inkom", "diarienummer", "-diarienummer", "rubrik", "-rubrik", "status",
              "-status"}, defaultValue = "-inkom")) @RequestParam(required = false) String sortering,
      HttpServletRequest request) {
    service.kravLasa();
    Sokfraga fraga = Sokfraga.las(parametrar(request));
    Arendesok.Resultat r = sok.sok(fraga);
    List<String> lankar = new ArrayList<>();
    String bas = request.getRequestURI() + "?" + query(fraga.filter());
    String sep = fraga.filter().isEmpty() ? "" : "&";
    java.util.function.BiConsumer<String, Integer> lank = (rel, n) -> lankar.add("<" + bas + sep + "sida=" + n
        + "&storlek=" + r.storlek() + ">; rel=\"" + rel + "\"");
    lank.accept("first", 1);
    if (r.sida() > 1) {
      lank.accept("prev", Math.min(r.sida() - 1, r.antalSidor()));
    }
    if (r.sida() < r.antalSidor()) {
      lank.accept("next", r.sida() + 1);
    }
    lank.accept("last", r.antalSidor());
    return ResponseEntity.ok().header(HttpHeaders.LINK, String.join(", ", lankar))
        .body(new Dto.Arendesokresultat(r.traffar().stream().map(ArendesokController::traff).toList(), r.totalt(),
            r.sida(), r.storlek(), r.antalSidor()));
  }

  @Operation(operationId = "exporteraArenden", summary = "Sökresultatet som CSV",
      description = "Samma filter och fält som sökningen, alla träffar (högst " + MAX_CSV + ") i vald ordning, "
          + "utan sidor: UTF-8 med BOM (Excel läser å, ä, ö rätt), semikolon mellan fälten. Parametrarna sida och "
          + "storlek används inte.")
  @ApiResponse(responseCode = "200", description = "CSV-filen",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
      headers = {
          @Header(name = "Content-Disposition", description = "attachment med filnamnet ärenden.csv",
              schema = @Schema(type = "string")),
          @Header(name = "Repr-Digest", description = "Filens SHA-256 (RFC 9530)", schema = @Schema(type = "string")),
          @Header(name = "X-Checksum-SHA256", description = "Filens SHA-256 i hex", schema = @Schema(type = "string"))})
  @ApiResponse(responseCode = "400", description = "Ogiltigt filter, eller fler än " + MAX_CSV + " träffar",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "403", description = "Användaren får inte läsa ärenden",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/api/v1/arenden.csv", produces = "text/csv")
  ResponseEntity<byte[]> csv(HttpServletRequest request) {
    service.kravLasa();
    Sokfraga f = Sokfraga.las(parametrar(request));
    Sokfraga alla = new Sokfraga(f.text(), f.diarienummer(), f.status(), f.avsandare(), f.parti(), f.rotel(),
        f.borgarrad(), f.remissinstans(), f.inkomFran(), f.inkomTill(), f.forsenade(), f.handlingstyp(),
        f.handlingFran(), f.handlingTill(), f.riktning(), f.motpart(), 1, MAX_CSV, f.sortering());
    Arendesok.Resultat r = sok.sok(alla);
    if (r.totalt() > MAX_CSV) {
      throw new OgiltigHandlingException("", "Sökningen ger " + r.totalt() + " ärenden; exporten tar högst " + MAX_CSV
          + ". Begränsa den, t.ex. med inkomFran och inkomTill.");
    }
    List<List<String>> rader = r.traffar().stream().map(t -> Arrays.asList(t.diarienummer().toString(), t.rubrik(),
        t.arendetyp(), t.status().text(), s(t.inkom()), s(t.avslutad()), t.avsandare().namn(), t.avsandare().parti(),
        t.avsandare().roll(), t.rotel(), t.foredragandeBorgarrad(), t.sekretess())).toList();
    byte[] fil = Csv.skriv(List.of("Diarienummer", "Rubrik", "Ärendetyp", "Status", "Inkom", "Avslutad", "Avsändare",
        "Parti", "Roll", "Rotel", "Föredragande borgarråd", "Sekretess"), rader);
    String sha256 = se.stockholm.ks.diarium.Innehallskontroll.sha256(fil);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
            .encodeToString(java.util.HexFormat.of().parseHex(sha256)) + ":")
        .header("X-Checksum-SHA256", sha256)
        .header(HttpHeaders.CONTENT_DISPOSITION, ArendeController.contentDisposition("ärenden.csv"))
        .body(fil);
  }

  static Dto.Arendetraff traff(Arendesok.Traff t) {
    return new Dto.Arendetraff(t.diarienummer().toString(), t.rubrik(), t.arendetyp(), t.status().name(), t.inkom(),
        t.avslutad(), new Dto.Avsandare(t.avsandare().namn(), t.avsandare().parti(), t.avsandare().roll()), t.rotel(),
        t.foredragandeBorgarrad(), t.sekretess(), "/api/v1/arenden/" + t.diarienummer().urlForm(),
        "/arenden/" + t.diarienummer().urlForm());
  }

  static Map<String, List<String>> parametrar(HttpServletRequest request) {
    return request.getParameterMap().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
  }

  static String query(Map<String, String> parametrar) {
    return parametrar.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("&"));
  }

  private static String s(Object o) {
    return o == null ? null : o.toString();
  }
}
