package se.stockholm.ks.sammantrade;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.stockholm.ks.diarium.ArendeSaknasException;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;

/**
 * The meetings of borgarrådsberedningen and kommunstyrelsen and the ärenden on their
 * föredragningslistor. A meeting's row is created when the first ärende is anmält to it and locked
 * (until the caller's transaction ends) while an ärende joins its list, while its paragraphs are
 * assigned and while its state changes, so positions and paragraphs are unique under concurrency,
 * also across nodes. Every method is idempotent: a retried job changes nothing twice.
 */
@Repository
@Transactional
public class Sammantradesregister {

  /**
   * A meeting.
   *
   * @param organ the organ
   * @param datum the meeting day, Europe/Stockholm
   * @param status where it is
   * @param listaFaststalld when the secretary fixed the föredragningslista, or null
   * @param hallet when paragraphs were assigned (the meeting day), or null
   * @param justeringsdatum the day of justering, or null
   * @param justerare who justerade, or null
   * @param anslagsdatum the day the justering was anslagen, or null
   * @param punkter every ärende ever anmält, in the list's order (also those that left it)
   */
  public record Sammantrade(Organ organ, LocalDate datum, Sammantradestatus status, OffsetDateTime listaFaststalld,
                            OffsetDateTime hallet, LocalDate justeringsdatum, String justerare,
                            LocalDate anslagsdatum, List<Punkt> punkter) {

    /** @return the ärenden still on the list (not avförda), in order */
    public List<Punkt> paListan() {
      return punkter.stream().filter(p -> p.status() != Punktstatus.AVFORT).toList();
    }
  }

