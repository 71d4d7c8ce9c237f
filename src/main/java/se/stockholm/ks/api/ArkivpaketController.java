package se.stockholm.ks.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import se.stockholm.ks.diarium.ArendeSaknasException;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.earkiv.Arkivpaket;
import se.stockholm.ks.earkiv.ArkivpaketException;
import se.stockholm.ks.earkiv.Arkivpaketbyggare;
import se.stockholm.ks.earkiv.EjArkiverbartException;
import se.stockholm.ks.security.Grupper;

/**
 * {@code GET /api/v1/arenden/{diarienummer}/arkivpaket}: a closed or withdrawn ärende as a
 * validated E-ARK SIP (ZIP), for the archivist ({@code arkivarie}) and the administrator; every
 * other group gets 403.
 */
@RestController
@RequestMapping("/api/v1/arenden/{diarienummer}")
@Tag(name = OpenApiConfig.TAGG_ARENDEN)
class ArkivpaketController {

  private final Arkivpaketbyggare byggare;
  private final IdentityService identityService;

  ArkivpaketController(Arkivpaketbyggare byggare, IdentityService identityService) {
    this.byggare = byggare;
    this.identityService = identityService;
  }

  @Operation(operationId = "hamtaArkivpaket", summary = "Hämta ärendets arkivpaket (E-ARK SIP)",
      description = "Ett avslutat eller återkallat ärende som E-ARK SIP (ZIP): METS.xml, ERMS.xml (CITS ERMS 2.1), "
          + "PREMIS med SHA-256 för varje fil och handlingarna i representations/rep1/data. Paketet är validerat "
          + "(ERMS-schemat och E-ARK-valideraren) innan det lämnas ut. Bara för gruppen arkivarie.")
  @ApiResponse(responseCode = "200", description = "Arkivpaketet",
      content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
      headers = @Header(name = "Repr-Digest", description = "Paketets SHA-256 (RFC 9530)", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "403", description = "Användaren är inte arkivarie", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "Inget sådant ärende", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "Ärendet är inte avslutat eller återkallat",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping(path = "/arkivpaket", produces = {"application/zip", "application/problem+json"})
  ResponseEntity<StreamingResponseBody> arkivpaket(@PathVariable String diarienummer) throws IOException {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null
        || !(user.getGroupIds().contains(Grupper.ARKIVARIE) || user.getGroupIds().contains(Grupper.CAMUNDA_ADMIN))) {
      throw new ArendeService.EjBehorigException("Användaren " + (user == null ? "" : user.getUserId())
          + " får inte hämta arkivpaket (gruppen arkivarie).");
    }
    Diarienummer dnr;
    try {
      dnr = Diarienummer.parse(diarienummer);
    } catch (IllegalArgumentException e) {
      throw new ArendeSaknasException(diarienummer, e.getMessage());
    }
    Path mapp = Files.createTempDirectory("arkivpaket-api-");
    Arkivpaket paket;
    try {
      paket = byggare.bygg(dnr, mapp);
    } catch (RuntimeException e) {
      FileSystemUtils.deleteRecursively(mapp);
      throw e;
    }
    StreamingResponseBody body = (OutputStream ut) -> {
      try (InputStream in = Files.newInputStream(paket.zip())) {
        in.transferTo(ut);
      } finally {
        FileSystemUtils.deleteRecursively(mapp);
      }
    };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, "application/zip")
        .header(HttpHeaders.CONTENT_LENGTH, Long.toString(paket.storlek()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(paket.paketId() + ".zip").build().toString())
        .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
            .encodeToString(HexFormat.of().parseHex(paket.sha256())) + ":")
        .body(body);
  }

  @ExceptionHandler(EjArkiverbartException.class)
  ProblemDetail ejArkiverbart(EjArkiverbartException e) {
    return Problem.av(HttpStatus.CONFLICT, "ej-arkiverbart", "Ärendet kan inte arkiveras ännu", e.getMessage());
  }

  @ExceptionHandler(ArkivpaketException.class)
  ProblemDetail paketfel(ArkivpaketException e) {
    return Problem.av(HttpStatus.INTERNAL_SERVER_ERROR, "arkivpaket-ogiltigt",
        "Arkivpaketet kunde inte skapas", e.getMessage());
  }
}
