package se.stockholm.ks.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.earkiv.Gallring;
import se.stockholm.ks.earkiv.Informationshanteringsplan;
import se.stockholm.ks.earkiv.Leveransbatch;
import se.stockholm.ks.security.Grupper;

/**
 * The archivist's commands ({@code /api/v1/earkiv}, only the group {@code arkivarie}): delivering
 * past ärenden to the e-arkiv ({@link Leveransbatch}), the report of handlingar due for gallring and
 * the gallringsbeslut ({@link Gallring}).
 */
@RestController
@RequestMapping(path = "/api/v1/earkiv", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.TAGG_EARKIV)
class EarkivController {

  private final Leveransbatch batch;
  private final Gallring gallring;
  private final Informationshanteringsplan plan;
  private final IdentityService identityService;

  EarkivController(Leveransbatch batch, Gallring gallring, Informationshanteringsplan plan,
                   IdentityService identityService) {
    this.batch = batch;
    this.gallring = gallring;
    this.plan = plan;
    this.identityService = identityService;
  }

  /**
   * Which ärenden to deliver: a list, or the period in which they were closed.
   *
   * @param diarienummer the ärenden, or null
   * @param avslutadFran the period's first day (inclusive), or null
   * @param avslutadTill the period's last day (inclusive), or null
   */
  record Leveransbegaran(
      @ArraySchema(arraySchema = @Schema(description = "Ärendena som ska levereras (högst " + Leveransbatch.HOGST
          + "); anges i stället för en period"), schema = @Schema(example = "KS 2025/1513", maxLength = 40),
          maxItems = Leveransbatch.HOGST)
      List<String> diarienummer,
      @Schema(description = "Första dagen (inklusive) i perioden då ärendena avslutades eller återkallades",
          example = "2025-01-01") LocalDate avslutadFran,
      @Schema(description = "Sista dagen (inklusive) i perioden", example = "2025-12-31") LocalDate avslutadTill) {
  }

  /**
   * One ärende's outcome.
   *
   * @param diarienummer the ärende
   * @param utfall LEVERERAT, REDAN_LEVERERAT or MISSLYCKADES
   * @param orsak why it failed, or null
   * @param fil the package's file name, or null
   * @param sha256 the package's SHA-256, or null
   */
  record Leveransutfall(
      @Schema(example = "KS 2025/1513") String diarienummer,
      @Schema(description = "LEVERERAT: levererat nu; REDAN_LEVERERAT: levererat tidigare, inget gjordes; "
          + "MISSLYCKADES: inte levererat, se orsak") Leveransbatch.Utfall utfall,
      @Schema(description = "Varför leveransen misslyckades") String orsak,
      @Schema(description = "Paketets filnamn i leveransmappen", example = "KS-2025-1513.zip") String fil,
      @Schema(description = "Paketets SHA-256 i hex", pattern = "^[0-9a-f]{64}$") String sha256) {
  }

  /**
   * The batch's outcome.
   *
   * @param levererade how many were delivered now
   * @param redanLevererade how many were delivered before
   * @param misslyckade how many failed
   * @param arenden each ärende's outcome
   */
  record Leveranssvar(long levererade, long redanLevererade, long misslyckade, List<Leveransutfall> arenden) {
  }

