package se.stockholm.ks.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.skrivelse.Skrivelseinlamning;

/**
 * Starting a skrivelse through the engine's own REST API
 * ({@code POST /engine-rest/process-definition/key/skrivelse/start} or {@code …/submit-form}) keeps
 * its variable contract (see {@link Skrivelseinlamning}); this filter checks the variables before
 * the engine sees them and answers invalid ones with 400 and a problem detail naming each variable.
 * The engine would otherwise answer the same refusal with 500. Nothing is started either way.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestStartValidering {

  private static final Pattern START = Pattern.compile(
      "^/engine-rest/process-definition/(key/skrivelse|skrivelse:[^/]+)/(start|submit-form)$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestStartFilter(Skrivelseinlamning inlamning, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(inlamning, json));
    registration.setName("ks-engine-rest-start-validering");
    registration.addUrlPatterns("/engine-rest/process-definition/*");
    registration.setOrder(20);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final Skrivelseinlamning inlamning;
    private final ObjectMapper json;

    Filter(Skrivelseinlamning inlamning, ObjectMapper json) {
      this.inlamning = inlamning;
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return !"POST".equals(request.getMethod()) || !START.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      byte[] body = request.getInputStream().readAllBytes();
      try {
        Map<String, String> typfel = typfel(body);
        if (!typfel.isEmpty()) {
          svara(response, Problem.ogiltig(typfel));
          return;
        }
        inlamning.las(variabler(body));
      } catch (FormFieldValidationException e) {
        Map<String, String> fel = new LinkedHashMap<>();
        if (e.getDetail() instanceof Map<?, ?> map) {
          map.forEach((k, v) -> fel.put(String.valueOf(k), String.valueOf(v)));
        }
        svara(response, Problem.ogiltig(fel));
        return;
      } catch (IOException | IllegalArgumentException e) {
        // not JSON of the engine's form: the engine gives its own 400
      }
      chain.doFilter(new Cached(request, body), response);
    }

    /**
     * @return for each variable of the contract given with another type than the contract's
     *     ({@link Skrivelseinlamning#VARIABELTYPER}), what is wrong
     */
    private Map<String, String> typfel(byte[] body) throws IOException {
      Map<String, String> fel = new LinkedHashMap<>();
      JsonNode variables = json.readTree(body).path("variables");
      Skrivelseinlamning.VARIABELTYPER.forEach((namn, typer) -> {
        JsonNode v = variables.path(namn);
        if (v.isMissingNode() || v.isNull() || v.path("value").isNull() || v.path("value").isMissingNode()) {
          return;
        }
        String typ = v.path("type").asText("");
        if (typ.isEmpty()) {
          JsonNode value = v.path("value");
          typ = value.isTextual() ? "String" : value.isBoolean() ? "Boolean" : value.isNumber() ? "Number" : "Object";
        }
        String given = typ;
        if (typer.stream().noneMatch(t -> t.equalsIgnoreCase(given))) {
          fel.put(namn, namn + " ska vara av typen " + String.join(" eller ", typer) + " (var " + given + ").");
        }
      });
      return fel;
    }

    private Map<String, Object> variabler(byte[] body) throws IOException {
      Map<String, Object> values = new HashMap<>();
      JsonNode variables = json.readTree(body).path("variables");
      for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        String type = v.path("type").asText("");
        JsonNode value = v.path("value");
        if ("File".equalsIgnoreCase(type) && value.isTextual()) {
          byte[] bytes = Base64.getMimeDecoder().decode(value.asText());
          values.put(e.getKey(), Variables.fileValue(v.path("valueInfo").path("filename").asText("fil"))
              .file(bytes).create());
        } else if (value.isNull() || value.isMissingNode()) {
          values.put(e.getKey(), null);
        } else if ("Json".equalsIgnoreCase(type) && value.isTextual()) {
          try {
            values.put(e.getKey(), org.camunda.spin.Spin.JSON(value.asText()));
          } catch (RuntimeException notJson) {
            values.put(e.getKey(), value.asText()); // the intake says what is wrong with it
          }
        } else if (value.isTextual()) {
          values.put(e.getKey(), value.asText());
        } else {
          values.put(e.getKey(), value.isContainerNode() ? value.toString() : value.asText());
        }
      }
      return values;
    }

    private void svara(HttpServletResponse response, ProblemDetail problem) throws IOException {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), problem);
    }
  }

  /** The request with its body read once and served again. */
  static final class Cached extends HttpServletRequestWrapper {

    private final byte[] body;

    Cached(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
