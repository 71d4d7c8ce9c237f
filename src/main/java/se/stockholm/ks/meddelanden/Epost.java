package se.stockholm.ks.meddelanden;

import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one message over SMTP with Spring Boot's mail settings ({@code spring.mail.*}), in two
 * steps so that a failure says whether the message can have reached the server: a failure to
 * connect (server down, wrong password) or a refusal by the server ({@link SendFailedException}:
 * sender or recipients refused) means it was not sent; any other failure while the message was
 * being handed over leaves it unclear (the server may have accepted it just before the connection
 * broke).
 */
@Component
class Epost {

  private final ObjectProvider<JavaMailSenderImpl> sender;
  private final MeddelandeInstallningar installningar;

  Epost(ObjectProvider<JavaMailSenderImpl> sender, MeddelandeInstallningar installningar) {
    this.sender = sender;
    this.installningar = installningar;
  }

  /**
   * @param m the message
   * @param messageId its Message-ID, the same on every attempt (a recipient's server can drop a copy)
   * @throws EjSkickat when the message was certainly not sent
   * @throws Oklart when it is unclear whether the server accepted it
   */
  void skicka(Meddelande m, String messageId) throws EjSkickat, Oklart {
    JavaMailSenderImpl s = sender.getIfAvailable();
    if (s == null || s.getHost() == null || s.getHost().isBlank()) {
      throw new EjSkickat("Ingen SMTP-server är inställd (KS_SMTP_HOST).", null);
    }
    Session session = s.getSession();
    MimeMessage mime;
    try {
      mime = meddelande(session, m, messageId);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new EjSkickat("Meddelandet kunde inte sättas ihop: " + e.getMessage(), e);
    }
    Transport transport;
    try {
      transport = session.getTransport(s.getProtocol() == null ? "smtp" : s.getProtocol());
      // no user name (KS_SMTP_USERNAME empty): no authentication
      boolean inloggning = s.getUsername() != null && !s.getUsername().isBlank();
      transport.connect(s.getHost(), s.getPort(), inloggning ? s.getUsername() : null,
          inloggning ? s.getPassword() : null);
    } catch (MessagingException e) {
      throw new EjSkickat("Kunde inte ansluta till SMTP-servern " + s.getHost() + ":" + s.getPort() + " ("
          + orsak(e) + ").", e);
    }
    try {
      transport.sendMessage(mime, mime.getAllRecipients());
    } catch (SendFailedException e) {
      throw new EjSkickat("SMTP-servern tog inte emot meddelandet (" + orsak(e) + ").", e);
    } catch (MessagingException e) {
      throw new Oklart("Förbindelsen med SMTP-servern bröts medan meddelandet lämnades över (" + orsak(e)
          + "); servern kan ha tagit emot det.", e);
    } finally {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // the message's fate was decided by sendMessage
      }
    }
  }

  private MimeMessage meddelande(Session session, Meddelande m, String messageId)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage mime = new MedEgetMessageId(session, messageId);
    MimeMessageHelper h = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    h.setFrom(installningar.avsandare(), installningar.avsandareNamn());
    h.setTo(m.mottagare());
    h.setSubject(m.amne());
    h.setText(m.text(), m.html());
    for (Meddelande.Bilaga b : m.bilagor()) {
      h.addAttachment(b.filnamn(), new ByteArrayResource(b.innehall()), b.mediatyp());
    }
    mime.saveChanges();
    return mime;
  }

  private static String orsak(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip());
  }

  /** A message whose Message-ID stays the one given (JavaMail makes a new one on every save). */
  private static final class MedEgetMessageId extends MimeMessage {
    private final String messageId;

    MedEgetMessageId(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /** The message was certainly not sent: safe to send again. */
  static final class EjSkickat extends Exception {
    EjSkickat(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Whether the server accepted the message is unknown. */
  static final class Oklart extends Exception {
    Oklart(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
