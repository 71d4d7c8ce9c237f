package se.stockholm.ks.drift;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that passes every answer below a status straight through (file downloads are not held
 * in memory) but holds back an answer from that status up (its status and body, or a
 * {@code sendError}), so that a filter can look at it and answer otherwise before anything reaches
 * the client. Used by {@link DatabasFelFilter} (from 500: an outage becomes 503) and by the engine
 * gate {@code behorighet.MotorRestGrind} (from 400: the engine's errors become Swedish problem+json).
 */
public final class FelhallandeSvar extends HttpServletResponseWrapper {

  private final int fran;
  private final boolean hallAllaSendError;
  private final ByteArrayOutputStream buffert = new ByteArrayOutputStream();
  private int status = SC_OK;
  private boolean haller;
  private boolean skickatFel;
  private ServletOutputStream stream;
  private PrintWriter writer;

  /**
   * @param response the real response
   * @param fran the lowest status held back (e.g. 400 or 500)
   * @param hallAllaSendError whether a {@code sendError} below {@code fran} is held back too (else it
   *     passes through)
   */
  public FelhallandeSvar(HttpServletResponse response, int fran, boolean hallAllaSendError) {
    super(response);
    this.fran = fran;
    this.hallAllaSendError = hallAllaSendError;
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    if (sc < fran) {
      super.setStatus(sc);
    }
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (sc < fran && !hallAllaSendError) {
      super.sendError(sc, msg);
      return;
    }
    status = sc;
    haller = true;
    skickatFel = true;
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      if (status >= fran) {
        haller = true;
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            // written at once, into memory
          }

          @Override
          public void write(int b) {
            buffert.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            buffert.write(b, off, len);
          }
        };
      } else {
        stream = super.getOutputStream();
      }
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer = status >= fran ? new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8))
          : super.getWriter();
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    if (!haller && status < fran) {
      super.flushBuffer();
    }
  }

  /** @return whether an answer is held back */
  public boolean haller() {
    return haller || status >= fran;
  }

  /** @return the held-back body, as UTF-8 text */
  public String kropp() {
    if (writer != null) {
      writer.flush();
    }
    return buffert.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the held-back answer unchanged onto the real response.
   *
   * @throws IOException when writing fails
   */
  public void slappIgenom() throws IOException {
    HttpServletResponse svar = (HttpServletResponse) getResponse();
    if (writer != null) {
      writer.flush();
    }
    if (skickatFel && buffert.size() == 0) {
      svar.sendError(status);
      return;
    }
    svar.setStatus(status);
    svar.setContentLength(buffert.size());
    svar.getOutputStream().write(buffert.toByteArray());
  }
}
