package se.stockholm.ks.ediarium;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.sok.Arendesok;
import se.stockholm.ks.sok.Sokfraga;

/**
 * The public listing of registered handlingar (OSL 5 kap. 2 §), newest first. A handling marked
 * secret, or in an ärende marked secret, is listed with its date, numbers, kind and direction, and
 * with sender or recipient and description (and the ärende's rubrik, when the ärende is marked)
 * replaced by {@link #maskering}; text searches never look in masked fields.
 */
@Service
@Transactional(readOnly = true)
public class Ediarium {

  /** The most entries per page. */
  public static final int MAX_STORLEK = 100;
  /** Entries are counted up to this many; {@link Sida#fler()} tells that there are more. */
  public static final int MAX_RAKNAT = 10_000;

  /**
   * One entry.
   *
   * @param datum the date received or drawn up
   * @param dokumentnummer diarienummer and handling number, e.g. {@code KS 2025/1513-2}
   * @param diarienummer the ärende's diarienummer
   * @param arende the ärende's rubrik (masked when the ärende is marked secret)
   * @param handlingstyp the kind, in Swedish (e.g. "Tjänsteutlåtande")
   * @param riktning inkommen, upprättad or expedierad
   * @param avsandareEllerMottagare who sent it (inkommen) or to whom it went (expedierad); masked when secret
   * @param beskrivning what it is about, in short (the handling's rubrik); masked when secret
   * @param sekretess the OSL provision when masked, else null
   */
  public record Post(LocalDate datum, String dokumentnummer, String diarienummer, String arende, String handlingstyp,
                     String riktning, String avsandareEllerMottagare, String beskrivning, String sekretess) {
  }

  /**
   * A page.
   *
   * @param poster the entries
   * @param totalt entries in all
   * @param sida the page, from 1
   * @param storlek entries per page
   */
  public record Sida(List<Post> poster, long totalt, int sida, int storlek) {
    /** @return the number of pages (of the entries counted), at least 1 */
    public int antalSidor() {
      return (int) Math.max(1, (Math.min(totalt, MAX_RAKNAT) + storlek - 1) / storlek);
    }

    /** @return true when there are more than {@link #MAX_RAKNAT} entries ({@code totalt} is then that number) */
    public boolean fler() {
      return totalt > MAX_RAKNAT;
    }
  }

  private final JdbcClient jdbc;

  /** @param jdbc the diarium's database (public for benchmark/sok, which runs this class outside Spring) */
  public Ediarium(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param hanvisning an OSL reference
   * @return the text shown instead of a secret field
   */
  public static String maskering(String hanvisning) {
    return "Uppgift enligt " + hanvisning;
  }

  /**
   * @param text words in the description (never in masked fields), or null
   * @param diarienummer the diarienummer or part of it, or null
   * @param fran dated on or after, or null
   * @param till dated on or before, or null
   * @param sida the page, from 1
   * @param storlek entries per page, 1–{@value #MAX_STORLEK}
   * @return the page
   * @throws OgiltigHandlingException for a from-date after the to-date or a page out of range
   */
  public Sida lista(String text, String diarienummer, LocalDate fran, LocalDate till, int sida, int storlek) {
    if (fran != null && till != null && fran.isAfter(till)) {
      throw new OgiltigHandlingException("fran", "fran (" + fran + ") ligger efter till (" + till + ").");
    }
    if (sida < 1 || sida > 100_000) {
      throw new OgiltigHandlingException("sida", "sida är ett heltal från 1 till 100000.");
    }
    if (storlek < 1 || storlek > MAX_STORLEK) {
      throw new OgiltigHandlingException("storlek", "storlek är ett heltal från 1 till " + MAX_STORLEK + ".");
    }
    Map<String, Object> p = new HashMap<>();
    StringBuilder w = new StringBuilder("a.status <> 'REGISTRERAS'");
    if (text != null && !text.isBlank()) {
      p.put("text", innehaller(text.strip()));
      // the description only (the trigram index of V12_1), and never in what is masked
      w.append(" and h.sekretess is null and a.sekretess is null and ").append(Arendesok.normaliserad("h.rubrik"))
          .append(" like :text escape '!'");
    }
    if (diarienummer != null && !diarienummer.isBlank()) {
      String d = diarienummer.strip();
      if (d.matches("[A-Za-zÅÄÖåäö]+-\\d{4}-\\d+")) {
        String[] s = d.split("-");
        d = s[0] + " " + s[1] + "/" + s[2];
      }
      p.put("dnr", innehaller(d));
      w.append(" and lower(a.diarienummer) like :dnr escape '!'");
    }
    if (fran != null) {
      p.put("fran", fran);
      w.append(" and h.datum >= :fran");
    }
    if (till != null) {
      p.put("till", till);
      w.append(" and h.datum <= :till");
    }
    String fromWhere = " from handling h join arende a on a.id = h.arende_id where " + w;
    // counted up to MAX_RAKNAT + 1: an anonymous listing never counts a million rows per request
    p.put("tak", MAX_RAKNAT + 1);
    long totalt = jdbc.sql("select count(*) from (select 1 as x" + fromWhere + " fetch first :tak rows only) t")
        .params(p).query(Long.class).single();
    p.put("start", (long) (sida - 1) * storlek);
    p.put("grans", storlek);
    List<Post> poster = jdbc.sql("select h.datum, h.dokumentnummer, a.diarienummer, a.rubrik as arende, h.handlingstyp,"
            + " h.status, h.avsandare, h.mottagare, h.rubrik, coalesce(h.sekretess, a.sekretess) as hemlig,"
            + " a.sekretess as arende_hemlig" + fromWhere
            + " order by h.datum desc, h.id desc offset :start rows fetch next :grans rows only")
        .params(p)
        .query((rs, i) -> {
          String hemlig = rs.getString("hemlig");
          String arendeHemlig = rs.getString("arende_hemlig");
          HandlingStatus status = HandlingStatus.valueOf(rs.getString("status"));
          String motpart = status == HandlingStatus.EXPEDIERAD ? rs.getString("mottagare") : rs.getString("avsandare");
          return new Post(rs.getObject("datum", LocalDate.class), rs.getString("dokumentnummer"),
              rs.getString("diarienummer"), arendeHemlig != null ? maskering(arendeHemlig) : rs.getString("arende"),
              Handlingstyp.valueOf(rs.getString("handlingstyp")).text(), status.text(),
              hemlig != null && motpart != null ? maskering(hemlig) : motpart,
              hemlig != null ? maskering(hemlig) : rs.getString("rubrik"), hemlig);
        })
        .list();
    return new Sida(poster, Math.min(totalt, MAX_RAKNAT + 1L), sida, storlek);
  }

  private static String innehaller(String text) {
    return "%" + Sokfraga.normalisera(text).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
