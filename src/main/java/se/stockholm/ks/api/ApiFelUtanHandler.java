package se.stockholm.ks.api;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Problem details also for the errors that happen before a controller of {@code /api/v1} is
 * chosen: a Content-Type no operation consumes (415), an Accept none produces (406), a method
 * the address does not have (405), an unknown address (404), an oversized or unreadable multipart
 * body (413, 400). {@link ProblemHandler}, a controller advice, only sees errors raised once a
 * controller is chosen; without this they would get Spring Boot's default error JSON, or a 500.
 */
@Component
class ApiFelUtanHandler implements HandlerExceptionResolver, Ordered {

  private final ProblemHandler problemHandler;
  private final ObjectMapper json;

  ApiFelUtanHandler(ProblemHandler problemHandler, ObjectMapper json) {
    this.problemHandler = problemHandler;
    this.json = json;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                       Exception ex) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // a controller's own errors go to its advice; this is for the errors before there is one
    if (handler instanceof HandlerMethod || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/openapi")
        || path.startsWith("/api/v1/dokumentation")) {
      return null;
    }
    HttpHeaders headers = new HttpHeaders();
    ProblemDetail problem;
    if (ex instanceof HttpMediaTypeNotSupportedException e) {
      problem = problemHandler.mediatyp(e);
      headers.setAccept(e.getSupportedMediaTypes());
    } else if (ex instanceof HttpMediaTypeNotAcceptableException e) {
      problem = problemHandler.accept(e);
    } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
      problem = problemHandler.metod(e);
      if (e.getSupportedHttpMethods() != null) {
        headers.setAllow(e.getSupportedHttpMethods());
      }
    } else if (ex instanceof NoResourceFoundException e) {
      problem = problemHandler.okandAdress(e);
    } else if (ex instanceof MaxUploadSizeExceededException e) {
      problem = problemHandler.forStor(e);
    } else if (ex instanceof MultipartException e) {
      problem = problemHandler.multipart(e);
    } else {
      var svar = problemHandler.ovantat(ex);
      problem = svar.getBody();
      headers.addAll(svar.getHeaders());
    }
    problem.setInstance(URI.create(path));
    try {
      response.setStatus(problem.getStatus());
      headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }
}