  /**
   * An ärende on a meeting's list.
   *
   * @param ordning its position, from 1, in the order anmält (gaps where an ärende left)
   * @param diarienummer the ärende
   * @param rubrik the ärende's rubrik
   * @param foredragandeBorgarrad its föredragande borgarråd, or null
   * @param status where it stands at this meeting
   * @param paragraf its paragraph in the protokoll (kommunstyrelsen, from the meeting day), or null
   */
  public record Punkt(int ordning, Diarienummer diarienummer, String rubrik, String foredragandeBorgarrad,
                      Punktstatus status, Integer paragraf) {

    /** @return {@code § 12}, or null */
    public String paragrafText() {
      return paragraf == null ? null : "§ " + paragraf;
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;
  private final SammantradeInstallningar installningar;

  Sammantradesregister(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                       SammantradeInstallningar installningar) {
    this.jdbc = jdbc;
    this.installningar = installningar;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Puts the ärende last on the meeting's list (the meeting is created if it is not yet). An ärende
   * already on the list keeps its place and is anmält again if it had left it. On a kommunstyrelsen
   * meeting already held, the ärende gets the next paragraph at once.
   *
   * @param organ the organ
   * @param datum the meeting day
   * @param dnr the ärende
   * @return its position on the list
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public int anmal(Organ organ, LocalDate datum, Diarienummer dnr) {
    long arendeId = arendeId(dnr);
    long motesId = las(organ, datum);
    Optional<Integer> ordning = jdbc.sql("select ordning from sammantrade_arende where sammantrade_id = ? and arende_id = ?")
        .params(motesId, arendeId).query(Integer.class).optional();
    if (ordning.isPresent()) {
      jdbc.sql("update sammantrade_arende set status = ?, andrad_tid = ? where sammantrade_id = ? and arende_id = ? "
              + "and status <> ?")
          .params(Punktstatus.ANMALT.name(), Diarium.nu(), motesId, arendeId, Punktstatus.ANMALT.name()).update();
    } else {
      int nasta = jdbc.sql("select coalesce(max(ordning), 0) + 1 from sammantrade_arende where sammantrade_id = ?")
          .param(motesId).query(Integer.class).single();
      jdbc.sql("insert into sammantrade_arende (sammantrade_id, arende_id, ordning, status, anmald_tid, andrad_tid) "
              + "values (?, ?, ?, ?, ?, ?)")
          .params(motesId, arendeId, nasta, Punktstatus.ANMALT.name(), Diarium.nu(), Diarium.nu()).update();
      ordning = Optional.of(nasta);
    }
    if (organ == Organ.KS && status(motesId).compareTo(Sammantradestatus.HALLET) >= 0) {
      tilldelaParagrafer(organ, datum, motesId);
    }
    return ordning.get();
  }

  /**
   * Records where the ärende stands at the meeting (avfört, bordlagt, återremitterat, tillstyrkt,
   * beslutat). An ärende that is not on the meeting's list (anmält before meetings were kept)
   * changes nothing.
   *
   * @param organ the organ
   * @param datum the meeting day
   * @param dnr the ärende
   * @param status its new state
   */
  public void stall(Organ organ, LocalDate datum, Diarienummer dnr, Punktstatus status) {
    Optional<Long> motesId = motesId(organ, datum);
    if (motesId.isEmpty()) {
      return;
    }
    jdbc.sql("update sammantrade_arende set status = ?, andrad_tid = ? where sammantrade_id = ? "
            + "and arende_id = (select id from arende where diarienummer = ?)")
        .params(status.name(), Diarium.nu(), motesId.get(), dnr.toString()).update();
  }

  /**
   * The meeting day has come: the meeting is hållet and, for kommunstyrelsen, every ärende still on
   * the list without a paragraph gets one, in the list's order ({@link SammantradeInstallningar}).
   * Called again (each ärende's task, a retry) it only numbers ärenden anmälda since.
   *
   * @param organ the organ
   * @param datum the meeting day
   */
  public void hall(Organ organ, LocalDate datum) {
    long motesId = las(organ, datum);
    if (status(motesId).compareTo(Sammantradestatus.HALLET) < 0) {
      jdbc.sql("update sammantrade set status = ?, hallet = ? where id = ?")
          .params(Sammantradestatus.HALLET.name(), Diarium.nu(), motesId).update();
    }
    if (organ == Organ.KS) {
      tilldelaParagrafer(organ, datum, motesId);
    }
  }

  /**
   * The secretary has fixed the föredragningslista (the meeting must not be held yet).
   *
   * @param organ the organ
   * @param datum the meeting day
   */
  public void faststallLista(Organ organ, LocalDate datum) {
    long motesId = las(organ, datum);
    jdbc.sql("update sammantrade set status = ?, lista_faststalld = ? where id = ? and status = ?")
        .params(Sammantradestatus.FOREDRAGNINGSLISTA_FASTSTALLD.name(), Diarium.nu(), motesId,
            Sammantradestatus.PLANERAT.name()).update();
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @param justeringsdatum the day of justering
   * @param justerare who justerade, may be null
   */
  public void justera(Organ organ, LocalDate datum, LocalDate justeringsdatum, String justerare) {
    long motesId = las(organ, datum);
    jdbc.sql("update sammantrade set status = ?, justeringsdatum = ?, justerare = ? where id = ?")
        .params(Sammantradestatus.PROTOKOLL_JUSTERAT.name(), justeringsdatum, justerare, motesId).update();
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @param anslagsdatum the day the justering was anslagen
   */
  public void ansla(Organ organ, LocalDate datum, LocalDate anslagsdatum) {
    long motesId = las(organ, datum);
    jdbc.sql("update sammantrade set status = ?, anslagsdatum = ? where id = ?")
        .params(Sammantradestatus.ANSLAGET.name(), anslagsdatum, motesId).update();
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @param dnr the ärende
   * @return its paragraph at that meeting, once assigned
   */
  @Transactional(readOnly = true)
  public Optional<Integer> paragraf(Organ organ, LocalDate datum, Diarienummer dnr) {
    return jdbc.sql("""
            select sa.paragraf from sammantrade_arende sa join sammantrade s on s.id = sa.sammantrade_id
            join arende a on a.id = sa.arende_id
            where s.organ = ? and s.datum = ? and a.diarienummer = ? and sa.paragraf is not null""")
        .params(organ.name(), datum, dnr.toString()).query(Integer.class).optional();
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @return the meeting with its list, or empty when no ärende was ever anmält to it
   */
  @Transactional(readOnly = true)
  public Optional<Sammantrade> hitta(Organ organ, LocalDate datum) {
    return jdbc.sql("select * from sammantrade where organ = ? and datum = ?").params(organ.name(), datum)
        .query((rs, i) -> new Sammantrade(organ, datum, Sammantradestatus.valueOf(rs.getString("status")),
            rs.getObject("lista_faststalld", OffsetDateTime.class), rs.getObject("hallet", OffsetDateTime.class),
            rs.getObject("justeringsdatum", LocalDate.class), rs.getString("justerare"),
            rs.getObject("anslagsdatum", LocalDate.class), punkter(rs.getLong("id"))))
        .optional();
  }

  /**
   * The meetings whose justering was anslagen on or after a day, newest first (the anslagstavla).
   *
   * @param fran the first day of anslag to include
   * @return the meetings
   */
  @Transactional(readOnly = true)
  public List<Sammantrade> anslagnaSedan(LocalDate fran) {
    return jdbc.sql("select organ, datum from sammantrade where anslagsdatum >= ? order by anslagsdatum desc, datum desc")
        .param(fran)
        .query((rs, i) -> hitta(Organ.valueOf(rs.getString("organ")), rs.getObject("datum", LocalDate.class))
            .orElseThrow())
        .list();
  }

  /**
   * The meetings an ärende has been anmält to, oldest first.
   *
   * @param dnr the ärende
   * @return organ and day of each
   */
  @Transactional(readOnly = true)
  public List<Sammantrade> forArende(Diarienummer dnr) {
    return jdbc.sql("""
            select s.organ, s.datum from sammantrade s join sammantrade_arende sa on sa.sammantrade_id = s.id
            join arende a on a.id = sa.arende_id where a.diarienummer = ? order by s.datum, s.organ""")
        .param(dnr.toString())
        .query((rs, i) -> hitta(Organ.valueOf(rs.getString("organ")), rs.getObject("datum", LocalDate.class))
            .orElseThrow())
        .list();
  }

  private List<Punkt> punkter(long motesId) {
    return jdbc.sql("""
            select sa.ordning, a.diarienummer, a.rubrik, a.foredragande_borgarrad, sa.status, sa.paragraf
            from sammantrade_arende sa join arende a on a.id = sa.arende_id
            where sa.sammantrade_id = ? order by sa.ordning""")
        .param(motesId)
        .query((rs, i) -> new Punkt(rs.getInt("ordning"), Diarienummer.parse(rs.getString("diarienummer")),
            rs.getString("rubrik"), rs.getString("foredragande_borgarrad"), Punktstatus.valueOf(rs.getString("status")),
            (Integer) rs.getObject("paragraf", Integer.class)))
        .list();
  }

  private void tilldelaParagrafer(Organ organ, LocalDate datum, long motesId) {
    List<Long> utan = jdbc.sql("select id from sammantrade_arende where sammantrade_id = ? and paragraf is null "
            + "and status <> ? order by ordning")
        .params(motesId, Punktstatus.AVFORT.name()).query(Long.class).list();
    if (utan.isEmpty()) {
      return;
    }
    int nasta;
    if (installningar.paragrafnumrering() == SammantradeInstallningar.Paragrafnumrering.PER_SAMMANTRADE) {
      nasta = jdbc.sql("select coalesce(max(paragraf), 0) + 1 from sammantrade_arende where sammantrade_id = ?")
          .param(motesId).query(Integer.class).single();
    } else {
      LocalDate forsta = datum.withDayOfYear(1);
      LocalDate sista = datum.withDayOfYear(datum.lengthOfYear());
      // the year's meetings of the organ, locked in one order: one numbering at a time
      jdbc.sql("select id from sammantrade where organ = ? and datum between ? and ? order by id for update")
          .params(organ.name(), forsta, sista).query(Long.class).list();
      Integer hogsta = jdbc.sql("""
              select max(sa.paragraf) from sammantrade_arende sa join sammantrade s on s.id = sa.sammantrade_id
              where s.organ = ? and s.datum between ? and ?""")
          .params(organ.name(), forsta, sista).query(Integer.class).optional().orElse(null);
      nasta = hogsta == null ? installningar.forstaParagraf(datum.getYear()) : hogsta + 1;
    }
    for (Long id : utan) {
      jdbc.sql("update sammantrade_arende set paragraf = ? where id = ?").params(nasta++, id).update();
    }
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @return the meeting's row id, the row created if missing and locked until the caller's transaction ends
   */
  long lasMote(Organ organ, LocalDate datum) {
    return las(organ, datum);
  }

  private Sammantradestatus status(long motesId) {
    return Sammantradestatus.valueOf(jdbc.sql("select status from sammantrade where id = ?").param(motesId)
        .query(String.class).single());
  }

  private Optional<Long> motesId(Organ organ, LocalDate datum) {
    return jdbc.sql("select id from sammantrade where organ = ? and datum = ?").params(organ.name(), datum)
        .query(Long.class).optional();
  }

  /** The meeting's id, the row created if missing and locked until the caller's transaction ends. */
  private long las(Organ organ, LocalDate datum) {
    if (motesId(organ, datum).isEmpty()) {
      try {
        newTransaction.executeWithoutResult(s -> jdbc.sql("insert into sammantrade (organ, datum, status) values (?, ?, ?)")
            .params(organ.name(), datum, Sammantradestatus.PLANERAT.name()).update());
      } catch (DuplicateKeyException createdByAnother) {
        // another ärende of the same meeting created it first
      }
    }
    return jdbc.sql("select id from sammantrade where organ = ? and datum = ? for update").params(organ.name(), datum)
        .query(Long.class).single();
  }

  private long arendeId(Diarienummer dnr) {
    return jdbc.sql("select id from arende where diarienummer = ?").param(dnr.toString()).query(Long.class)
        .optional().orElseThrow(() -> new ArendeSaknasException(dnr));
  }
}
