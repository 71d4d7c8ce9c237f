package se.stockholm.ks.meddelanden;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.stockholm.ks.diarium.Diarium;

/**
 * Sends a message at most once, whatever job retries, crashes or other nodes do.
 *
 * <p>Each message has a row in {@code meddelande} under its deterministic {@link Meddelande#nyckel() key}.
 * The sending job first <em>claims</em> the row in a transaction of its own that commits at once
 * (status {@link Meddelandestatus#SKICKAS}, with the wall-clock time and the node), then hands the
 * message to the SMTP server with a Message-ID derived from the key, then marks the row
 * {@link Meddelandestatus#SKICKAT} in another short transaction. So:
 * <ul>
 *   <li>a retried job, or the same job on another node, that finds the row sent, sends nothing;</li>
 *   <li>a server that is down or refuses leaves the row {@link Meddelandestatus#EJ_SKICKAT} and the job
 *       fails with a Swedish message: Camunda retries it on its retry cycle, then raises an incident;
 *       a retry of the incident once the server is back sends the message once;</li>
 *   <li>a row still {@code SKICKAS} belongs to an attempt running now (another node, whose job lock
 *       ran out): the job fails and comes back later — unless the attempt began more than
 *       {@code ks.meddelanden.sandning-pagar} ago: then its node stopped somewhere between claiming and
 *       marking, and whether the server got the message is unknown. The row becomes
 *       {@link Meddelandestatus#OKLART}, and the job fails on every retry until a person has looked
 *       (the SMTP server's log, the recipient) and chosen in the outbox page: sent, or send again.</li>
 * </ul>
 * This is <b>at most once</b>: a message is never sent twice by the application; in the rare
 * crash between handing over and marking, a person decides instead of the application guessing.
 * The only other unclear case — the connection breaking while the server receives the message — is
 * treated the same way.
 */
@Service
public class Utskick {

