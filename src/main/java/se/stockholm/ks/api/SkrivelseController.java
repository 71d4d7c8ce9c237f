package se.stockholm.ks.api;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.skrivelse.Variabler;

/**
 * Registers a skrivelse and starts its ärende: {@code POST /api/v1/skrivelser} as JSON (a file, if
 * any, in base64 inside it) and {@code POST /api/v1/skrivelser/med-fil} as multipart (the part
 * {@code skrivelse} in JSON, the part {@code fil} the file). Two paths, so that client generators,
 * which make one method per path and method, produce both. A multipart request to
 * {@code /api/v1/skrivelser} is still accepted for callers written before the split; it is left
 * out of the OpenAPI document.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = OpenApiConfig.TAGG_SKRIVELSER)
class SkrivelseController {

  private final ArendeService service;
  private final Idempotens idempotens;
  private final IdentityService identityService;
  private final ObjectMapper json;

  SkrivelseController(ArendeService service, Idempotens idempotens, IdentityService identityService,
                      ObjectMapper json) {
    this.service = service;
    this.idempotens = idempotens;
    this.identityService = identityService;
    this.json = json;
  }

  @Operation(operationId = "registreraSkrivelse", summary = "Registrera en skrivelse (JSON)",
      description = "Registrerar skrivelsen i diariet (nytt diarienummer, skrivelsen blir handling -1) och startar "
          + "ärendet. En fil bifogas i 'fil' med innehållet i base64 (eller som multipart till "
          + "/api/v1/skrivelser/med-fil). Med samma Idempotency-Key ger en upprepad begäran samma svar och skapar "
          + "inget nytt.")
  @ApiResponse(responseCode = "201", description = "Registrerad; Location pekar på ärendet",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dto.SkrivelseRegistrerad.class)))
  @ApiResponse(responseCode = "409", description = "En begäran med samma Idempotency-Key pågår")
  @ApiResponse(responseCode = "422", description = "Idempotency-Key återanvänd för en annan begäran")
  @ApiResponse(responseCode = "413", description = "JSON-begäran större än " + BegaransStorlek.MAX_JSON_MB + " MB")
  @ApiResponse(responseCode = "415", description = "Content-Type är inte application/json")
  @PostMapping(path = "/skrivelser", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> registrera(
      @RequestBody Dto.NySkrivelse skrivelse,
      @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel) throws JsonProcessingException {
    if (skrivelse == null) {
      throw new IllegalArgumentException("Begäran saknar innehåll: skicka skrivelsen som JSON.");
    }
    Dto.Fil fil = skrivelse.fil();
    if (fil == null) {
      return registrera(skrivelse.uppgifter(), null, nyckel);
    }
    if (fil.filnamn() == null || fil.filnamn().isBlank()) {
      throw new OgiltigHandlingException("fil.filnamn", "Filens namn måste anges i fil.filnamn.");
    }
    if (fil.innehall() == null) {
      throw new OgiltigHandlingException("fil.innehall", "Filens innehåll måste anges i fil.innehall (base64).");
    }
    return registrera(skrivelse.uppgifter(), new Bifogad(fil.filnamn(), fil.innehall(), null), nyckel);
  }

  @Operation(operationId = "registreraSkrivelseMedFil", summary = "Registrera en skrivelse med fil (multipart)",
      description = "Delen 'skrivelse' (application/json, samma fält som JSON-varianten utom 'fil') och delen 'fil' "
          + "(valfri; PDF, Word, OpenDocument, RTF, text, PNG eller JPEG, högst 25 MB; typen avgörs av innehållet). "
          + "Filnamnet i delens Content-Disposition skrivs i UTF-8.")
  @ApiResponse(responseCode = "201", description = "Registrerad; Location pekar på ärendet",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dto.SkrivelseRegistrerad.class)))
  @ApiResponse(responseCode = "413", description = "För stor fil (högst 25 MB) eller begäran (högst 30 MB)")
  @ApiResponse(responseCode = "409", description = "En begäran med samma Idempotency-Key pågår")
  @ApiResponse(responseCode = "415", description = "Delen 'skrivelse' saknar Content-Type application/json")
  @ApiResponse(responseCode = "422", description = "Idempotency-Key återanvänd för en annan begäran")
  @PostMapping(path = "/skrivelser/med-fil", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> registreraMedFil(
      @RequestPart("skrivelse") Dto.Skrivelseuppgifter skrivelse,
      @RequestPart(name = "fil", required = false) @Schema(type = "string", format = "binary") MultipartFile fil,
      @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel) throws IOException {
    return registrera(skrivelse, bifogad(fil), nyckel);
  }

  /** The multipart request to {@code /api/v1/skrivelser} of callers written before {@code /med-fil}. */
  @Operation(hidden = true)
  @PostMapping(path = "/skrivelser", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> registreraMedFilTidigareAdress(
      @RequestPart("skrivelse") Dto.Skrivelseuppgifter skrivelse,
      @RequestPart(name = "fil", required = false) MultipartFile fil,
      @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel) throws IOException {
    return registrera(skrivelse, bifogad(fil), nyckel);
  }

  /** A file that came with the request: its name as sent, its bytes, the media type the sender gave (or null). */
  private record Bifogad(String filnamn, byte[] bytes, String mediatyp) {
  }

  private static Bifogad bifogad(MultipartFile fil) {
    if (fil == null || fil.isEmpty() && fil.getOriginalFilename() == null) {
      return null;
    }
    try {
      return new Bifogad(fil.getOriginalFilename() == null ? "skrivelse" : fil.getOriginalFilename(), fil.getBytes(),
          fil.getContentType());
    } catch (IOException e) {
      throw new IllegalArgumentException("Filen kunde inte läsas: " + e.getMessage());
    }
  }

  private ResponseEntity<?> registrera(Dto.Skrivelseuppgifter s, Bifogad fil, String nyckel)
      throws JsonProcessingException {
    if (s == null) {
      throw new IllegalArgumentException("Begäran saknar innehåll: skicka skrivelsen som JSON.");
    }
    if (s.fragor() != null) {
      for (int i = 0; i < s.fragor().size(); i++) {
        if (s.fragor().get(i) == null) {
          // a null would reach the engine as a question "null" (or break its list serializer)
          throw new OgiltigHandlingException("fragor[" + i + "]",
              "Fel typ: null är ingen fråga; varje fråga ska vara en text.");
        }
      }
    }
    Map<String, Object> indata = new HashMap<>();
    indata.put(Variabler.RUBRIK, s.rubrik());
    if (s.avsandare() != null) {
      indata.put(Variabler.AVSANDARE_NAMN, s.avsandare().namn());
      indata.put(Variabler.AVSANDARE_PARTI, s.avsandare().parti());
      indata.put(Variabler.AVSANDARE_ROLL, s.avsandare().roll());
    }
    indata.put(Variabler.INKOM, s.inkom());
    indata.put(Variabler.FRAGOR, s.fragor());
    indata.put(Variabler.SKRIVELSE_TEXT, s.text());
    String filHash = "";
    if (fil != null) {
      filHash = Innehallskontroll.sha256(fil.bytes()) + "|" + fil.filnamn();
      indata.put(Variabler.SKRIVELSE_FIL, Variables.fileValue(fil.filnamn())
          .file(fil.bytes()).mimeType(fil.mediatyp()).create());
    }
    String anvandare = identityService.getCurrentAuthentication().getUserId();
    // the same skrivelse is the same request whichever of the two forms carried it
    String hash = Innehallskontroll.sha256((json.writeValueAsString(s) + "|" + filHash)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Dto.SkrivelseRegistrerad[] svar = new Dto.SkrivelseRegistrerad[1];
    var tidigare = idempotens.utfor(nyckel, anvandare, hash, () -> service.registreraSkrivelse(indata, dnr -> {
      svar[0] = svar(dnr);
      try {
        idempotens.spara(nyckel, anvandare, new Idempotens.Svar(201, svar[0].url(), json.writeValueAsString(svar[0])));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }));
    if (tidigare.isPresent()) {
      Idempotens.Svar t = tidigare.get();
      return ResponseEntity.status(t.status()).location(URI.create(t.location()))
          .header(Idempotens.SVAR_RUBRIK, "true")
          .contentType(MediaType.APPLICATION_JSON).body(t.innehall());
    }
    return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(svar[0].url())).body(svar[0]);
  }

  private static Dto.SkrivelseRegistrerad svar(Diarienummer dnr) {
    return new Dto.SkrivelseRegistrerad(dnr.toString(), "/api/v1/arenden/" + dnr.urlForm(), "PAGAENDE",
        dnr.dokumentnummer(1));
  }
}
