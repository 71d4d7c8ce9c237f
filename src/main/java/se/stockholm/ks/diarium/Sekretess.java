package se.stockholm.ks.diarium;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.security.Grupper;

/**
 * Secrecy marks (sekretess) on handlingar and ärenden: the registrator marks a handling, or a whole
 * ärende, secret with the provision of offentlighets- och sekretesslagen (OSL) that applies, e.g.
 * {@code OSL 21 kap. 7 §}. A marked handling's content is read only by the groups that handle the
 * ärende ({@link #handlaggandeGrupper}); the public e-diarium shows the entry with sender and
 * description masked ("uppgift enligt OSL …", OSL 5 kap. 2 § andra stycket). Every mark and every
 * lifted mark is an event in the ärende ({@link Handelsetyp#SEKRETESS_MARKERAD},
 * {@link Handelsetyp#SEKRETESS_HAVD}) naming who did it; setting the same mark again changes and
 * records nothing.
 *
 * <p>A mark on the ärende covers all its handlingar, also those registered later.
 */
@Service
@Transactional
public class Sekretess {

  /** The groups that may mark and unmark: the registrator (KS kansli) and the administrators. */
  public static final Set<String> MARKERAR = Set.of(Grupper.KS_KANSLI, Grupper.CAMUNDA_ADMIN);

  /** "OSL 21 kap. 7 §", "OSL 18 kap. 8 § 1 p.", "OSL 39 kap. 3 §" — chapter and section are required. */
  private static final Pattern HANVISNING = Pattern.compile("OSL \\d{1,2} kap\\. \\d{1,2} [a-z]? ?§[\\p{L}\\p{N} .,:;()-]*");

  private final JdbcClient jdbc;
  private final Diarium diarium;
  private final Organisation organisation;

  Sekretess(JdbcClient jdbc, Diarium diarium, Organisation organisation) {
    this.jdbc = jdbc;
    this.diarium = diarium;
    this.organisation = organisation;
  }

  /**
   * @param hanvisning an OSL reference as typed
   * @return it trimmed, with single spaces
   * @throws OgiltigHandlingException (field {@code hanvisning}) when it does not name a chapter and
   *     section of OSL, or is longer than 100 characters
   */
  public static String kontrolleraHanvisning(String hanvisning) {
    String h = hanvisning == null ? "" : hanvisning.strip().replaceAll("\\s+", " ");
    if (h.isEmpty()) {
      throw new OgiltigHandlingException("hanvisning",
          "Ange bestämmelsen i offentlighets- och sekretesslagen, t.ex. \"OSL 21 kap. 7 §\".");
    }
    if (h.length() > 100 || !HANVISNING.matcher(h).matches()) {
      throw new OgiltigHandlingException("hanvisning", "Hänvisningen '" + (h.length() > 100 ? h.substring(0, 100) + "…" : h)
          + "' ska skrivas som \"OSL 21 kap. 7 §\": lagens förkortning, kapitel och paragraf.");
    }
    return h;
  }

  /**
   * Marks one handling secret.
   *
   * @param dnr the ärende
   * @param nummer the handling's number in the ärende
   * @param hanvisning the OSL reference (checked by {@link #kontrolleraHanvisning})
   * @param aktor who marks it (user id)
   * @return true when the mark was set or changed now (and an event recorded), false when it was already so
   * @throws ArendeSaknasException when there is no such ärende
   * @throws OgiltigHandlingException for a bad reference, or (field {@code nummer}) no such handling
   */
  public boolean markeraHandling(Diarienummer dnr, int nummer, String hanvisning, String aktor) {
    String h = kontrolleraHanvisning(hanvisning);
    String dokumentnummer = dnr.dokumentnummer(nummer);
    String fore = handlingensEgen(dnr, dokumentnummer);
    if (h.equals(fore)) {
      return false;
    }
    jdbc.sql("update handling set sekretess = ? where dokumentnummer = ?").params(h, dokumentnummer).update();
    diarium.registreraHandelse(dnr, Handelsetyp.SEKRETESS_MARKERAD, "Handlingen " + dokumentnummer
        + " sekretessmarkerad enligt " + h + (fore == null ? "" : " (tidigare " + fore + ")") + " av " + aktor + ".",
        aktor, dokumentnummer, null);
    return true;
  }

  /**
   * Lifts a handling's own mark (a mark on the ärende stays).
   *
   * @param dnr the ärende
   * @param nummer the handling's number
   * @param aktor who lifts it
   * @return true when a mark was lifted now (and an event recorded)
   * @throws ArendeSaknasException when there is no such ärende
   * @throws OgiltigHandlingException (field {@code nummer}) when there is no such handling
   */
  public boolean havHandling(Diarienummer dnr, int nummer, String aktor) {
    String dokumentnummer = dnr.dokumentnummer(nummer);
    String fore = handlingensEgen(dnr, dokumentnummer);
    if (fore == null) {
      return false;
    }
    jdbc.sql("update handling set sekretess = null where dokumentnummer = ?").param(dokumentnummer).update();
    diarium.registreraHandelse(dnr, Handelsetyp.SEKRETESS_HAVD, "Sekretessmarkeringen (" + fore + ") för handlingen "
        + dokumentnummer + " hävd av " + aktor + ".", aktor, dokumentnummer, null);
    return true;
  }

