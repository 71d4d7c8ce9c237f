package se.stockholm.ks.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The largest JSON request {@code /api/v1} reads: {@value #MAX_JSON_MB} MB. The longest valid
 * skrivelse (a text of 1,000,000 characters, 30 questions of 2,000, every character escaped: about
 * 6.5 MB) with the largest file in base64 (25 MB, which base64 makes 33.4 MB) is below it; anything
 * larger is refused with 413 before it is read into memory, not parsed into a 400 or an
 * out-of-memory 500. Multipart requests have their own limits
 * ({@code spring.servlet.multipart}: 25 MB per file, 30 MB in all). The same limit holds for the engine's
 * REST API and the webapps' API.
 */
@Configuration(proxyBeanMethods = false)
class BegaransStorlek {

  /** Largest JSON body, in MB. */
  static final int MAX_JSON_MB = 45;
  static final long MAX_JSON = MAX_JSON_MB * 1024L * 1024L;

  /** A body longer than allowed, found while reading it (no Content-Length was given). */
  static final class ForStorBegaranException extends IOException {
    ForStorBegaranException() {
      super("Begäran är större än " + MAX_JSON_MB + " MB");
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> begaransStorlekFilter(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
    registration.setName("ks-api-begaransstorlek");
    // the engine's REST API and the webapps' (Tasklist's submit-form) take files in JSON too
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(15);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ObjectMapper json;

    Filter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String typ = request.getContentType();
      return typ != null && typ.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getContentLengthLong() > MAX_JSON) {
        var problem = ProblemHandler.forStorJson();
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
        return;
      }
      chain.doFilter(request.getContentLengthLong() < 0 ? new Begransad(request) : request, response);
    }
  }

  /** A request of unknown length whose body may be read up to the limit. */
  static final class Begransad extends HttpServletRequestWrapper {

    Begransad(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long last;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            rakna(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          if (n > 0) {
            rakna(n);
          }
          return n;
        }

        private void rakna(int n) throws ForStorBegaranException {
          last += n;
          if (last > MAX_JSON) {
            throw new ForStorBegaranException();
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
