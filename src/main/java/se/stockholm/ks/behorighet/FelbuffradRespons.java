package se.stockholm.ks.behorighet;

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
 * A response that passes successful answers straight through (file downloads are not held in
 * memory) but holds back the body of an error answer (status 400 and above, or {@code sendError}),
 * so that {@link Motorfel} can rewrite it before anything reaches the client.
 */
final class FelbuffradRespons extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream buffert = new ByteArrayOutputStream();
  private int status = SC_OK;
  private boolean buffrar;
  private ServletOutputStream stream;
  private PrintWriter writer;

  FelbuffradRespons(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    if (sc < 400) {
      super.setStatus(sc);
    }
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
    buffrar = true;
  }

  @Override
  public void sendError(int sc) {
    sendError(sc, null);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      if (status >= 400) {
        buffrar = true;
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
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
      if (status >= 400) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      } else {
        writer = super.getWriter();
      }
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    if (!buffrar && status < 400) {
      super.flushBuffer();
    }
  }

  /** @return whether the answer is an error whose body is held back */
  boolean arFel() {
    return buffrar || status >= 400;
  }

  /** @return the held-back body, as UTF-8 text */
  String kropp() {
    if (writer != null) {
      writer.flush();
    }
    return buffert.toString(StandardCharsets.UTF_8);
  }
}