  /**
   * Marks the whole ärende secret: every handling, also those registered later.
   *
   * @param dnr the ärende
   * @param hanvisning the OSL reference
   * @param aktor who marks it
   * @return true when the mark was set or changed now
   * @throws ArendeSaknasException when there is no such ärende
   * @throws OgiltigHandlingException for a bad reference
   */
  public boolean markeraArende(Diarienummer dnr, String hanvisning, String aktor) {
    String h = kontrolleraHanvisning(hanvisning);
    String fore = arendets(dnr).orElse(null);
    if (h.equals(fore)) {
      return false;
    }
    jdbc.sql("update arende set sekretess = ? where diarienummer = ?").params(h, dnr.toString()).update();
    diarium.registreraHandelse(dnr, Handelsetyp.SEKRETESS_MARKERAD, "Ärendet sekretessmarkerat enligt " + h
        + (fore == null ? "" : " (tidigare " + fore + ")") + " av " + aktor + ".", aktor, null, null);
    return true;
  }

  /**
   * Lifts the ärende's mark (the handlingar's own marks stay).
   *
   * @param dnr the ärende
   * @param aktor who lifts it
   * @return true when a mark was lifted now
   * @throws ArendeSaknasException when there is no such ärende
   */
  public boolean havArende(Diarienummer dnr, String aktor) {
    String fore = arendets(dnr).orElse(null);
    if (fore == null) {
      return false;
    }
    jdbc.sql("update arende set sekretess = null where diarienummer = ?").param(dnr.toString()).update();
    diarium.registreraHandelse(dnr, Handelsetyp.SEKRETESS_HAVD, "Sekretessmarkeringen av ärendet (" + fore
        + ") hävd av " + aktor + ".", aktor, null, null);
    return true;
  }

  /**
   * @param dnr the ärende
   * @return the ärende's own mark, or empty
   * @throws ArendeSaknasException when there is no such ärende
   */
  @Transactional(readOnly = true)
  public Optional<String> arendets(Diarienummer dnr) {
    // a row mapper, not query(String.class): the column's null (no mark) must not read as "no row"
    return jdbc.sql("select sekretess from arende where diarienummer = ? and status <> 'REGISTRERAS'")
        .param(dnr.toString()).query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional()
        .orElseThrow(() -> new ArendeSaknasException(dnr));
  }

  /**
   * @param dnr the ärende
   * @return each handling's number → its mark in force (its own, else the ärende's); unmarked handlingar absent
   * @throws ArendeSaknasException when there is no such ärende
   */
  @Transactional(readOnly = true)
  public Map<Integer, String> handlingarnas(Diarienummer dnr) {
    String arendets = arendets(dnr).orElse(null);
    return jdbc.sql("select h.lopnummer, h.sekretess from handling h join arende a on a.id = h.arende_id"
            + " where a.diarienummer = ?")
        .param(dnr.toString())
        .query((rs, i) -> Map.entry(rs.getInt(1), Optional.ofNullable(rs.getString(2)).orElse(arendets == null ? "" : arendets)))
        .list().stream().filter(e -> !e.getValue().isEmpty())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * The groups that handle the ärende and so may read its secret handlingar: KS kansli (the
   * registrator), the secretaries of borgarrådsberedningen and kommunstyrelsen, the rotel it is
   * fördelat to, every remissinstans it was remitted to, and the administrators. Not: other rotlar
   * and remissinstanser, the parties' groups, the process owners, the integrations.
   *
   * @param dnr the ärende
   * @return the groups' ids
   * @throws ArendeSaknasException when there is no such ärende
   */
  @Transactional(readOnly = true)
  public Set<String> handlaggandeGrupper(Diarienummer dnr) {
    Arende a = diarium.arende(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    Set<String> grupper = new LinkedHashSet<>(List.of(Grupper.KS_KANSLI, Grupper.BRB_SEKRETERARE,
        Grupper.KS_SEKRETERARE, Grupper.CAMUNDA_ADMIN));
    if (a.rotel() != null) {
      grupper.add(organisation.rotel(a.rotel()).map(Organisation.Rotel::grupp).orElse(a.rotel()));
    }
    Set<String> remitterade = diarium.handlingar(dnr).stream()
        .filter(h -> h.handlingstyp() == Handlingstyp.REMISS && h.mottagare() != null)
        .map(Handling::mottagare).collect(Collectors.toSet());
    organisation.remissinstanser().stream().filter(r -> remitterade.contains(r.namn()))
        .forEach(r -> grupper.add(r.grupp()));
    return grupper;
  }

  /**
   * Whether a user may read the content of a handling.
   *
   * @param dnr the ärende
   * @param nummer the handling's number
   * @param grupper the user's groups; null for the system itself (always allowed)
   * @return true when the handling is not secret, or the user is in a group handling the ärende
   * @throws ArendeSaknasException when there is no such ärende
   */
  @Transactional(readOnly = true)
  public boolean farLasa(Diarienummer dnr, int nummer, Collection<String> grupper) {
    if (grupper == null || !handlingarnas(dnr).containsKey(nummer)) {
      return true;
    }
    return farLasaHemligt(dnr, grupper);
  }

  /**
   * @param dnr the ärende
   * @param grupper the user's groups; null for the system
   * @return whether the user may read the ärende's secret handlingar
   */
  @Transactional(readOnly = true)
  public boolean farLasaHemligt(Diarienummer dnr, Collection<String> grupper) {
    if (grupper == null) {
      return true;
    }
    Set<String> handlaggande = handlaggandeGrupper(dnr);
    return grupper.stream().anyMatch(handlaggande::contains);
  }

  private String handlingensEgen(Diarienummer dnr, String dokumentnummer) {
    diarium.arende(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    return jdbc.sql("select sekretess from handling where dokumentnummer = ?").param(dokumentnummer)
        .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional()
        .orElseThrow(() -> new OgiltigHandlingException("nummer", "Ärendet " + dnr + " har ingen handling "
            + dokumentnummer + "."))
        .orElse(null);
  }
}
