package se.stockholm.ks.api;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
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

/** {@code POST /api/v1/skrivelser}: registers a skrivelse and starts its ärende. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Skrivelser", description = "Registrera en skrivelse till kommunstyrelsen")
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

  @Operation(summary = "Registrera en skrivelse (JSON)",
      description = "Registrerar skrivelsen i diariet (nytt diarienummer, skrivelsen blir handling -1) och startar "
          + "ärendet. Med samma Idempotency-Key ger en upprepad begäran samma svar och skapar inget nytt.")
  @ApiResponse(responseCode = "201", description = "Registrerad; Location pekar på ärendet",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dto.SkrivelseRegistrerad.class)),
      headers = {
          @Header(name = "Location", description = "Ärendets adress, t.ex. /api/v1/arenden/KS-2025-1513"),
          @Header(name = "Idempotent-Replayed", description = "true när svaret är det sparade svaret på en tidigare "
              + "begäran med samma Idempotency-Key")})
  @ApiResponse(responseCode = "400", description = "Ogiltig begäran; fälten som är fel anges i 'fel'",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "En begäran med samma Idempotency-Key pågår",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "422", description = "Idempotency-Key återanvänd för en annan begäran",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "413", description = "JSON-begäran större än 10 MB",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "415", description = "Content-Type är varken application/json eller multipart/form-data",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/skrivelser", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> registrera(
      @RequestBody Dto.NySkrivelse skrivelse,
      @Parameter(description = "Valfri nyckel (högst 200 tecken) som gör begäran idempotent")
      @RequestHeader(name = "Idempotency-Key", required = false) String nyckel) throws JsonProcessingException {
    return registrera(skrivelse, null, nyckel);
  }

  @Operation(summary = "Registrera en skrivelse med fil (multipart)",
      description = "Delen 'skrivelse' (application/json, samma fält som JSON-varianten) och delen 'fil' "
          + "(PDF, Word, OpenDocument, RTF, text, PNG eller JPEG, högst 25 MB; typen avgörs av innehållet).")
  @ApiResponse(responseCode = "201", description = "Registrerad; Location pekar på ärendet",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dto.SkrivelseRegistrerad.class)),
      headers = {
          @Header(name = "Location", description = "Ärendets adress, t.ex. /api/v1/arenden/KS-2025-1513"),
          @Header(name = "Idempotent-Replayed", description = "true när svaret är det sparade svaret på en tidigare "
              + "begäran med samma Idempotency-Key")})
  @ApiResponse(responseCode = "400", description = "Ogiltig begäran", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "413", description = "För stor fil (högst 25 MB) eller begäran (högst 30 MB)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "En begäran med samma Idempotency-Key pågår",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "415", description = "Delen 'skrivelse' saknar Content-Type application/json",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "422", description = "Idempotency-Key återanvänd för en annan begäran",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/skrivelser", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> registreraMedFil(
      @RequestPart("skrivelse") Dto.NySkrivelse skrivelse,
      @RequestPart(name = "fil", required = false) @Schema(type = "string", format = "binary") MultipartFile fil,
      @Parameter(description = "Valfri nyckel (högst 200 tecken) som gör begäran idempotent")
      @RequestHeader(name = "Idempotency-Key", required = false) String nyckel) throws IOException {
    return registrera(skrivelse, fil, nyckel);
  }

  private ResponseEntity<?> registrera(Dto.NySkrivelse s, MultipartFile fil, String nyckel) throws JsonProcessingException {
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
    if (fil != null && !fil.isEmpty() || fil != null && fil.getOriginalFilename() != null) {
      byte[] bytes;
      try {
        bytes = fil.getBytes();
      } catch (IOException e) {
        throw new IllegalArgumentException("Filen kunde inte läsas: " + e.getMessage());
      }
      filHash = Innehallskontroll.sha256(bytes);
      indata.put(Variabler.SKRIVELSE_FIL, Variables.fileValue(fil.getOriginalFilename() == null ? "skrivelse" : fil.getOriginalFilename())
          .file(bytes).mimeType(fil.getContentType()).create());
    }
    String anvandare = identityService.getCurrentAuthentication().getUserId();
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
          .header("Idempotent-Replayed", "true")
          .contentType(MediaType.APPLICATION_JSON).body(t.innehall());
    }
    return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(svar[0].url())).body(svar[0]);
  }

  private static Dto.SkrivelseRegistrerad svar(Diarienummer dnr) {
    return new Dto.SkrivelseRegistrerad(dnr.toString(), "/api/v1/arenden/" + dnr.urlForm(), "PAGAENDE",
        dnr.dokumentnummer(1));
  }
}
