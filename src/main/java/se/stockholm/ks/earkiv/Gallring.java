package se.stockholm.ks.earkiv;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handlingstyp;

/**
 * Gallring by the informationshanteringsplan (arkivlagen 10 §: allmänna handlingar may be gallrade
 * only by a decision; the plan's lines are {@link Informationshanteringsplan}). Never automatic: a
 * report of what is due, and an archivist's explicit decision on named handlingar.
 *
 * <p>A handling is due when its ärende is closed or withdrawn, has been delivered to the e-arkiv
 * (an event {@link Handelsetyp#LEVERERAT_TILL_EARKIV}), its handlingstyp's line says "gallras efter
 * N år", N years have passed since the day the ärende was closed (Europe/Stockholm), and it is not
 * gallrad already.
 *
 * <p>What gallring does here: the handling's content (text, file, structured parts) is removed from
 * the database. Its register entry stays in the diarium (number, type, date, sender, title, size and
 * SHA-256 of the removed content), with a reference to the decision; the decision (who, when, which
 * plan and line, which handlingar) is kept in {@code gallringsbeslut}/{@code gallrad_handling}
 * (V16) and in each ärende's event log ({@link Handelsetyp#GALLRAT}). The package already delivered
 * to the e-arkiv is not touched by this application.
 */
@Service
public class Gallring {

  /** The most handlingar one decision covers. */
  public static final int HOGST = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(Gallring.class);

  private final JdbcClient jdbc;
  private final Diarium diarium;
  private final Informationshanteringsplan plan;

  Gallring(JdbcClient jdbc, Diarium diarium, Informationshanteringsplan plan) {
    this.jdbc = jdbc;
    this.diarium = diarium;
    this.plan = plan;
  }

  /**
   * A handling due for gallring.
   *
   * @param diarienummer its ärende
   * @param dokumentnummer the handling, e.g. {@code KS 2025/1513-2}
   * @param handlingstyp its type
   * @param rubrik its title
   * @param datum its date
   * @param arendetAvslutat the day its ärende was closed or withdrawn
   * @param planrad the plan's line, e.g. {@code REMISS: gallras efter 2 år}
   * @param gallrasFran the first day it may be gallrad
   */
  public record Forfallen(String diarienummer, String dokumentnummer, Handlingstyp handlingstyp, String rubrik,
                          LocalDate datum, LocalDate arendetAvslutat, String planrad, LocalDate gallrasFran) {
  }

  /**
   * A gallringsbeslut.
   *
   * @param id its number
   * @param beslutadAv the archivist's user id
   * @param beslutadTid when
   * @param informationshanteringsplan the plan it applied
   * @param motivering the archivist's note, or null
   * @param handlingar the handlingar it covered
   */
  public record Beslut(long id, String beslutadAv, OffsetDateTime beslutadTid, String informationshanteringsplan,
                       String motivering, List<Forfallen> handlingar) {
  }

  /**
   * A handling that was gallrad.
   *
   * @param beslutId the decision's number
   * @param beslutadAv who decided
   * @param beslutadTid when
   * @param planrad the plan's line applied
   */
  public record Gallrad(long beslutId, String beslutadAv, OffsetDateTime beslutadTid, String planrad) {

    /** @return a sentence in Swedish naming the decision */
    public String text() {
      return "Gallrad enligt gallringsbeslut nr " + beslutId + " (" + planrad + "), beslutat av " + beslutadAv + " "
          + beslutadTid.atZoneSameInstant(Diarium.STOCKHOLM).toLocalDate() + ".";
    }
  }

  /** Some of the named handlingar are not due; nothing was gallrat (409 in the API). */
  public static class EjForfallenException extends RuntimeException {

    private final Map<String, String> orsaker;

    /**
     * @param orsaker dokumentnummer → why it is not due, in Swedish
     */
    public EjForfallenException(Map<String, String> orsaker) {
      super("Ingenting gallrades: " + String.join(" ", orsaker.values()));
      this.orsaker = orsaker;
    }

