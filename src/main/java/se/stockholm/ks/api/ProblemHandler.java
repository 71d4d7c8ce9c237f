package se.stockholm.ks.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import se.stockholm.ks.diarium.ArendeSaknasException;
import se.stockholm.ks.drift.Databasfel;
import se.stockholm.ks.drift.Databasvakt;
import se.stockholm.ks.diarium.OgiltigHandlingException;

/**
 * Every error of {@code /api/v1} as {@code application/problem+json} (RFC 9457), with a Swedish
 * message a developer can act on and, for invalid input, the fields at fault in {@code fel}. A bad
 * request is never a 500.
 */
@RestControllerAdvice(basePackages = {"se.stockholm.ks.api", "se.stockholm.ks.demo"})
class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private final Databasvakt vakt;

  ProblemHandler(Databasvakt vakt) {
    this.vakt = vakt;
  }

  @ExceptionHandler(FormFieldValidationException.class)
  ProblemDetail ogiltigaFalt(FormFieldValidationException e) {
    Object detail = e.getDetail();
    Map<String, String> fel = new LinkedHashMap<>();
    if (detail instanceof Map<?, ?> map) {
      map.forEach((k, v) -> fel.put(ApiFalt.fran(String.valueOf(k)), String.valueOf(v)));
    } else {
      fel.put("", e.getMessage());
    }
    return Problem.ogiltig(fel);
  }

  @ExceptionHandler(OgiltigHandlingException.class)
  ProblemDetail ogiltigHandling(OgiltigHandlingException e) {
    return Problem.ogiltig(ApiFalt.fran(e.falt()), e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail ogiltigtArgument(IllegalArgumentException e) {
    return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-begaran", "Ogiltig begäran", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail olasbar(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-json", "Ogiltig JSON",
          "Begäran saknar innehåll: skicka ett JSON-objekt enligt API-beskrivningen (/api/v1/openapi).");
    }
    if (e.getMostSpecificCause() instanceof BegaransStorlek.ForStorBegaranException
        || e.getMostSpecificCause() instanceof StreamConstraintsException) {
      return forStorJson();
    }
    if (cause instanceof UnrecognizedPropertyException u) {
      return Problem.ogiltig(sokvag(u), "Okänt fält '" + u.getPropertyName() + "'. Kända fält: "
          + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
    }
    if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty() && f.getTargetType() == byte[].class) {
      return Problem.ogiltig(sokvag(f), "Fältet '" + sokvag(f) + "' ska vara filens innehåll i base64 (RFC 4648).");
    }
    if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      return Problem.ogiltig(sokvag(f), "Fel typ: " + f.getValue() + " kan inte tolkas som "
          + typ(f.getTargetType()) + ".");
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return Problem.ogiltig(sokvag(m), "Fel typ: " + typ(m.getTargetType()) + " väntades här.");
    }
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return Problem.ogiltig(sokvag(m), "Ogiltigt värde i fältet '" + sokvag(m) + "'.");
    }
    if (cause instanceof MismatchedInputException m && m.getOriginalMessage() != null
        && m.getOriginalMessage().startsWith("Trailing token")) {
      return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-json", "Ogiltig JSON",
          "Begärans innehåll är inte giltig JSON: det finns tecken efter JSON-objektets slut" + plats(m) + ".");
    }
    if (cause instanceof MismatchedInputException m) {
      return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-json", "Ogiltig JSON",
          "Begärans innehåll ska vara ett JSON-objekt enligt API-beskrivningen (/api/v1/openapi)" + plats(m) + ".");
    }
    if (cause instanceof JsonProcessingException p) {
      return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-json", "Ogiltig JSON",
          "Begärans innehåll är inte giltig JSON" + plats(p)
              + ". Kontrollera citattecken, kommatecken och klamrar.");
    }
    return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-json", "Ogiltig JSON",
        "Begärans innehåll kunde inte läsas som JSON enligt API-beskrivningen (/api/v1/openapi).");
  }

  @ExceptionHandler(ArendeSaknasException.class)
  ProblemDetail saknas(ArendeSaknasException e) {
    return Problem.av(HttpStatus.NOT_FOUND, "arende-saknas", "Ärendet finns inte", e.getMessage());
  }

  @ExceptionHandler(SammantradeController.SammantradeSaknasException.class)
  ProblemDetail sammantradeSaknas(SammantradeController.SammantradeSaknasException e) {
    return Problem.av(HttpStatus.NOT_FOUND, "sammantrade-saknas", "Sammanträdet finns inte", e.getMessage());
  }

  @ExceptionHandler(HandlingSaknasException.class)
  ProblemDetail handlingSaknas(HandlingSaknasException e) {
    return Problem.av(HttpStatus.NOT_FOUND, "handling-saknas", "Handlingen finns inte", e.getMessage());
  }

  @ExceptionHandler(ArendeService.KonfliktException.class)
  ProblemDetail konflikt(ArendeService.KonfliktException e) {
    return Problem.av(HttpStatus.CONFLICT, "konflikt", "Inte möjligt i ärendets nuvarande skede", e.getMessage());
  }

  @ExceptionHandler(Idempotens.PagarException.class)
  ProblemDetail pagar(Idempotens.PagarException e) {
    return Problem.av(HttpStatus.CONFLICT, "idempotens-pagar", "Begäran behandlas redan", e.getMessage());
  }

  @ExceptionHandler(Idempotens.AnnanBegaranException.class)
  ProblemDetail annanBegaran(Idempotens.AnnanBegaranException e) {
    return Problem.av(HttpStatus.UNPROCESSABLE_ENTITY, "idempotens-ateranvand", "Idempotency-Key återanvänd",
        e.getMessage());
  }

  @ExceptionHandler({ArendeService.EjBehorigException.class, AuthorizationException.class})
  ProblemDetail ejBehorig(RuntimeException e) {
    return Problem.av(HttpStatus.FORBIDDEN, "ej-behorig", "Inte behörig",
        e instanceof AuthorizationException ? "Användaren saknar behörighet för detta." : e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail forStor(MaxUploadSizeExceededException e) {
    return Problem.av(HttpStatus.PAYLOAD_TOO_LARGE, "for-stor", "För stor begäran",
        "Filen eller begäran är för stor: högst 25 MB per fil och 30 MB för hela begäran.");
  }

  @ExceptionHandler(BegaransStorlek.ForStorBegaranException.class)
  ProblemDetail forStorJson(BegaransStorlek.ForStorBegaranException e) {
    return forStorJson();
  }

  static ProblemDetail forStorJson() {
    return Problem.av(HttpStatus.PAYLOAD_TOO_LARGE, "for-stor", "För stor begäran",
        "Begäran är för stor: en JSON-begäran får vara högst " + BegaransStorlek.MAX_JSON_MB
            + " MB. Bifoga stora skrivelser som fil (multipart/form-data).");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail delSaknas(MissingServletRequestPartException e) {
    return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-multipart", "Ogiltig multipart-begäran",
        "Delen '" + e.getRequestPartName() + "' saknas i multipart-begäran. Se API-beskrivningen för vilka delar "
            + "som krävs (skrivelser: 'skrivelse' och eventuellt 'fil'; handlingar: 'handling' och 'fil').");
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail multipart(MultipartException e) {
    return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-multipart", "Ogiltig multipart-begäran",
        "Multipart-begäran kunde inte läsas: kontrollera Content-Type (multipart/form-data med boundary) "
            + "och delarnas rubriker.");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediatyp(HttpMediaTypeNotSupportedException e) {
    String typ = e.getContentType() == null ? "utan Content-Type" : "'" + e.getContentType() + "'";
    return Problem.av(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "mediatyp", "Mediatypen stöds inte",
        "En begäran " + (e.getContentType() == null ? typ : "med Content-Type " + typ) + " tas inte emot här. "
            + "Skicka application/json, eller multipart/form-data där JSON-delen ('skrivelse' eller 'handling') "
            + "har Content-Type application/json.");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ProblemDetail accept(HttpMediaTypeNotAcceptableException e) {
    return Problem.av(HttpStatus.NOT_ACCEPTABLE, "accept", "Kan inte svara i det formatet",
        "API:t svarar med application/json (fel med application/problem+json); ange det i Accept.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail metod(HttpRequestMethodNotSupportedException e) {
    String tillatna = e.getSupportedHttpMethods() == null ? ""
        : " Tillåtna: " + e.getSupportedHttpMethods().stream().map(Object::toString).sorted()
            .collect(Collectors.joining(", ")) + ".";
    return Problem.av(HttpStatus.METHOD_NOT_ALLOWED, "metod", "Metoden stöds inte",
        "Metoden " + e.getMethod() + " stöds inte på den här adressen." + tillatna);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail parameter(MethodArgumentTypeMismatchException e) {
    String vantat = e.getRequiredType() != null && Number.class.isAssignableFrom(
        org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(e.getRequiredType())) ? "ett heltal" : "ett annat värde";
    return Problem.ogiltig(e.getName(), "Parametern '" + e.getName() + "' ska vara " + vantat + " (fick '"
        + e.getValue() + "').");
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ProblemDetail rubrikSaknas(MissingRequestHeaderException e) {
    return Problem.ogiltig(e.getHeaderName(), "Rubriken " + e.getHeaderName() + " saknas i begäran.");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail okandAdress(NoResourceFoundException e) {
    return Problem.av(HttpStatus.NOT_FOUND, "okand-adress", "Okänd adress",
        "Adressen finns inte i API:t. Se /api/v1/openapi.");
  }

  @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
  ProblemDetail status(org.springframework.web.server.ResponseStatusException e) {
    return Problem.av(HttpStatus.valueOf(e.getStatusCode().value()), "fel", e.getReason() == null ? "Fel" : e.getReason(),
        e.getReason() == null ? e.getMessage() : e.getReason());
  }

  /**
   * Any other error: 503 with {@code Retry-After} when the database was away (the request may be
   * sent again), 500 otherwise.
   */
  @ExceptionHandler(Exception.class)
  org.springframework.http.ResponseEntity<ProblemDetail> ovantat(Exception e) {
    if (Databasfel.arOtillganglig(e)) {
      LOG.warn("Databasen svarar inte: {}", e.toString());
      vakt.markeraOtillganglig(e);
      return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(Databasfel.FORSOK_IGEN.toSeconds()))
          .body(Databasfel.problem(null));
    }
    LOG.error("Oväntat fel i API:t", e);
    return org.springframework.http.ResponseEntity.internalServerError().body(
        Problem.av(HttpStatus.INTERNAL_SERVER_ERROR, "internt-fel", "Internt fel",
            "Ett oväntat fel inträffade; inget har registrerats. Försök igen eller kontakta förvaltningen."));
  }

  private static String sokvag(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String plats(JsonProcessingException e) {
    var l = e.getLocation();
    return l == null || l.getLineNr() < 1 ? "" : " (rad " + l.getLineNr() + ", kolumn " + l.getColumnNr() + ")";
  }

  private static String typ(Class<?> c) {
    if (c == null) {
      return "ett annat värde";
    }
    if (c == byte[].class) {
      return "text i base64";
    }
    if (CharSequence.class.isAssignableFrom(c)) {
      return "text";
    }
    if (java.util.Collection.class.isAssignableFrom(c)) {
      return "en lista";
    }
    return c.isRecord() ? "ett objekt" : c.getSimpleName();
  }
}