  private static final Logger LOG = LoggerFactory.getLogger(Utskick.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate egen;
  private final MeddelandeInstallningar installningar;
  private final Epost epost;
  private final String nod;

  Utskick(JdbcClient jdbc, PlatformTransactionManager transaktioner, MeddelandeInstallningar installningar,
          Epost epost, @org.springframework.beans.factory.annotation.Value("${camunda.bpm.process-engine-name:default}")
          String motor) {
    this.jdbc = jdbc;
    this.egen = new TransactionTemplate(transaktioner);
    this.egen.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.installningar = installningar;
    this.epost = epost;
    this.nod = nodnamn() + "/" + motor;
  }

  /**
   * The outcome.
   *
   * @param status {@link Meddelandestatus#SKICKAT} or {@link Meddelandestatus#I_UTKORGEN}
   * @param tid when it was sent or put in the outbox (the engine's clock)
   * @param redan true when an earlier attempt had already sent it (nothing was sent now)
   */
  public record Resultat(Meddelandestatus status, OffsetDateTime tid, boolean redan) {
  }

  /**
   * Sends the message once (see the class).
   *
   * @param m the message
   * @return what happened
   * @throws MeddelandeEjSkickatException when it was not sent now (server down, refused, being sent
   *     by another attempt, or unclear): the job is to fail and be retried or end as an incident
   */
  public Resultat skicka(Meddelande m) {
    String messageId = messageId(m.nyckel());
    Ansprak ansprak;
    try {
      ansprak = egen.execute(s -> gorAnsprak(m, messageId));
    } catch (DuplicateKeyException samtidigt) {
      throw new MeddelandeEjSkickatException("Meddelandet till " + m.mottagare() + " (" + m.typ().text() + ", "
          + m.dnr() + ") skickas samtidigt av en annan nod; försöker igen.", samtidigt);
    }
    switch (ansprak.lage) {
      case REDAN -> {
        LOG.info("{} till {} i {} är redan {}; skickas inte igen.", m.typ().text(), m.mottagare(), m.dnr(),
            ansprak.status.text().toLowerCase());
        return new Resultat(ansprak.status, ansprak.tid, true);
      }
      case PAGAR -> throw new MeddelandeEjSkickatException("Meddelandet till " + m.mottagare() + " (" + m.typ().text()
          + ", " + m.dnr() + ") skickas just nu av " + ansprak.nod + "; försöker igen.", null);
      case OKLART -> throw new MeddelandeEjSkickatException(oklart(m), null);
      case SKICKA -> { }
    }
    if (installningar.transport() == MeddelandeInstallningar.Transport.UTKORG) {
      OffsetDateTime tid = markera(m, Meddelandestatus.I_UTKORGEN, null);
      LOG.info("{} till {} i {} lagt i utkorgen (ks.meddelanden.transport=utkorg, inget skickat).", m.typ().text(),
          m.mottagare(), m.dnr());
      return new Resultat(Meddelandestatus.I_UTKORGEN, tid, false);
    }
    try {
      epost.skicka(m, messageId);
    } catch (Epost.EjSkickat e) {
      markera(m, Meddelandestatus.EJ_SKICKAT, e.getMessage());
      throw new MeddelandeEjSkickatException("E-post till " + m.mottagare() + " (" + m.typ().text() + ", " + m.dnr()
          + ") kunde inte skickas: " + e.getMessage() + " Jobbet försöker igen; när försöken är slut blir det en "
          + "incident, och när servern fungerar skickas meddelandet en gång med Försök igen (Retry) i Cockpit.", e);
    } catch (Epost.Oklart e) {
      markera(m, Meddelandestatus.OKLART, e.getMessage());
      throw new MeddelandeEjSkickatException(oklart(m) + " " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // the row stays SKICKAS: a later attempt treats it as a stopped node's (unclear) after the lease
      throw e;
    }
    OffsetDateTime tid = markera(m, Meddelandestatus.SKICKAT, null);
    LOG.info("{} skickat till {} i {} ({})", m.typ().text(), m.mottagare(), m.dnr(), messageId);
    return new Resultat(Meddelandestatus.SKICKAT, tid, false);
  }

  /**
   * A person's decision on a message whose fate was unclear: it was sent after all, or it is to be
   * sent again (by the job's next attempt, e.g. Försök igen on the incident in Cockpit).
   *
   * @param id the row's id
   * @param skickat true: it reached the recipient; false: send it again
   * @param anvandare who decided
   * @return false when no unclear message has that id
   */
  public boolean avgor(long id, boolean skickat, String anvandare) {
    String fel = "Avgjort av " + anvandare + ": " + (skickat ? "skickat" : "skickas igen");
    return jdbc.sql("update meddelande set status = ?, skickad = ?, senaste_fel = ? where id = ? and status = ?")
        .params((skickat ? Meddelandestatus.SKICKAT : Meddelandestatus.EJ_SKICKAT).name(),
            skickat ? Diarium.nu() : null, fel, id, Meddelandestatus.OKLART.name())
        .update() == 1;
  }

  /**
   * @param dnr a diarienummer, or null for all
   * @param max the most to return, newest first
   * @return the messages
   */
  public List<Utkorgsrad> meddelanden(String dnr, int max) {
    return jdbc.sql("select id, diarienummer, meddelandetyp, mottagare, mottagare_namn, amne, text_innehall, bilagor,"
            + " dokumentnummer, status, forsok, skapad, skickad, senaste_fel, message_id from meddelande"
            + (dnr == null ? "" : " where diarienummer = :dnr") + " order by id desc")
        .params(dnr == null ? java.util.Map.of() : java.util.Map.of("dnr", dnr))
        .query((rs, i) -> new Utkorgsrad(rs.getLong("id"), rs.getString("diarienummer"),
            Meddelandetyp.valueOf(rs.getString("meddelandetyp")), rs.getString("mottagare"),
            rs.getString("mottagare_namn"), rs.getString("amne"), rs.getString("text_innehall"),
            rs.getString("bilagor"), rs.getString("dokumentnummer"), Meddelandestatus.valueOf(rs.getString("status")),
            rs.getInt("forsok"), rs.getObject("skapad", OffsetDateTime.class),
            rs.getObject("skickad", OffsetDateTime.class), rs.getString("senaste_fel"), rs.getString("message_id")))
        .list().stream().limit(max).toList();
  }

  /**
   * A row of the outbox.
   *
   * @param id the row's id
   * @param diarienummer the ärende
   * @param typ the kind
   * @param mottagare the address
   * @param mottagareNamn the recipient's name
   * @param amne the subject
   * @param text the plain-text body
   * @param bilagor the attachments' file names, comma-separated, or null
   * @param dokumentnummer the handling concerned, or null
   * @param status where it stands
   * @param forsok attempts made
   * @param skapad when first claimed
   * @param skickad when sent (or put in the outbox), or null
   * @param senasteFel the last failure, or null
   * @param messageId the Message-ID
   */
  public record Utkorgsrad(long id, String diarienummer, Meddelandetyp typ, String mottagare, String mottagareNamn,
                           String amne, String text, String bilagor, String dokumentnummer, Meddelandestatus status,
                           int forsok, OffsetDateTime skapad, OffsetDateTime skickad, String senasteFel,
                           String messageId) {
  }

  // --- claiming and marking --------------------------------------------------------------------

  private enum Lage { SKICKA, REDAN, PAGAR, OKLART }

  private record Ansprak(Lage lage, Meddelandestatus status, OffsetDateTime tid, String nod) {
  }

  private record Rad(Meddelandestatus status, OffsetDateTime skickad, OffsetDateTime skickasSedan, String nod) {
  }

  private Ansprak gorAnsprak(Meddelande m, String messageId) {
    Optional<Rad> rad = jdbc.sql("select status, skickad, skickas_sedan, nod from meddelande where nyckel = ? for update")
        .param(m.nyckel())
        .query((rs, i) -> new Rad(Meddelandestatus.valueOf(rs.getString("status")),
            rs.getObject("skickad", OffsetDateTime.class), rs.getObject("skickas_sedan", OffsetDateTime.class),
            rs.getString("nod")))
        .optional();
    OffsetDateTime nu = OffsetDateTime.now(ZoneOffset.UTC);
    if (rad.isEmpty()) {
      jdbc.sql("""
              insert into meddelande (nyckel, message_id, diarienummer, meddelandetyp, mottagare, mottagare_namn, amne,
                text_innehall, html_innehall, bilagor, dokumentnummer, status, forsok, skapad, skickas_sedan, nod)
              values (:nyckel, :mid, :dnr, :typ, :mottagare, :namn, :amne, :text, :html, :bilagor, :dok, :status, 1,
                :skapad, :sedan, :nod)""")
          .param("nyckel", m.nyckel())
          .param("mid", messageId)
          .param("dnr", m.dnr().toString())
          .param("typ", m.typ().name())
          .param("mottagare", m.mottagare())
          .param("namn", m.mottagareNamn())
          .param("amne", m.amne())
          .param("text", m.text())
          .param("html", m.html())
          .param("bilagor", m.bilagor().isEmpty() ? null
              : m.bilagor().stream().map(Meddelande.Bilaga::filnamn).collect(Collectors.joining(", ")))
          .param("dok", m.dokumentnummer())
          .param("status", Meddelandestatus.SKICKAS.name())
          .param("skapad", Diarium.nu())
          .param("sedan", nu)
          .param("nod", nod)
          .update();
      return new Ansprak(Lage.SKICKA, Meddelandestatus.SKICKAS, null, nod);
    }
    Rad r = rad.get();
    switch (r.status()) {
      case SKICKAT, I_UTKORGEN -> {
        return new Ansprak(Lage.REDAN, r.status(), r.skickad(), r.nod());
      }
      case OKLART -> {
        return new Ansprak(Lage.OKLART, r.status(), null, r.nod());
      }
      case SKICKAS -> {
        if (r.skickasSedan() != null && r.skickasSedan().toInstant().plus(installningar.sandningPagar())
            .isAfter(Instant.now())) {
          return new Ansprak(Lage.PAGAR, r.status(), null, r.nod());
        }
        jdbc.sql("update meddelande set status = ?, senaste_fel = ? where nyckel = ?")
            .params(Meddelandestatus.OKLART.name(), "Sändningen som började " + r.skickasSedan() + " på " + r.nod()
                + " avslutades aldrig (noden stannade?).", m.nyckel())
            .update();
        return new Ansprak(Lage.OKLART, Meddelandestatus.OKLART, null, r.nod());
      }
      default -> {
        // EJ_SKICKAT: certainly not sent before; this attempt sends it
        jdbc.sql("update meddelande set status = ?, forsok = forsok + 1, skickas_sedan = ?, nod = ? where nyckel = ?")
            .params(Meddelandestatus.SKICKAS.name(), nu, nod, m.nyckel()).update();
        return new Ansprak(Lage.SKICKA, Meddelandestatus.SKICKAS, null, nod);
      }
    }
  }

  private OffsetDateTime markera(Meddelande m, Meddelandestatus status, String fel) {
    OffsetDateTime tid = Diarium.nu();
    boolean klar = status == Meddelandestatus.SKICKAT || status == Meddelandestatus.I_UTKORGEN;
    egen.executeWithoutResult(s -> jdbc.sql("update meddelande set status = ?, skickad = ?, senaste_fel = ? where nyckel = ?")
        .params(status.name(), klar ? tid : null, fel == null ? null : trunc(fel, 2000), m.nyckel())
        .update());
    return tid;
  }

  private static String oklart(Meddelande m) {
    return "Det är oklart om e-posten till " + m.mottagare() + " (" + m.typ().text() + ", " + m.dnr()
        + ") kom fram: sändningen avbröts efter att meddelandet lämnats till SMTP-servern. Det skickas inte igen "
        + "av sig självt. Kontrollera i SMTP-serverns logg eller hos mottagaren, avgör sedan på sidan /meddelanden "
        + "(skickat, eller skicka igen) och välj Försök igen (Retry) på incidenten i Cockpit.";
  }

  /**
   * @param nyckel a message's key
   * @return its Message-ID: the same for every attempt, unique per key
   */
  String messageId(String nyckel) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(nyckel.getBytes(StandardCharsets.UTF_8));
      String domän = installningar.avsandare() != null && installningar.avsandare().contains("@")
          ? installningar.avsandare().substring(installningar.avsandare().indexOf('@') + 1).strip()
          : "skrivelseprocessen.invalid";
      return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".skrivelseprocessen@" + domän + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nodnamn() {
    String namn;
    try {
      namn = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      namn = "okänd värd";
    }
    return namn + "/" + ProcessHandle.current().pid();  // host, process (and engine, added by the caller)
  }

  private static String trunc(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