    /** @return dokumentnummer → why it is not due, in Swedish */
    public Map<String, String> orsaker() {
      return orsaker;
    }
  }

  /**
   * @param idag the day to reckon from (Europe/Stockholm)
   * @return the handlingar due for gallring that day, by the ärende's close, then number
   */
  @Transactional(readOnly = true)
  public List<Forfallen> forfallna(LocalDate idag) {
    List<Forfallen> alla = new ArrayList<>();
    for (Informationshanteringsplan.Planrad rad : plan.gallringsrader().values()) {
      alla.addAll(jdbc.sql("""
              select a.diarienummer, a.avslutad_datum, h.dokumentnummer, h.rubrik, h.datum
              from handling h join arende a on a.id = h.arende_id
              where a.status in ('AVSLUTAT', 'ATERKALLAT') and h.handlingstyp = ? and a.avslutad_datum <= ?
                and exists (select 1 from arende_handelse e where e.arende_id = a.id and e.handelsetyp = ?)
                and not exists (select 1 from gallrad_handling g where g.handling_id = h.id)
              order by a.avslutad_datum, a.id, h.lopnummer""")
          .params(rad.handlingstyp().name(), idag.minusYears(rad.gallrasEfterAr()),
              Handelsetyp.LEVERERAT_TILL_EARKIV.name())
          .query((rs, i) -> {
            LocalDate avslutat = rs.getObject("avslutad_datum", LocalDate.class);
            return new Forfallen(rs.getString("diarienummer"), rs.getString("dokumentnummer"), rad.handlingstyp(),
                rs.getString("rubrik"), rs.getObject("datum", LocalDate.class), avslutat, rad.text(),
                avslutat.plusYears(rad.gallrasEfterAr()));
          }).list());
    }
    alla.sort(java.util.Comparator.comparing(Forfallen::arendetAvslutat).thenComparing(Forfallen::diarienummer)
        .thenComparing(f -> Integer.parseInt(f.dokumentnummer().substring(f.dokumentnummer().lastIndexOf('-') + 1))));
    return alla;
  }

