package se.stockholm.ks.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.HandlingInnehall;
import se.stockholm.ks.diarium.Innehallskontroll;

/**
 * {@code /api/v1/arenden/{diarienummer}}: follow an ärende, withdraw it, read and add handlingar.
 * The diarienummer goes in the path in its URL form {@code KS-2025-1513} (the written form
 * {@code KS 2025/1513} also works when encoded: {@code KS%202025%2F1513}). A handling is added as
 * JSON ({@code POST …/handlingar}, the file in base64) or as multipart ({@code POST
 * …/handlingar/med-fil}); a multipart request to {@code …/handlingar} is still accepted for callers
 * written before the split, and left out of the OpenAPI document.
 */
@RestController
@RequestMapping("/api/v1/arenden/{diarienummer}")
@Tag(name = OpenApiConfig.TAGG_ARENDEN)
class ArendeController {

  private final ArendeService service;
  private final Idempotens idempotens;
  private final IdentityService identityService;
  private final ObjectMapper json;
  private final se.stockholm.ks.earkiv.Gallring gallring;

  ArendeController(ArendeService service, Idempotens idempotens, IdentityService identityService, ObjectMapper json,
                   se.stockholm.ks.earkiv.Gallring gallring) {
    this.gallring = gallring;
    this.service = service;
    this.idempotens = idempotens;
    this.identityService = identityService;
    this.json = json;
  }

  @Operation(operationId = "hamtaArende", summary = "Hämta ett ärende",
      description = "Status, pågående steg (uppgifter med grupper och förfallodatum, väntan på datum eller meddelande), "
          + "frister, beslut, handlingar och händelser.")
  @ApiResponse(responseCode = "200", description = "Ärendet")
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende", content = @Content(mediaType = "application/problem+json"))
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Arende arende(@PathVariable String diarienummer) {
    return service.arende(dnr(diarienummer));
  }

