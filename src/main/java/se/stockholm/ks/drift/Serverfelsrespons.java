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
 * A response that passes every answer below 500 straight through but holds back a server error
 * (status 500 and above, or {@code sendError} with one), so that {@link DatabasFelFilter} can answer
 * 503 instead when the error was the database being away.
 */
final class Serverfelsrespons extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream buffert = new ByteArrayOutputStream();
  private int status = SC_OK;
  private boolean skickatFel;
  private ServletOutputStream stream;
  private PrintWriter writer;

  Serverfelsrespons(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    if (sc < 500) {
      super.setStatus(sc);
    }
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (sc < 500) {
      super.sendError(sc, msg);
      return;
    }
    status = sc;
    skickatFel = true;
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      if (status >= 500) {
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
      writer = status >= 500 ? new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8))
          : super.getWriter();
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    if (status < 500) {
      super.flushBuffer();
    }
  }

  /** @return whether a server error is held back */
  boolean arServerfel() {
    return status >= 500;
  }

  /**
   * Writes the held-back server error unchanged onto the real response.
   *
   * @throws IOException when writing fails
   */
  void slappIgenom() throws IOException {
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
