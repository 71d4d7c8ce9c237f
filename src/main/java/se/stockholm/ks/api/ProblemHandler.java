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

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import se.stockholm.ks.diarium.ArendeSaknasException;
import se.stockholm.ks.diarium.OgiltigHandlingException;

/**
 * Every error of {@code /api/v1} as {@code application/problem+json} (RFC 9457), with a Swedish
 * message a developer can act on and, for invalid input, the fields at fault in {@code fel}. A bad
 * request is never a 500.
 */
@RestControllerAdvice(basePackageClasses = ProblemHandler.class)
class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

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
    Throwable cause = e.getMostSpecificCause();
    if (e.getCause() instanceof UnrecognizedPropertyException u) {
      return Problem.ogiltig(sokvag(u), "Okänt fält '" + u.getPropertyName() + "'. Kända fält: "
          + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
    }
    if (e.getCause() instanceof InvalidFormatException f) {
      return Problem.ogiltig(sokvag(f), "Fel typ: " + f.getValue() + " kan inte tolkas som "
          + typ(f.getTargetType()) + ".");
    }
    if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return Problem.ogiltig(sokvag(m), "Fel typ: " + typ(m.getTargetType()) + " väntades här.");
    }
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return Problem.ogiltig(sokvag(m), "Ogiltigt värde: " + m.getOriginalMessage());
    }
    return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-json", "Ogiltig JSON",
        "Begärans innehåll är inte giltig JSON enligt API-beskrivningen: " + (cause == null ? "" : cause.getMessage()));
  }

  @ExceptionHandler(ArendeSaknasException.class)
  ProblemDetail saknas(ArendeSaknasException e) {
    return Problem.av(HttpStatus.NOT_FOUND, "arende-saknas", "Ärendet finns inte", e.getMessage());
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
        "Filen eller begäran är för stor: högst 25 MB per fil.");
  }

  @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
  ProblemDetail multipart(Exception e) {
    return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-multipart", "Ogiltig multipart-begäran",
        "Multipart-begäran ska ha delen 'skrivelse' (application/json) och eventuellt delen 'fil': " + e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediatyp(HttpMediaTypeNotSupportedException e) {
    return Problem.av(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "mediatyp", "Mediatypen stöds inte",
        "Skicka application/json eller multipart/form-data.");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ProblemDetail accept(HttpMediaTypeNotAcceptableException e) {
    return Problem.av(HttpStatus.NOT_ACCEPTABLE, "accept", "Kan inte svara i det formatet", e.getMessage());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail metod(HttpRequestMethodNotSupportedException e) {
    return Problem.av(HttpStatus.METHOD_NOT_ALLOWED, "metod", "Metoden stöds inte", e.getMessage());
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
  ProblemDetail parameter(Exception e) {
    return Problem.av(HttpStatus.BAD_REQUEST, "ogiltig-parameter", "Ogiltig parameter", e.getMessage());
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

  @ExceptionHandler(Exception.class)
  ProblemDetail ovantat(Exception e) {
    LOG.error("Oväntat fel i API:t", e);
    return Problem.av(HttpStatus.INTERNAL_SERVER_ERROR, "internt-fel", "Internt fel",
        "Ett oväntat fel inträffade; inget har registrerats. Försök igen eller kontakta förvaltningen.");
  }

  private static String sokvag(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String typ(Class<?> c) {
    if (c == null) {
      return "ett annat värde";
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