  @Operation(operationId = "aterkallaSkrivelse", summary = "Återkalla skrivelsen",
      description = "Avsändaren återkallar skrivelsen. Möjligt fram till kommunstyrelsens beslut; pågående uppgifter "
          + "avslutas och ärendet avslutas som återkallat. Registrerade handlingar finns kvar.")
  @ApiResponse(responseCode = "200", description = "Återkallat; ärendet efteråt")
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "Ärendet är beslutat, avslutat eller redan återkallat",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/aterkallelse", produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Arende aterkalla(@PathVariable String diarienummer, @RequestBody(required = false) Dto.Aterkallelse begaran) {
    String motivering = begaran == null ? null : begaran.motivering();
    if (motivering != null && motivering.length() > 4000) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("motivering",
          "Motiveringen får vara högst 4000 tecken (nu " + motivering.length() + ").");
    }
    return service.aterkalla(dnr(diarienummer), motivering);
  }

  @Operation(operationId = "listaHandlingar", summary = "Lista ärendets handlingar")
  @ApiResponse(responseCode = "200", description = "Handlingarna i nummerordning")
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende", content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/handlingar", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Dto.Handling> handlingar(@PathVariable String diarienummer) {
    return service.handlingar(dnr(diarienummer));
  }

  @Operation(operationId = "hamtaHandling", summary = "Hämta en handlings uppgifter")
  @ApiResponse(responseCode = "200", description = "Handlingen")
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende eller ingen sådan handling",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/handlingar/{nummer}", produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Handling handling(@PathVariable String diarienummer, @PathVariable int nummer) {
    Diarienummer dnr = dnr(diarienummer);
    return service.handlingar(dnr).stream().filter(h -> h.nummer() == nummer).findFirst()
        .orElseThrow(() -> new HandlingSaknasException(dnr.dokumentnummer(nummer)));
  }

  @Operation(operationId = "laddaNedHandling", summary = "Ladda ned en handlings innehåll",
      description = "Med rätt Content-Type, filnamn (Content-Disposition) och kontrollsumma: Repr-Digest (RFC 9530, "
          + "sha-256) och ETag (SHA-256 i hex).")
  @ApiResponse(responseCode = "200", description = "Innehållet, med den Content-Type som avgjordes av innehållet "
      + "(text/plain; charset=UTF-8 för en text)",
      content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")),
      headers = {
          @Header(name = "Content-Disposition", description = "attachment med filnamnet: filename* i UTF-8 "
              + "(RFC 5987) och filename i ASCII", schema = @Schema(type = "string",
              example = "attachment; filename=\"Skrivelse om Arstafaltet.pdf\"; "
                  + "filename*=UTF-8''Skrivelse%20om%20%C3%85rstaf%C3%A4ltet.pdf")),
          @Header(name = "Repr-Digest", description = "Innehållets SHA-256 (RFC 9530)",
              schema = @Schema(type = "string", example = "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:")),
          @Header(name = "ETag", description = "Innehållets SHA-256 i hex, inom citattecken",
              schema = @Schema(type = "string")),
          @Header(name = "X-Checksum-SHA256", description = "Innehållets SHA-256 i hex",
              schema = @Schema(type = "string", pattern = "^[0-9a-f]{64}$"))})
  @ApiResponse(responseCode = "403", description = "Handlingen är sekretessmarkerad och användaren hör inte till "
      + "någon grupp som handlägger ärendet", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende eller ingen sådan handling",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "410", description = "Handlingens innehåll är gallrat enligt informationshanteringsplanen "
      + "(registreringen står kvar)", content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/handlingar/{nummer}/innehall")
  ResponseEntity<byte[]> innehall(@PathVariable String diarienummer, @PathVariable int nummer) {
    Diarienummer dnr = dnr(diarienummer);
    HandlingInnehall innehall = service.innehall(dnr, nummer)
        .orElseThrow(() -> new HandlingSaknasException(dnr.dokumentnummer(nummer)));
    var gallrad = gallring.gallrad(dnr.dokumentnummer(nummer));
    if (gallrad.isPresent()) {
      throw new GallradException("Innehållet i " + dnr.dokumentnummer(nummer) + " är gallrat. " + gallrad.get().text()
          + " Registreringen står kvar i diariet; arkivexemplaret finns i e-arkivet.");
    }
    var h = innehall.handling();
    byte[] bytes = innehall.bytes();
    String filnamn = h.filnamn() != null ? h.filnamn() : h.dokumentnummer().replace(' ', '-').replace('/', '-') + ".txt";
    MediaType typ = h.harFil() ? MediaType.parseMediaType(h.mediatyp())
        : new MediaType("text", "plain", StandardCharsets.UTF_8);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(typ);
    headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(filnamn));
    headers.setETag("\"" + h.sha256() + "\"");
    headers.set("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(h.sha256())) + ":");
    headers.set("X-Checksum-SHA256", h.sha256());
    // stored content is served as stored: never sniffed into HTML and run by a browser
    headers.set("X-Content-Type-Options", "nosniff");
    return new ResponseEntity<>(bytes, headers, HttpStatus.OK);
  }

  @Operation(operationId = "laggTillHandling", summary = "Lägg till en handling i ett öppet ärende (JSON)",
      description = "Handlingens uppgifter och filen ('fil', innehållet i base64). Handlingen registreras som inkommen "
          + "och får nästa nummer. Samma handling kan skickas som multipart till …/handlingar/med-fil.")
  @ApiResponse(responseCode = "201", description = "Registrerad; Location pekar på handlingen",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dto.Handling.class)))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende")
  @ApiResponse(responseCode = "413", description = "JSON-begäran större än " + BegaransStorlek.MAX_JSON_MB + " MB")
  @ApiResponse(responseCode = "409", description = "Ärendet är avslutat eller återkallat, eller en begäran med samma "
      + "Idempotency-Key pågår")
  @ApiResponse(responseCode = "415", description = "Content-Type är inte application/json")
  @ApiResponse(responseCode = "422", description = "Idempotency-Key återanvänd för en annan begäran")
  @PostMapping(path = "/handlingar", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> laggTill(@PathVariable String diarienummer, @RequestBody Dto.NyHandling handling,
                             @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel)
      throws IOException {
    Diarienummer dnr = dnr(diarienummer);
    if (handling == null) {
      throw new IllegalArgumentException("Begäran saknar innehåll: skicka handlingen som JSON.");
    }
    Dto.Fil fil = handling.fil();
    if (fil == null) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("fil",
          "fil måste anges: filens namn i fil.filnamn och innehållet i base64 i fil.innehall.");
    }
    if (fil.filnamn() == null || fil.filnamn().isBlank()) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("fil.filnamn", "Filens namn måste anges i fil.filnamn.");
    }
    if (fil.innehall() == null) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("fil.innehall",
          "Filens innehåll måste anges i fil.innehall (base64).");
    }
    return laggTill(dnr, handling.uppgifter(), fil.innehall(), fil.filnamn(), nyckel);
  }

  @Operation(operationId = "laggTillHandlingMedFil", summary = "Lägg till en handling i ett öppet ärende (multipart)",
      description = "Delen 'handling' (application/json: rubrik, avsandare, datum) och delen 'fil'. Handlingen "
          + "registreras som inkommen och får nästa nummer. Filnamnet i delens Content-Disposition skrivs i UTF-8.")
  @ApiResponse(responseCode = "201", description = "Registrerad; Location pekar på handlingen",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dto.Handling.class)))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende")
  @ApiResponse(responseCode = "413", description = "För stor fil (högst 25 MB) eller begäran (högst 30 MB)")
  @ApiResponse(responseCode = "409", description = "Ärendet är avslutat eller återkallat, eller en begäran med samma "
      + "Idempotency-Key pågår")
  @ApiResponse(responseCode = "415", description = "Delen 'handling' saknar Content-Type application/json")
  @ApiResponse(responseCode = "422", description = "Idempotency-Key återanvänd för en annan begäran")
  @PostMapping(path = "/handlingar/med-fil", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> laggTillMedFil(@PathVariable String diarienummer,
                                   @RequestPart("handling") Dto.Handlingsuppgifter handling,
                                   @RequestPart("fil") @Schema(type = "string", format = "binary") MultipartFile fil,
                                   @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel)
      throws IOException {
    return laggTill(dnr(diarienummer), handling, fil.getBytes(), fil.getOriginalFilename(), nyckel);
  }

  /** The multipart request to {@code …/handlingar} of callers written before {@code …/handlingar/med-fil}. */
  @Operation(hidden = true)
  @PostMapping(path = "/handlingar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> laggTillMedFilTidigareAdress(@PathVariable String diarienummer,
                                                 @RequestPart("handling") Dto.Handlingsuppgifter handling,
                                                 @RequestPart("fil") MultipartFile fil,
                                                 @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel)
      throws IOException {
    return laggTill(dnr(diarienummer), handling, fil.getBytes(), fil.getOriginalFilename(), nyckel);
  }

  private ResponseEntity<?> laggTill(Diarienummer dnr, Dto.Handlingsuppgifter handling, byte[] bytes, String filnamn,
                                     String nyckel) throws JsonProcessingException {
    if (handling == null || handling.rubrik() == null || handling.rubrik().isBlank()) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("rubrik", "rubrik måste anges.");
    }
    if (handling.rubrik().length() > 500) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("rubrik", "rubrik får vara högst 500 tecken.");
    }
    if (handling.avsandare() != null && handling.avsandare().length() > 200) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("avsandare", "avsandare får vara högst 200 tecken.");
    }
    LocalDate datum = null;
    if (handling.datum() != null) {
      try {
        datum = LocalDate.parse(handling.datum());
      } catch (DateTimeParseException e) {
        throw new se.stockholm.ks.diarium.OgiltigHandlingException("datum", "datum skrivs ÅÅÅÅ-MM-DD.");
      }
    }
    String anvandare = identityService.getCurrentAuthentication().getUserId();
    // the same handling is the same request whichever of the two forms carried it
    String hash = Innehallskontroll.sha256((json.writeValueAsString(handling) + "|" + Innehallskontroll.sha256(bytes)
        + "|" + filnamn).getBytes(StandardCharsets.UTF_8));
    Dto.Handling[] svar = new Dto.Handling[1];
    LocalDate d = datum;
    var tidigare = idempotens.utfor(nyckel, anvandare, hash, () -> service.laggTillHandling(dnr, handling.rubrik(),
        handling.avsandare(), d, bytes, filnamn, h -> {
          svar[0] = h;
          try {
            idempotens.spara(nyckel, anvandare, new Idempotens.Svar(201, url(dnr, h), json.writeValueAsString(h)));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        }));
    if (tidigare.isPresent()) {
      return ResponseEntity.status(tidigare.get().status()).location(URI.create(tidigare.get().location()))
          .header(Idempotens.SVAR_RUBRIK, "true").contentType(MediaType.APPLICATION_JSON).body(tidigare.get().innehall());
    }
    return ResponseEntity.created(URI.create(url(dnr, svar[0]))).body(svar[0]);
  }

  @Operation(operationId = "sekretessmarkeraArende", summary = "Sekretessmarkera hela ärendet",
      description = "Registratorn (ks-kansli) markerar ärendet med bestämmelsen i offentlighets- och sekretesslagen. "
          + "Alla ärendets handlingar, också de som registreras senare, läses då bara av de grupper som handlägger "
          + "ärendet, och det publika e-diariet maskerar avsändare och beskrivning. Markeringen blir en händelse "
          + "med vem som markerade. Samma markering igen ändrar inget.")
  @ApiResponse(responseCode = "200", description = "Markerat; ärendet efteråt")
  @ApiResponse(responseCode = "400", description = "Hänvisningen saknas eller är inte skriven som \"OSL 21 kap. 7 §\"",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "403", description = "Användaren är inte registrator",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende", content = @Content(mediaType = "application/problem+json"))
  @PutMapping(path = "/sekretess", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Arende markeraArende(@PathVariable String diarienummer, @RequestBody Dto.Sekretessmarkering markering) {
    return service.sekretess(dnr(diarienummer), null, hanvisning(markering));
  }

  @Operation(operationId = "havSekretessForArende", summary = "Häv ärendets sekretessmarkering",
      description = "Handlingarnas egna markeringar står kvar. Hävandet blir en händelse med vem som hävde.")
  @ApiResponse(responseCode = "200", description = "Hävt (eller inte markerat); ärendet efteråt")
  @ApiResponse(responseCode = "403", description = "Användaren är inte registrator",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende", content = @Content(mediaType = "application/problem+json"))
  @DeleteMapping(path = "/sekretess", produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Arende havArende(@PathVariable String diarienummer) {
    return service.sekretess(dnr(diarienummer), null, null);
  }

  @Operation(operationId = "sekretessmarkeraHandling", summary = "Sekretessmarkera en handling",
      description = "Registratorn (ks-kansli) markerar handlingen med bestämmelsen i offentlighets- och sekretesslagen. "
          + "Innehållet läses då bara av de grupper som handlägger ärendet (403 för andra), och det publika e-diariet "
          + "maskerar avsändare och beskrivning. Markeringen blir en händelse med vem som markerade.")
  @ApiResponse(responseCode = "200", description = "Markerat; ärendet efteråt")
  @ApiResponse(responseCode = "400", description = "Hänvisningen saknas eller är inte skriven som \"OSL 21 kap. 7 §\"",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "403", description = "Användaren är inte registrator",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende eller ingen sådan handling",
      content = @Content(mediaType = "application/problem+json"))
  @PutMapping(path = "/handlingar/{nummer}/sekretess", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Arende markeraHandling(@PathVariable String diarienummer, @PathVariable int nummer,
                             @RequestBody Dto.Sekretessmarkering markering) {
    return service.sekretess(dnr(diarienummer), nummer, hanvisning(markering));
  }

  @Operation(operationId = "havSekretessForHandling", summary = "Häv en handlings sekretessmarkering",
      description = "En markering av hela ärendet står kvar. Hävandet blir en händelse med vem som hävde.")
  @ApiResponse(responseCode = "200", description = "Hävt (eller inte markerat); ärendet efteråt")
  @ApiResponse(responseCode = "403", description = "Användaren är inte registrator",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende eller ingen sådan handling",
      content = @Content(mediaType = "application/problem+json"))
  @DeleteMapping(path = "/handlingar/{nummer}/sekretess", produces = MediaType.APPLICATION_JSON_VALUE)
  Dto.Arende havHandling(@PathVariable String diarienummer, @PathVariable int nummer) {
    return service.sekretess(dnr(diarienummer), nummer, null);
  }

  private static String hanvisning(Dto.Sekretessmarkering markering) {
    // a missing reference is a bad request (400), never "lift the mark"
    return markering == null || markering.hanvisning() == null ? "" : markering.hanvisning();
  }

  @Operation(operationId = "listaHandelser", summary = "Ärendets händelser", description = "Det som hänt i ärendet, i tidsordning.")
  @ApiResponse(responseCode = "200", description = "Händelserna")
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende", content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/handelser", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Dto.Handelse> handelser(@PathVariable String diarienummer) {
    return service.handelser(dnr(diarienummer));
  }

  /**
   * @param filnamn the file's name as registered
   * @return {@code attachment} with the name twice (RFC 6266): {@code filename*} in UTF-8 (RFC
   *     5987), which browsers use, and {@code filename} in plain ASCII for clients that only read
   *     that one (e.g. {@code curl -OJ}; Spring's own builder put an RFC 2047 word there, which
   *     such clients saved as {@code =?UTF-8?Q?…?=})
   */
  static String contentDisposition(String filnamn) {
    String ascii = java.text.Normalizer.normalize(filnamn, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7e]", "_").replace('"', '\'').replace('\\', '_');
    StringBuilder kodat = new StringBuilder();
    for (byte b : filnamn.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        kodat.append(c);
      } else {
        kodat.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + kodat;
  }

  private static String url(Diarienummer dnr, Dto.Handling h) {
    return "/api/v1/arenden/" + dnr.urlForm() + "/handlingar/" + h.nummer();
  }

  private static Diarienummer dnr(String text) {
    try {
      return Diarienummer.parse(text);
    } catch (IllegalArgumentException e) {
      throw new se.stockholm.ks.diarium.ArendeSaknasException(text, e.getMessage());
    }
  }

  /** The handling's content was gallrad by an archivist's decision (410). */
  static class GallradException extends RuntimeException {
    GallradException(String message) {
      super(message);
    }
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(GallradException.class)
  org.springframework.http.ProblemDetail gallrad(GallradException e) {
    return Problem.av(HttpStatus.GONE, "gallrad", "Handlingen är gallrad", e.getMessage());
  }
}
