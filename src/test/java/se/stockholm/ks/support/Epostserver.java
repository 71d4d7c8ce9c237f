package se.stockholm.ks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own that stays the same when the
 * server is stopped and started again (a server that is down, then back).
 */
public final class Epostserver {

  private final int port;
  private GreenMail greenMail;

  /** Picks a free port; the server is not started yet. */
  public Epostserver() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      this.port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the SMTP port */
  public int port() {
    return port;
  }

  /**
   * @return the properties that point the application at this server with transport smtp
   */
  public String[] egenskaper() {
    return new String[] {"spring.mail.host=127.0.0.1", "spring.mail.port=" + port, "ks.meddelanden.transport=smtp"};
  }

  /** Starts (or starts again) the server, empty. */
  public synchronized void starta() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
  }

  /** Stops the server: connections are refused. */
  public synchronized void stoppa() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  /** @return the messages received since the server started, mailbox by mailbox (not in the order received) */
  public synchronized List<Brev> brev() {
    if (greenMail == null) {
      return List.of();
    }
    return Arrays.stream(greenMail.getReceivedMessages()).map(Brev::av).toList();
  }

  /** Forgets the messages received. */
  public synchronized void tom() {
    if (greenMail != null) {
      try {
        greenMail.purgeEmailFromAllMailboxes();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A received message, read apart.
   *
   * @param till the recipients
   * @param fran the From header
   * @param amne the subject
   * @param text the plain-text part
   * @param html the HTML part
   * @param bilagor the attachments' file names
   * @param bilageinnehall the attachments' bytes, in the same order
   * @param messageId the Message-ID header
   */
  public record Brev(List<String> till, String fran, String amne, String text, String html, List<String> bilagor,
                     List<byte[]> bilageinnehall, String messageId) {

    static Brev av(MimeMessage m) {
      try {
        List<String> till = Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        Delar d = new Delar();
        d.las(m);
        return new Brev(till, m.getHeader("From", ","), m.getSubject(), d.text, d.html, d.bilagor, d.innehall,
            m.getMessageID());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Delar {
    String text;
    String html;
    final List<String> bilagor = new ArrayList<>();
    final List<byte[]> innehall = new ArrayList<>();

    void las(Part p) throws Exception {
      if (p.isMimeType("multipart/*")) {
        Multipart mp = (Multipart) p.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart b = mp.getBodyPart(i);
          las(b);
        }
      } else if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null) {
        bilagor.add(MimeUtility.decodeText(p.getFileName()));
        innehall.add(p.getInputStream().readAllBytes());
      } else if (p.isMimeType("text/plain")) {
        text = p.getContent().toString();
      } else if (p.isMimeType("text/html")) {
        html = p.getContent().toString();
      }
    }
  }
}
