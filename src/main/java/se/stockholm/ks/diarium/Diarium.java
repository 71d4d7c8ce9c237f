package se.stockholm.ks.diarium;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The diarium: registers ärenden and their handlingar and events, numbers them, and keeps them.
 * This is the record of the allmänna handlingar (offentlighets- och sekretesslagen 5 kap), not
 * Camunda's history.
 *
 * <p>Every method joins the caller's transaction (a delegate runs in the engine's transaction, so
 * a registration and the step that caused it commit or roll back together) — except the taking of
 * a diarienummer in {@link #registreraArende}, which commits at once in a transaction of its own
 * (see {@link Nummerserie}). Numbers are taken under row locks: diarienummer are consecutive within
 * a year with no duplicates, also across application nodes on one database, and every number taken
 * stays in the diarium (as an ärende, or {@link Arendestatus#MAKULERAT void} when its registration
 * failed); handlingar are numbered 1, 2, … within the ärende in the order registered.
 */
@Service
@Transactional
public class Diarium {

  /** Business dates are Swedish dates. */
  public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final JdbcClient jdbc;
  private final DiariumInstallningar installningar;
  private final Innehallskontroll kontroll;
  private final Nummerserie nummerserie;

  Diarium(JdbcClient jdbc, DiariumInstallningar installningar, Innehallskontroll kontroll, Nummerserie nummerserie) {
    this.jdbc = jdbc;
    this.installningar = installningar;
    this.kontroll = kontroll;
    this.nummerserie = nummerserie;
  }

  /**
   * Registers a new ärende and gives it the next diarienummer of the year it was received
   * (the date of {@code inkom} in Europe/Stockholm).
   *
   * <p>The number is taken, and the ärende's row written, in a short transaction of its own (see
   * {@link Nummerserie}); the row becomes a {@link Arendestatus#PAGAENDE pågående} ärende in the
   * caller's transaction. If that transaction rolls back, the number is made
   * {@link Arendestatus#MAKULERAT void} with an event — so check what can be checked (the
   * handling's content: {@link #kontrolleraHandling}) before calling this.
   *
   * @param nytt the ärende
   * @return the registered ärende
   * @throws IllegalArgumentException when a required field is missing (no number is taken)
   */
  public Arende registreraArende(NyttArende nytt) {
    requireText(nytt.rubrik(), "rubrik");
    requireText(nytt.arendetyp(), "arendetyp");
    if (nytt.inkom() == null || nytt.avsandare() == null) {
      throw new IllegalArgumentException("Inkomsttid och avsändare krävs");
    }
    requireText(nytt.avsandare().namn(), "avsandare.namn");
    LocalDate inkomDatum = nytt.inkom().atZoneSameInstant(STOCKHOLM).toLocalDate();
    String diarium = installningar.diarium();
    int ar = inkomDatum.getYear();
    OffsetDateTime nu = nu();
    Diarienummer dnr = reservera(serie -> {
      int lopnummer = nastaLopnummer(serie, diarium, ar);
      Diarienummer nummer = new Diarienummer(diarium, ar, lopnummer);
      serie.sql("""
              insert into arende (diarienummer, diarium, ar, lopnummer, arendetyp, rubrik, status, inkom_datum,
                inkom_tid, avsandare_namn, avsandare_parti, avsandare_roll, registrerad_tid, registrerad_av,
                reserverad_tid)
              values (:dnr, :diarium, :ar, :lopnummer, :typ, :rubrik, :status, :inkomDatum, :inkomTid,
                :namn, :parti, :roll, :nu, :av, current_timestamp)""")
          .param("dnr", nummer.toString())
          .param("diarium", diarium)
          .param("ar", ar)
          .param("lopnummer", lopnummer)
          .param("typ", nytt.arendetyp())
          .param("rubrik", nytt.rubrik().strip())
          .param("status", Arendestatus.REGISTRERAS.name())
          .param("inkomDatum", inkomDatum)
          .param("inkomTid", nytt.inkom())
          .param("namn", nytt.avsandare().namn().strip())
          .param("parti", nytt.avsandare().parti())
          .param("roll", nytt.avsandare().roll())
          .param("nu", nu)
          .param("av", nytt.registreradAv())
          .update();
      return nummer;
    });
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            nummerserie.makulera(dnr, "Registreringen avbröts innan den var klar; ingen handling registrerades.");
          }
        }
      });
    }
    int n = jdbc.sql("update arende set status = ? where diarienummer = ? and status = ?")
        .params(Arendestatus.PAGAENDE.name(), dnr.toString(), Arendestatus.REGISTRERAS.name()).update();
    if (n != 1) {
      throw new IllegalStateException("Diarienumret " + dnr + " makulerades medan registreringen pågick");
    }
    // the search text, in the registration's transaction (a void number is never a hit)
    jdbc.sql("insert into arende_sok (arende_id, sok_text) select id, ? from arende where diarienummer = ?")
        .params(soktext(null, nytt.rubrik().strip()), dnr.toString()).update();
    return arende(dnr).orElseThrow();
  }

  /**
   * @param dnr a diarienummer
   * @return the ärende, or empty when no such ärende is registered
   */
  @Transactional(readOnly = true)
  public Optional<Arende> arende(Diarienummer dnr) {
    return jdbc.sql("select * from arende where diarienummer = ? and status <> ?")
        .params(dnr.toString(), Arendestatus.REGISTRERAS.name())
        .query(Diarium::mapArende).optional();
  }

  /**
   * Every number handed out, also one whose registration is still running or was interrupted
   * (status {@link Arendestatus#REGISTRERAS}): the number never disappears from view, not even in
   * the minute before an interrupted registration's number is made void.
   *
   * @param dnr a diarienummer
   * @return the ärende or reserved number, or empty when the number was never handed out
   */
  @Transactional(readOnly = true)
  public Optional<Arende> nummer(Diarienummer dnr) {
    return jdbc.sql("select * from arende where diarienummer = ?")
        .params(dnr.toString())
        .query(Diarium::mapArende).optional();
  }

  /**
   * @param processInstanceId a process instance of the skrivelse process
   * @return the ärende it carries, or empty
   */
  @Transactional(readOnly = true)
  public Optional<Arende> arendeForProcess(String processInstanceId) {
    return jdbc.sql("select * from arende where process_instance_id = ?").param(processInstanceId)
        .query(Diarium::mapArende).optional();
  }

  /**
   * Links the ärende to the process instance that carries it.
   *
   * @param dnr the ärende
   * @param processInstanceId the process instance
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public void kopplaProcess(Diarienummer dnr, String processInstanceId) {
    uppdatera(dnr, "update arende set process_instance_id = ? where diarienummer = ?", processInstanceId);
  }

  /**
   * Records the fördelning: the rotel and its föredragande borgarråd.
   *
   * @param dnr the ärende
   * @param rotel rotel id, e.g. {@code rotel-i}
   * @param foredragandeBorgarrad name of the borgarråd
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public void fordela(Diarienummer dnr, String rotel, String foredragandeBorgarrad) {
    int n = jdbc.sql("update arende set rotel = ?, foredragande_borgarrad = ? where diarienummer = ?")
        .params(rotel, foredragandeBorgarrad, dnr.toString()).update();
    if (n == 0) {
      throw new ArendeSaknasException(dnr);
    }
  }

  /**
   * Changes the föredragande borgarråd (e.g. when the promemoria is signed by another borgarråd than
   * the one chosen at fördelning); the rotel stays.
   *
   * @param dnr the ärende
   * @param foredragandeBorgarrad name of the borgarråd
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public void andraForedragandeBorgarrad(Diarienummer dnr, String foredragandeBorgarrad) {
    uppdatera(dnr, "update arende set foredragande_borgarrad = ? where diarienummer = ?", foredragandeBorgarrad);
  }

  /**
   * Sets the ärende's status; {@code AVSLUTAT} and {@code ATERKALLAT} also set the closing date.
   *
   * @param dnr the ärende
   * @param status the new status
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public void andraStatus(Diarienummer dnr, Arendestatus status) {
    LocalDate avslutad = status == Arendestatus.AVSLUTAT || status == Arendestatus.ATERKALLAT ? idag() : null;
    int n = jdbc.sql("update arende set status = ?, avslutad_datum = ? where diarienummer = ?")
        .params(status.name(), avslutad, dnr.toString()).update();
    if (n == 0) {
      throw new ArendeSaknasException(dnr);
    }
  }

  /**
   * Registers a handling in the ärende and gives it the next number. With a
   * {@link NyHandling#kallaNyckel() källnyckel} that is already registered, returns that handling
   * and registers nothing (a retried step never registers twice).
   *
   * @param dnr the ärende
   * @param ny the handling
   * @return the registered handling
   * @throws ArendeSaknasException when the ärende does not exist
   * @throws OgiltigHandlingException when the content is empty, too large or not allowed
   */
  public Handling registreraHandling(Diarienummer dnr, NyHandling ny) {
    if (ny.kallaNyckel() != null) {
      Optional<Handling> redan = handlingMedKalla(ny.kallaNyckel());
      if (redan.isPresent()) {
        return redan.get();
      }
    }
    String mediatyp = kontrolleraHandling(ny);
    boolean harFil = ny.fil() != null;
    boolean harText = ny.text() != null && !ny.text().isBlank();
    byte[] innehall = harFil ? ny.fil() : ny.text().getBytes(StandardCharsets.UTF_8);

    long arendeId = lasArende(dnr);
    int lopnummer = jdbc.sql("select coalesce(max(lopnummer), 0) + 1 from handling where arende_id = ?")
        .param(arendeId).query(Integer.class).single();
    String dokumentnummer = dnr.dokumentnummer(lopnummer);
    jdbc.sql("""
            insert into handling (arende_id, lopnummer, dokumentnummer, handlingstyp, rubrik, datum, status,
              avsandare, mottagare, filnamn, mediatyp, storlek, sha256, text_innehall, fil_innehall, struktur,
              hanvisar_till, kalla_nyckel, registrerad_tid, registrerad_av)
            values (:arende, :lopnummer, :dokumentnummer, :typ, :rubrik, :datum, :status, :avsandare,
              :mottagare, :filnamn, :mediatyp, :storlek, :sha256, :text, :fil, :struktur, :hanvisar, :kalla,
              :nu, :av)""")
        .param("arende", arendeId)
        .param("lopnummer", lopnummer)
        .param("dokumentnummer", dokumentnummer)
        .param("typ", ny.handlingstyp().name())
        .param("rubrik", ny.rubrik().strip())
        .param("datum", ny.datum())
        .param("status", ny.status().name())
        .param("avsandare", ny.avsandare())
        .param("mottagare", ny.mottagare())
        .param("filnamn", harFil ? ny.filnamn() : null)
        .param("mediatyp", mediatyp)
        .param("storlek", (long) innehall.length)
        .param("sha256", Innehallskontroll.sha256(innehall))
        .param("text", harText ? ny.text() : null)
        .param("fil", harFil ? ny.fil() : null)
        .param("struktur", ny.struktur())
        .param("hanvisar", ny.hanvisarTill())
        .param("kalla", ny.kallaNyckel())
        .param("nu", nu())
        .param("av", ny.registreradAv())
        .update();
    // the ärende's search text gets the handling's title (the row is locked above: one writer at a time)
    String sok = jdbc.sql("select sok_text from arende_sok where arende_id = ?").param(arendeId)
        .query(String.class).optional().orElse(null);
    String nySok = soktext(sok, ny.rubrik().strip());
    if (sok == null) {
      jdbc.sql("insert into arende_sok (arende_id, sok_text) values (?, ?)").params(arendeId, nySok).update();
    } else if (!nySok.equals(sok)) {
      jdbc.sql("update arende_sok set sok_text = ? where arende_id = ?").params(nySok, arendeId).update();
    }
    Handling handling = handling(dokumentnummer).orElseThrow();
    registreraHandelse(dnr, Handelsetyp.HANDLING_REGISTRERAD,
        ny.handlingstyp().text() + " registrerad som " + dokumentnummer + ": " + ny.rubrik().strip(),
        ny.registreradAv(), dokumentnummer, null);
    return handling;
  }

  /**
   * Marks a handling drawn up by kommunstyrelsen as sent out (expedierad) to a recipient, e.g. the
   * protokollsutdrag sent to the sender of the skrivelse. A handling already expedierad, or one that
   * came in, stays as it is (a retried step changes nothing).
   *
   * @param dokumentnummer the handling
   * @param mottagare to whom it was sent
   * @return true when it was marked now
   */
  public boolean expediera(String dokumentnummer, String mottagare) {
    return jdbc.sql("update handling set status = ?, mottagare = ? where dokumentnummer = ? and status = ?")
        .params(HandlingStatus.EXPEDIERAD.name(), mottagare, dokumentnummer, HandlingStatus.UPPRATTAD.name())
        .update() == 1;
  }

  /**
   * Checks a handling as {@link #registreraHandling} will, without registering anything: required
   * fields, text length, and a file's size and media type (detected from its content).
   *
   * @param ny the handling
   * @return the media type it will be registered with
   * @throws IllegalArgumentException when rubrik, type, status or date is missing
   * @throws OgiltigHandlingException when the content is empty, too large or not allowed
   */
  public String kontrolleraHandling(NyHandling ny) {
    requireText(ny.rubrik(), "rubrik");
    if (ny.handlingstyp() == null || ny.status() == null || ny.datum() == null) {
      throw new IllegalArgumentException("Handlingstyp, status och datum krävs");
    }
    boolean harFil = ny.fil() != null;
    boolean harText = ny.text() != null && !ny.text().isBlank();
    if (!harFil && !harText) {
      throw new OgiltigHandlingException("text", "Handlingen '" + ny.rubrik() + "' saknar både text och fil.");
    }
    kontroll.kontrolleraText("text", ny.text());
    return harFil ? kontroll.kontrolleraFil(ny.fil(), ny.filnamn()) : "text/plain";
  }

  /**
   * @param dnr the ärende
   * @return its handlingar in number order
   * @throws ArendeSaknasException when the ärende does not exist
   */
  @Transactional(readOnly = true)
  public List<Handling> handlingar(Diarienummer dnr) {
    long arendeId = arendeId(dnr);
    return jdbc.sql("select " + HANDLING_FIELDS + " from handling where arende_id = ? order by lopnummer").param(arendeId)
        .query(Diarium::mapHandling).list();
  }

  /**
   * @param dokumentnummer e.g. {@code KS 2025/1513-3}
   * @return the handling, or empty
   */
  @Transactional(readOnly = true)
  public Optional<Handling> handling(String dokumentnummer) {
    return jdbc.sql("select " + HANDLING_FIELDS + " from handling where dokumentnummer = ?").param(dokumentnummer)
        .query(Diarium::mapHandling).optional();
  }

  /**
   * @param dokumentnummer e.g. {@code KS 2025/1513-3}
   * @return the handling with its content, or empty
   */
  @Transactional(readOnly = true)
  public Optional<HandlingInnehall> innehall(String dokumentnummer) {
    return jdbc.sql("select " + HANDLING_FIELDS + ", text_innehall, fil_innehall, struktur from handling"
            + " where dokumentnummer = ?")
        .param(dokumentnummer)
        .query((rs, i) -> new HandlingInnehall(mapHandling(rs, i), rs.getString("text_innehall"),
            rs.getBytes("fil_innehall"), rs.getString("struktur")))
        .optional();
  }

  /**
   * Records an event in the ärende. With a källnyckel already recorded, records nothing.
   *
   * @param dnr the ärende
   * @param typ what happened
   * @param beskrivning a sentence in Swedish
   * @param aktor user id, or null for the system
   * @param dokumentnummer the handling concerned, or null
   * @param kallaNyckel idempotency key, or null
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public void registreraHandelse(Diarienummer dnr, Handelsetyp typ, String beskrivning, String aktor,
                                 String dokumentnummer, String kallaNyckel) {
    registreraHandelse(dnr, typ, beskrivning, aktor, dokumentnummer, kallaNyckel, nu());
  }

  /**
   * Records an event in the ärende at the time of the act it records (which may lie before its
   * recording: a justering recorded at the anslag, a meeting's outcome recorded the day after). With
   * a källnyckel already recorded, records nothing.
   *
   * @param dnr the ärende
   * @param typ what happened
   * @param beskrivning a sentence in Swedish
   * @param aktor user id, or null for the system
   * @param dokumentnummer the handling concerned, or null
   * @param kallaNyckel idempotency key, or null
   * @param tid when the act took place (see {@link #tidpunktFor})
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public void registreraHandelse(Diarienummer dnr, Handelsetyp typ, String beskrivning, String aktor,
                                 String dokumentnummer, String kallaNyckel, OffsetDateTime tid) {
    if (kallaNyckel != null && jdbc.sql("select count(*) from arende_handelse where kalla_nyckel = ?")
        .param(kallaNyckel).query(Integer.class).single() > 0) {
      return;
    }
    long arendeId = arendeId(dnr);
    jdbc.sql("""
            insert into arende_handelse (arende_id, tid, handelsetyp, beskrivning, aktor, dokumentnummer, kalla_nyckel)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(arendeId, tid == null ? nu() : tid, typ.name(), trunc(beskrivning, 2000), aktor, dokumentnummer,
            kallaNyckel)
        .update();
  }

  /**
   * The time to record for an act known by its date (a justering, an anslag, a meeting's outcome).
   *
   * @param dag the day of the act, Europe/Stockholm
   * @param registrerad when the act was recorded, if known; may be null
   * @return {@code registrerad} when it fell on that day; else now when the day is today; else the
   *     start of that day (the time of day is not known)
   */
  public static OffsetDateTime tidpunktFor(LocalDate dag, OffsetDateTime registrerad) {
    if (registrerad != null && registrerad.atZoneSameInstant(STOCKHOLM).toLocalDate().equals(dag)) {
      return registrerad;
    }
    if (dag.equals(idag())) {
      return nu();
    }
    return dag.atStartOfDay(STOCKHOLM).toOffsetDateTime();
  }

  /**
   * @param dnr the ärende
   * @return its events in the order they happened (by the time of the act, then as recorded)
   * @throws ArendeSaknasException when the ärende does not exist
   */
  @Transactional(readOnly = true)
  public List<Handelse> handelser(Diarienummer dnr) {
    long arendeId = arendeId(dnr);
    return jdbc.sql("""
            select tid, handelsetyp, beskrivning, aktor, dokumentnummer from arende_handelse
            where arende_id = ? order by tid, id""")
        .param(arendeId)
        .query((rs, i) -> new Handelse(rs.getObject("tid", OffsetDateTime.class),
            Handelsetyp.valueOf(rs.getString("handelsetyp")), rs.getString("beskrivning"),
            rs.getString("aktor"), rs.getString("dokumentnummer")))
        .list();
  }

  /**
   * Records a decision on the ärende; a second call for the same organ and meeting replaces
   * nothing and returns quietly (idempotent).
   *
   * @param dnr the ärende
   * @param beslut the decision
   * @param av user id, or null
   * @throws ArendeSaknasException when the ärende does not exist
   */
  public void registreraBeslut(Diarienummer dnr, Beslut beslut, String av) {
    long arendeId = arendeId(dnr);
    int redan = jdbc.sql("select count(*) from arende_beslut where arende_id = ? and organ = ? and sammantrade = ?")
        .params(arendeId, beslut.organ(), beslut.sammantrade()).query(Integer.class).single();
    if (redan == 0) {
      jdbc.sql("insert into arende_beslut (arende_id, organ, sammantrade, paragraf, beslutstext, registrerad_tid,"
              + " registrerad_av) values (?, ?, ?, ?, ?, ?, ?)")
          .params(arendeId, beslut.organ(), beslut.sammantrade(), beslut.paragraf(), beslut.beslutstext(), nu(), av)
          .update();
    }
  }

  /**
   * @param dnr the ärende
   * @return its latest decision, or empty
   * @throws ArendeSaknasException when the ärende does not exist
   */
  @Transactional(readOnly = true)
  public Optional<Beslut> beslut(Diarienummer dnr) {
    long arendeId = arendeId(dnr);
    return jdbc.sql("select organ, sammantrade, paragraf, beslutstext from arende_beslut where arende_id = ? "
            + "order by sammantrade desc, id desc")
        .param(arendeId)
        .query((rs, i) -> new Beslut(rs.getString("organ"), rs.getObject("sammantrade", LocalDate.class),
            rs.getString("paragraf"), rs.getString("beslutstext")))
        .list().stream().findFirst();
  }

  /**
   * @param organ e.g. {@code KS}
   * @param sammantrade a meeting
   * @return the diarienummer of the ärenden decided at that meeting
   */
  @Transactional(readOnly = true)
  public List<Diarienummer> beslutadePa(String organ, LocalDate sammantrade) {
    return jdbc.sql("select a.diarienummer from arende_beslut b join arende a on a.id = b.arende_id"
            + " where b.organ = ? and b.sammantrade = ? order by a.id")
        .params(organ, sammantrade)
        .query((rs, i) -> Diarienummer.parse(rs.getString(1))).list();
  }

  /**
   * The ärenden closed (avslutade) or withdrawn (återkallade) within a period, e.g. for a delivery of past
   * ärenden to the e-arkiv.
   *
   * @param fran the first day, inclusive (the day the ärende was closed, Europe/Stockholm)
   * @param till the last day, inclusive
   * @return their diarienummer, the earliest closed first
   */
  @Transactional(readOnly = true)
  public List<Diarienummer> avslutadeMellan(LocalDate fran, LocalDate till) {
    return jdbc.sql("select diarienummer from arende where status in ('AVSLUTAT', 'ATERKALLAT')"
            + " and avslutad_datum between ? and ? order by avslutad_datum, id")
        .params(fran, till)
        .query((rs, i) -> Diarienummer.parse(rs.getString(1))).list();
  }

  /**
   * The form in which the officials' search compares texts: Unicode NFC (a decomposed "å" from a Mac is
   * the same letter) and lower case as in Swedish; å, ä and ö stay letters of their own.
   *
   * @param text a text, or null
   * @return it normalized, or null
   */
  public static String soknormalisera(String text) {
    return text == null ? null : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
        .toLowerCase(java.util.Locale.forLanguageTag("sv"));
  }

  /**
   * An ärende's search text ({@code arende_sok.sok_text}): its rubrik and its handlingar's titles,
   * normalized ({@link #soknormalisera}), one per line, each title once.
   *
   * @param hittills the search text so far, or null
   * @param rubrik a rubrik or title to add
   * @return the new search text
   */
  public static String soktext(String hittills, String rubrik) {
    String n = soknormalisera(rubrik).replace('\n', ' ');
    if (hittills == null || hittills.isEmpty()) {
      return n;
    }
    return ("\n" + hittills + "\n").contains("\n" + n + "\n") ? hittills : hittills + "\n" + n;
  }

  /** @return today in Europe/Stockholm, by the engine's clock (moved in process tests) */
  public static LocalDate idag() {
    return nu().atZoneSameInstant(STOCKHOLM).toLocalDate();
  }

  /** @return now, by the engine's clock, with Stockholm's offset */
  public static OffsetDateTime nu() {
    return ClockUtil.getCurrentTime().toInstant().atZone(STOCKHOLM).toOffsetDateTime();
  }

  // --- numbering -------------------------------------------------------------------------------

  /** Runs the reservation in its own transaction; again when the year's series was created meanwhile. */
  private Diarienummer reservera(java.util.function.Function<JdbcClient, Diarienummer> reservation) {
    for (int forsok = 1; ; forsok++) {
      try {
        return nummerserie.iEgenTransaktion(reservation);
      } catch (SerieSkapadSamtidigt e) {
        if (forsok == 3) {
          throw new IllegalStateException("Löpnummerserien kunde inte skapas");
        }
      }
    }
  }

  /** Takes the series' next number under its row lock, held until {@code serie}'s transaction ends. */
  private int nastaLopnummer(JdbcClient serie, String diarium, int ar) {
    if (uppraknaSerie(serie, diarium, ar) == 0) {
      try {
        serie.sql("insert into diarienummer_serie (diarium, ar, senaste_lopnummer) values (?, ?, ?)")
            .params(diarium, ar, installningar.forstaLopnummer(ar)).update();
        return installningar.forstaLopnummer(ar);
      } catch (DuplicateKeyException skapadSamtidigt) {
        // another registration (or node) created the year's series at the same time: on PostgreSQL
        // the failed insert has aborted this transaction, so it is rolled back and run again
        throw new SerieSkapadSamtidigt();
      }
    }
    return serie.sql("select senaste_lopnummer from diarienummer_serie where diarium = ? and ar = ?")
        .params(diarium, ar).query(Integer.class).single();
  }

  private static int uppraknaSerie(JdbcClient serie, String diarium, int ar) {
    return serie.sql("update diarienummer_serie set senaste_lopnummer = senaste_lopnummer + 1 where diarium = ? and ar = ?")
        .params(diarium, ar).update();
  }

  /** The year's series was created by someone else between our update and insert: try again. */
  private static final class SerieSkapadSamtidigt extends RuntimeException {
    SerieSkapadSamtidigt() {
      super(null, null, false, false);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Optional<Handling> handlingMedKalla(String kallaNyckel) {
    return jdbc.sql("select " + HANDLING_FIELDS + " from handling where kalla_nyckel = ?").param(kallaNyckel)
        .query(Diarium::mapHandling).optional();
  }

  private long arendeId(Diarienummer dnr) {
    return jdbc.sql("select id from arende where diarienummer = ? and status <> 'REGISTRERAS'").param(dnr.toString())
        .query(Long.class).optional().orElseThrow(() -> new ArendeSaknasException(dnr));
  }

  /** Locks the ärende's row so handlingar are numbered one at a time. */
  private long lasArende(Diarienummer dnr) {
    return jdbc.sql("select id from arende where diarienummer = ? and status <> 'REGISTRERAS' for update")
        .param(dnr.toString())
        .query(Long.class).optional().orElseThrow(() -> new ArendeSaknasException(dnr));
  }

  private void uppdatera(Diarienummer dnr, String sql, Object value) {
    if (jdbc.sql(sql).params(value, dnr.toString()).update() == 0) {
      throw new ArendeSaknasException(dnr);
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " krävs");
    }
  }

  private static String trunc(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static final String HANDLING_FIELDS = """
      lopnummer, dokumentnummer, handlingstyp, rubrik, datum, status, avsandare, mottagare, filnamn,
        mediatyp, storlek, sha256, hanvisar_till, registrerad_tid, registrerad_av,
        text_innehall is not null as har_text, fil_innehall is not null as har_fil""";

  private static Handling mapHandling(ResultSet rs, int row) throws SQLException {
    return new Handling(rs.getInt("lopnummer"), rs.getString("dokumentnummer"),
        Handlingstyp.valueOf(rs.getString("handlingstyp")), rs.getString("rubrik"),
        rs.getObject("datum", LocalDate.class), HandlingStatus.valueOf(rs.getString("status")),
        rs.getString("avsandare"), rs.getString("mottagare"), rs.getString("filnamn"),
        rs.getString("mediatyp"), rs.getLong("storlek"), rs.getString("sha256"),
        rs.getString("hanvisar_till"), rs.getBoolean("har_text"), rs.getBoolean("har_fil"),
        rs.getObject("registrerad_tid", OffsetDateTime.class), rs.getString("registrerad_av"));
  }

  private static Arende mapArende(ResultSet rs, int row) throws SQLException {
    return new Arende(rs.getLong("id"), Diarienummer.parse(rs.getString("diarienummer")),
        rs.getString("arendetyp"), rs.getString("rubrik"), Arendestatus.valueOf(rs.getString("status")),
        rs.getObject("inkom_datum", LocalDate.class), rs.getObject("inkom_tid", OffsetDateTime.class),
        rs.getObject("avslutad_datum", LocalDate.class),
        new Avsandare(rs.getString("avsandare_namn"), rs.getString("avsandare_parti"),
            rs.getString("avsandare_roll")),
        rs.getString("foredragande_borgarrad"), rs.getString("rotel"), rs.getString("process_instance_id"),
        rs.getObject("registrerad_tid", OffsetDateTime.class), rs.getString("registrerad_av"));
  }
}