  @Operation(operationId = "levereraTillEarkivet", summary = "Leverera ärenden till e-arkivet",
      description = "Arkivariens kommando för tidigare ärenden: varje avslutat eller återkallat ärende i listan, "
          + "eller i perioden då de avslutades, levereras som validerat arkivpaket till e-arkivets leveransmapp, ett i "
          + "taget. Ett ärende som redan är levererat levereras inte igen. Svaret redovisar varje ärende: levererat, "
          + "redan levererat eller misslyckat med orsaken. Bara för gruppen arkivarie.")
  @ApiResponse(responseCode = "200", description = "Utfallet per ärende")
  @ApiResponse(responseCode = "400", description = "Varken lista eller period, båda, en ofullständig period eller "
      + "fler än " + Leveransbatch.HOGST + " ärenden", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "403", description = "Användaren är inte arkivarie",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/leveranser", consumes = MediaType.APPLICATION_JSON_VALUE)
  Leveranssvar leverera(@RequestBody Leveransbegaran begaran) {
    String av = arkivarie("leverera till e-arkivet");
    boolean lista = begaran.diarienummer() != null;
    boolean period = begaran.avslutadFran() != null || begaran.avslutadTill() != null;
    if (lista == period) {
      throw new IllegalArgumentException("Ange antingen diarienummer (en lista) eller en period (avslutadFran och "
          + "avslutadTill), inte båda och inte ingetdera.");
    }
    List<String> arenden;
    if (lista) {
      if (begaran.diarienummer().isEmpty()) {
        throw new IllegalArgumentException("Listan med diarienummer är tom.");
      }
      arenden = begaran.diarienummer();
    } else {
      if (begaran.avslutadFran() == null || begaran.avslutadTill() == null) {
        throw new IllegalArgumentException("En period behöver både avslutadFran och avslutadTill.");
      }
      arenden = batch.avslutadeMellan(begaran.avslutadFran(), begaran.avslutadTill()).stream()
          .map(Object::toString).toList();
    }
    List<Leveransutfall> utfall = new ArrayList<>();
    for (Leveransbatch.Resultat r : batch.leverera(arenden, av)) {
      utfall.add(new Leveransutfall(r.diarienummer(), r.utfall(), r.orsak(), r.fil(), r.sha256()));
    }
    return new Leveranssvar(antal(utfall, Leveransbatch.Utfall.LEVERERAT),
        antal(utfall, Leveransbatch.Utfall.REDAN_LEVERERAT), antal(utfall, Leveransbatch.Utfall.MISSLYCKADES), utfall);
  }

  /**
   * A line of the informationshanteringsplan.
   *
   * @param handlingstyp the handlingstyp
   * @param regel the rule as the plan writes it
   * @param gallrasEfterAr years after the ärende's close, or null (bevaras)
   */
  record Planrad(Handlingstyp handlingstyp,
                 @Schema(example = "REMISS: gallras efter 2 år") String regel,
                 @Schema(description = "År efter ärendets avslut; saknas när handlingstypen bevaras") Integer gallrasEfterAr) {
  }

  /**
   * The gallring report.
   *
   * @param idag the day it is reckoned from
   * @param informationshanteringsplan the plan's name
   * @param planrader the plan's lines, one per handlingstyp
   * @param forfallna the handlingar due
   */
  record Gallringsrapport(LocalDate idag, String informationshanteringsplan, List<Planrad> planrader,
                          List<GallringsbarHandling> forfallna) {
  }

  /**
   * A handling due for gallring (see {@link Gallring.Forfallen}).
   *
   * @param diarienummer its ärende
   * @param dokumentnummer the handling
   * @param handlingstyp its type
   * @param rubrik its title
   * @param datum its date
   * @param arendetAvslutat the day its ärende was closed
   * @param planrad the plan's line
   * @param gallrasFran the first day it may be gallrad
   */
  record GallringsbarHandling(
      @Schema(example = "KS 2025/1513") String diarienummer,
      @Schema(example = "KS 2025/1513-6") String dokumentnummer,
      Handlingstyp handlingstyp, String rubrik, LocalDate datum,
      @Schema(description = "Dagen då ärendet avslutades eller återkallades") LocalDate arendetAvslutat,
      @Schema(example = "ARENDEDOKUMENT: gallras efter 2 år") String planrad,
      @Schema(description = "Första dagen handlingen får gallras") LocalDate gallrasFran) {

    static GallringsbarHandling av(Gallring.Forfallen f) {
      return new GallringsbarHandling(f.diarienummer(), f.dokumentnummer(), f.handlingstyp(), f.rubrik(), f.datum(),
          f.arendetAvslutat(), f.planrad(), f.gallrasFran());
    }
  }

  @Operation(operationId = "gallringsrapport", summary = "Handlingar som får gallras",
      description = "Handlingarna i ärenden som är levererade till e-arkivet och vars handlingstyp enligt "
          + "informationshanteringsplanen gallras efter N år, när N år har gått sedan ärendet avslutades. Inget "
          + "gallras av sig självt: arkivarien beslutar med POST /api/v1/earkiv/gallringsbeslut. Bara för gruppen "
          + "arkivarie.")
  @ApiResponse(responseCode = "200", description = "Rapporten")
  @ApiResponse(responseCode = "403", description = "Användaren är inte arkivarie",
      content = @Content(mediaType = "application/problem+json"))
  @GetMapping("/gallring")
  Gallringsrapport gallringsrapport() {
    arkivarie("läsa gallringsrapporten");
    List<Planrad> rader = new ArrayList<>();
    for (Handlingstyp t : Handlingstyp.values()) {
      Informationshanteringsplan.Planrad r = plan.rad(t);
      rader.add(new Planrad(t, r.text(), r.gallrasEfterAr()));
    }
    LocalDate idag = Diarium.idag();
    return new Gallringsrapport(idag, plan.beteckning(), rader,
        gallring.forfallna(idag).stream().map(GallringsbarHandling::av).toList());
  }

  /**
   * An archivist's gallringsbeslut.
   *
   * @param handlingar the handlingar to gallra (dokumentnummer)
   * @param motivering a note, or null
   */
  record Gallringsbegaran(
      @ArraySchema(arraySchema = @Schema(description = "Handlingarna som gallras (dokumentnummer ur rapporten, högst "
          + Gallring.HOGST + ")", requiredMode = Schema.RequiredMode.REQUIRED),
          schema = @Schema(example = "KS 2025/1513-2", maxLength = 40), minItems = 1, maxItems = Gallring.HOGST)
      List<String> handlingar,
      @Schema(description = "Arkivariens anteckning till beslutet", maxLength = 2000) String motivering) {
  }

  /**
   * The recorded decision.
   *
   * @param id its number
   * @param beslutadAv the archivist
   * @param beslutadTid when
   * @param informationshanteringsplan the plan applied
   * @param motivering the note, or null
   * @param handlingar the handlingar gallrade
   */
  record Gallringsbeslut(long id, String beslutadAv, OffsetDateTime beslutadTid, String informationshanteringsplan,
                         String motivering, List<GallringsbarHandling> handlingar) {
  }

  @Operation(operationId = "gallra", summary = "Gallra handlingar (gallringsbeslut)",
      description = "Arkivariens uttryckliga beslut: handlingarnas innehåll (text och fil) tas bort ur systemet; "
          + "registreringen i diariet står kvar med kontrollsumman och en hänvisning till beslutet. Beslutet (vem, "
          + "när, vilken plan och rad, vilka handlingar) sparas och blir en händelse i varje ärende. Alla handlingar "
          + "måste vara förfallna enligt rapporten, annars gallras ingenting (409). Bara för gruppen arkivarie.")
  @ApiResponse(responseCode = "200", description = "Beslutet")
  @ApiResponse(responseCode = "400", description = "Ingen handling angiven eller för många",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "403", description = "Användaren är inte arkivarie",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "Någon handling är inte förfallen till gallring; ingenting gallrades",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/gallringsbeslut", consumes = MediaType.APPLICATION_JSON_VALUE)
  Gallringsbeslut gallra(@RequestBody Gallringsbegaran begaran) {
    String av = arkivarie("gallra handlingar");
    if (begaran.motivering() != null && begaran.motivering().length() > 2000) {
      throw new IllegalArgumentException("Motiveringen får vara högst 2000 tecken.");
    }
    Gallring.Beslut b = gallring.gallra(begaran.handlingar() == null ? List.of() : begaran.handlingar(), av,
        begaran.motivering());
    return new Gallringsbeslut(b.id(), b.beslutadAv(), b.beslutadTid(), b.informationshanteringsplan(),
        b.motivering(), b.handlingar().stream().map(GallringsbarHandling::av).toList());
  }

  @ExceptionHandler(Gallring.EjForfallenException.class)
  ProblemDetail ejForfallen(Gallring.EjForfallenException e) {
    ProblemDetail p = Problem.av(HttpStatus.CONFLICT, "ej-forfallen-till-gallring",
        "Ingenting gallrades", e.getMessage());
    p.setProperty("fel", e.orsaker().entrySet().stream()
        .map(o -> Map.of("falt", o.getKey(), "meddelande", o.getValue())).toList());
    return p;
  }

  private String arkivarie(String vad) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Grupper.ARKIVARIE)) {
      throw new ArendeService.EjBehorigException("Användaren " + (user == null ? "" : user.getUserId())
          + " får inte " + vad + " (gruppen arkivarie).");
    }
    return user.getUserId();
  }

  private static long antal(List<Leveransutfall> u, Leveransbatch.Utfall utfall) {
    return u.stream().filter(x -> x.utfall() == utfall).count();
  }
}