  /**
   * The archivist's decision: gallrar the named handlingar, all or none.
   *
   * @param dokumentnummer the handlingar (each must be due today)
   * @param av the archivist's user id
   * @param motivering a note, or null
   * @return the recorded decision
   * @throws IllegalArgumentException when no handling, or more than {@value #HOGST}, is named
   * @throws EjForfallenException when any named handling is not due (nothing is gallrat)
   */
  @Transactional
  public Beslut gallra(List<String> dokumentnummer, String av, String motivering) {
    LinkedHashSet<String> unika = new LinkedHashSet<>(dokumentnummer);
    if (unika.isEmpty()) {
      throw new IllegalArgumentException("Ange minst en handling (dokumentnummer) att gallra.");
    }
    if (unika.size() > HOGST) {
      throw new IllegalArgumentException("Högst " + HOGST + " handlingar per gallringsbeslut (" + unika.size() + " angivna).");
    }
    LocalDate idag = Diarium.idag();
    Map<String, Forfallen> forfallna = new LinkedHashMap<>();
    for (Forfallen f : forfallna(idag)) {
      forfallna.put(f.dokumentnummer(), f);
    }
    Map<String, String> ejForfallna = new LinkedHashMap<>();
    for (String d : unika) {
      if (!forfallna.containsKey(d)) {
        ejForfallna.put(d, varforInte(d, idag));
      }
    }
    if (!ejForfallna.isEmpty()) {
      throw new EjForfallenException(ejForfallna);
    }
    OffsetDateTime nu = Diarium.nu();
    GeneratedKeyHolder nyckel = new GeneratedKeyHolder();
    jdbc.sql("insert into gallringsbeslut (beslutad_av, beslutad_tid, informationshanteringsplan, motivering)"
            + " values (?, ?, ?, ?)")
        .params(av, nu, plan.beteckning(), motivering == null || motivering.isBlank() ? null : motivering.strip())
        .update(nyckel, "id");
    long beslutId = nyckel.getKey().longValue();
    List<Forfallen> gallrade = new ArrayList<>();
    for (String d : unika) {
      Forfallen f = forfallna.get(d);
      var rad = jdbc.sql("select id, sha256, storlek from handling where dokumentnummer = ? for update").param(d)
          .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).single();
      jdbc.sql("""
              insert into gallrad_handling (gallringsbeslut_id, handling_id, dokumentnummer, handlingstyp, planrad,
                sha256, storlek) values (?, ?, ?, ?, ?, ?, ?)""")
          .params(beslutId, rad[0], d, f.handlingstyp().name(), f.planrad(), rad[1], rad[2]).update();
      jdbc.sql("update handling set text_innehall = null, fil_innehall = null, struktur = null where id = ?")
          .param(rad[0]).update();
      diarium.registreraHandelse(Diarienummer.parse(f.diarienummer()), Handelsetyp.GALLRAT,
          "Handlingens innehåll gallrat enligt " + plan.beteckning() + ", " + f.planrad() + " (gallringsbeslut nr "
              + beslutId + "). Registreringen och kontrollsumman (SHA-256 " + rad[1] + ") står kvar; e-arkivets "
              + "paket berörs inte.", av, d, "gallring:" + rad[0]);
      gallrade.add(f);
    }
    LOG.info("Gallringsbeslut nr {} av {}: {} handlingar gallrade enligt {}", beslutId, av, gallrade.size(),
        plan.beteckning());
    return new Beslut(beslutId, av, nu, plan.beteckning(), motivering, gallrade);
  }

  /**
   * @param dokumentnummer a handling
   * @return the decision that gallrade it, or empty if it is not gallrad
   */
  @Transactional(readOnly = true)
  public Optional<Gallrad> gallrad(String dokumentnummer) {
    return jdbc.sql("""
            select b.id, b.beslutad_av, b.beslutad_tid, g.planrad from gallrad_handling g
            join gallringsbeslut b on b.id = g.gallringsbeslut_id where g.dokumentnummer = ?""")
        .param(dokumentnummer)
        .query((rs, i) -> new Gallrad(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
            rs.getString(4)))
        .optional();
  }

  private String varforInte(String dokumentnummer, LocalDate idag) {
    var handling = diarium.handling(dokumentnummer);
    if (handling.isEmpty()) {
      return dokumentnummer + ": ingen sådan handling.";
    }
    Optional<Gallrad> gallrad = gallrad(dokumentnummer);
    if (gallrad.isPresent()) {
      return dokumentnummer + ": redan gallrad (gallringsbeslut nr " + gallrad.get().beslutId() + ").";
    }
    Informationshanteringsplan.Planrad rad = plan.rad(handling.get().handlingstyp());
    if (rad.gallrasEfterAr() == null) {
      return dokumentnummer + ": " + rad.text() + " enligt informationshanteringsplanen.";
    }
    Diarienummer dnr = Diarienummer.parse(dokumentnummer.substring(0, dokumentnummer.lastIndexOf('-')));
    var arende = diarium.arende(dnr).orElseThrow();
    if (arende.avslutadDatum() == null) {
      return dokumentnummer + ": ärendet är inte avslutat.";
    }
    if (diarium.handelser(dnr).stream().noneMatch(h -> h.handelsetyp() == Handelsetyp.LEVERERAT_TILL_EARKIV)) {
      return dokumentnummer + ": ärendet är inte levererat till e-arkivet.";
    }
    return dokumentnummer + ": " + rad.text() + ", tidigast " + arende.avslutadDatum().plusYears(rad.gallrasEfterAr())
        + " (ärendet avslutades " + arende.avslutadDatum() + ").";
  }
}
