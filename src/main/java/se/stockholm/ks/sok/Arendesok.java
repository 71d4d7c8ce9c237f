package se.stockholm.ks.sok;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Avsandare;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.organisation.Organisation;

/**
 * Runs a {@link Sokfraga} against the diarium with one SQL query for the page and one for the count,
 * the same SQL on H2 and PostgreSQL. The text filter looks in the ärende's search text
 * ({@code arende_sok}, normalized in Java by {@link se.stockholm.ks.diarium.Diarium#soktext}); sender
 * and borgarråd are compared as {@link #normaliserad} (lower case, Swedish letters lowered explicitly
 * so that a PostgreSQL database created with {@code LC_CTYPE=C} answers as H2 does); all with
 * {@code like '%…%'}, served on PostgreSQL by the trigram indexes of {@code V12_1} and {@code V12_3}. Numbers reserved and still being
 * registered ({@link Arendestatus#REGISTRERAS}) are never hits.
 *
 * <p>The caller checks that the user may read ärenden.
 */
@Service
@Transactional(readOnly = true)
public class Arendesok {

  /**
   * One hit.
   *
   * @param diarienummer the diarienummer
   * @param rubrik the rubrik
   * @param arendetyp e.g. SKRIVELSE
   * @param status the status
   * @param inkom the date received (Europe/Stockholm)
   * @param avslutad the date closed, or null
   * @param avsandare the sender
   * @param rotel the rotel id, or null
   * @param foredragandeBorgarrad the föredragande borgarråd, or null
   * @param sekretess the ärende's own secrecy mark, or null
   */
  public record Traff(Diarienummer diarienummer, String rubrik, String arendetyp, Arendestatus status, LocalDate inkom,
                      LocalDate avslutad, Avsandare avsandare, String rotel, String foredragandeBorgarrad,
                      String sekretess) {
  }

  /**
   * A page of hits.
   *
   * @param traffar the hits on this page
   * @param totalt hits in all
   * @param sida this page, from 1
   * @param storlek hits per page
   */
  public record Resultat(List<Traff> traffar, long totalt, int sida, int storlek) {
    /** @return the number of pages (at least 1) */
    public int antalSidor() {
      return (int) Math.max(1, (totalt + storlek - 1) / storlek);
    }
  }

  private static final Map<String, String> ORDNING = Map.of(
      "inkom", "a.inkom_tid", "diarienummer", "a.ar, a.lopnummer", "rubrik", "a.rubrik", "status", "a.status");

  private final JdbcClient jdbc;
  private final Organisation organisation;

  Arendesok(JdbcClient jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /**
   * The SQL form in which a column's text is compared; keep equal to the indexes of
   * {@code V12_1__Sokindex}.
   *
   * @param kolumn a column
   * @return the expression
   */
  public static String normaliserad(String kolumn) {
    return "lower(translate(" + kolumn + ", 'ÅÄÖÉÈÜ', 'åäöéèü'))";
  }

  /**
   * @param fraga the search
   * @return the page of hits asked for, and the count of all hits
   * @throws OgiltigHandlingException (field {@code rotel}, {@code parti} or {@code remissinstans})
   *     for a rotel, party or remissinstans the organisation does not have
   */
  public Resultat sok(Sokfraga fraga) {
    Map<String, Object> p = new HashMap<>();
    String villkor = villkor(fraga, p);
    long totalt = jdbc.sql("select count(*) from arende a where " + villkor).params(p).query(Long.class).single();
    String[] sort = fraga.sortering().startsWith("-")
        ? new String[] {fraga.sortering().substring(1), " desc"} : new String[] {fraga.sortering(), " asc"};
    String ordning = Arrays.stream(ORDNING.get(sort[0]).split(", ")).map(k -> k + sort[1])
        .collect(Collectors.joining(", ")) + ", a.id" + sort[1];
    p.put("grans", fraga.storlek());
    p.put("start", (long) (fraga.sida() - 1) * fraga.storlek());
    List<Traff> traffar = jdbc.sql("select a.diarienummer, a.rubrik, a.arendetyp, a.status, a.inkom_datum,"
            + " a.avslutad_datum, a.avsandare_namn, a.avsandare_parti, a.avsandare_roll, a.rotel,"
            + " a.foredragande_borgarrad, a.sekretess from arende a where " + villkor
            + " order by " + ordning + " offset :start rows fetch next :grans rows only")
        .params(p)
        .query((rs, i) -> new Traff(Diarienummer.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
            Arendestatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
            new Avsandare(rs.getString(7), rs.getString(8), rs.getString(9)), rs.getString(10), rs.getString(11),
            rs.getString(12)))
        .list();
    return new Resultat(traffar, totalt, fraga.sida(), fraga.storlek());
  }

  private String villkor(Sokfraga f, Map<String, Object> p) {
    StringBuilder w = new StringBuilder("a.status <> 'REGISTRERAS'");
    if (f.text() != null) {
      p.put("text", innehaller(f.text()));
      // the ärende's search text holds its rubrik and every handling's title, normalized by the diarium
      // (Diarium#soktext): one trigram-indexed column instead of a join with the handlingar
      w.append(" and a.id in (select s.arende_id from arende_sok s where s.sok_text like :text escape '!')");
    }
    if (f.diarienummer() != null) {
      p.put("dnr", innehaller(dnr(f.diarienummer())));
      w.append(" and lower(a.diarienummer) like :dnr escape '!'");
    }
    if (!f.status().isEmpty()) {
      p.put("status", f.status().stream().map(Enum::name).toList());
      w.append(" and a.status in (:status)");
    }
    if (f.avsandare() != null) {
      p.put("avsandare", innehaller(f.avsandare()));
      w.append(" and ").append(normaliserad("a.avsandare_namn")).append(" like :avsandare escape '!'");
    }
    if (f.parti() != null) {
      String kod = organisation.parti(f.parti()).map(Organisation.Parti::kod).orElseThrow(() ->
          new OgiltigHandlingException("parti", "Okänt parti '" + f.parti() + "'. Kända: "
              + organisation.partier().stream().map(Organisation.Parti::kod).collect(Collectors.joining(", ")) + "."));
      p.put("parti", kod);
      w.append(" and a.avsandare_parti = :parti");
    }
    if (f.rotel() != null) {
      String rotel = organisation.rotlar().stream().filter(r -> r.id().equalsIgnoreCase(f.rotel())).findFirst()
          .map(Organisation.Rotel::id).orElseThrow(() -> new OgiltigHandlingException("rotel", "Okänd rotel '"
              + f.rotel() + "'. Kända: " + organisation.rotlar().stream().map(Organisation.Rotel::id)
              .collect(Collectors.joining(", ")) + "."));
      p.put("rotel", rotel);
      w.append(" and a.rotel = :rotel");
    }
    if (f.borgarrad() != null) {
      p.put("borgarrad", innehaller(f.borgarrad()));
      w.append(" and ").append(normaliserad("a.foredragande_borgarrad")).append(" like :borgarrad escape '!'");
    }
    if (f.remissinstans() != null) {
      Organisation.Remissinstans instans = organisation.remissinstanser().stream()
          .filter(r -> r.id().equalsIgnoreCase(f.remissinstans())).findFirst()
          .orElseThrow(() -> new OgiltigHandlingException("remissinstans", "Okänd remissinstans '" + f.remissinstans()
              + "'. Kända: " + organisation.remissinstanser().stream().map(Organisation.Remissinstans::id)
              .collect(Collectors.joining(", ")) + "."));
      p.put("instans", instans.namn());
      w.append(" and a.id in (select r.arende_id from handling r where r.handlingstyp = 'REMISS' and r.mottagare = :instans)");
    }
    if (f.inkomFran() != null) {
      p.put("inkomFran", f.inkomFran());
      w.append(" and a.inkom_datum >= :inkomFran");
    }
    if (f.inkomTill() != null) {
      p.put("inkomTill", f.inkomTill());
      w.append(" and a.inkom_datum <= :inkomTill");
    }
    if (f.forsenade()) {
      // a remiss past its svarsdatum (the event recorded when it passes) with no answer, no decision to go on
      // without it and no extension recorded at or after it
      p.put("passerat", Handelsetyp.SVARSDATUM_PASSERAT.name());
      p.put("losta", List.of(Handelsetyp.TJANSTUTLATANDE_INKOMMET.name(), Handelsetyp.REMISSVAR_UTEBLEV.name(),
          Handelsetyp.SVARSDATUM_FORLANGT.name()));
      w.append(" and a.status = 'PAGAENDE' and exists (select 1 from arende_handelse e where e.arende_id = a.id"
          + " and e.handelsetyp = :passerat and not exists (select 1 from arende_handelse l where l.arende_id = a.id"
          + " and l.handelsetyp in (:losta) and l.tid >= e.tid))");
    }
    StringBuilder h = new StringBuilder();
    if (!f.handlingstyp().isEmpty()) {
      p.put("htyp", f.handlingstyp().stream().map(Enum::name).toList());
      h.append(" and h.handlingstyp in (:htyp)");
    }
    if (f.handlingFran() != null) {
      p.put("hFran", f.handlingFran());
      h.append(" and h.datum >= :hFran");
    }
    if (f.handlingTill() != null) {
      p.put("hTill", f.handlingTill());
      h.append(" and h.datum <= :hTill");
    }
    if (!f.riktning().isEmpty()) {
      p.put("riktning", f.riktning().stream().map(Enum::name).toList());
      h.append(" and h.status in (:riktning)");
    }
    if (f.motpart() != null) {
      p.put("motpart", innehaller(f.motpart()));
      h.append(" and (").append(normaliserad("h.avsandare")).append(" like :motpart escape '!' or ")
          .append(normaliserad("h.mottagare")).append(" like :motpart escape '!')");
    }
    if (!h.isEmpty()) {
      // one and the same handling meets every handling filter
      w.append(" and a.id in (select h.arende_id from handling h where ").append(h.substring(5)).append(")");
    }
    return w.toString();
  }

  /** "KS-2025-1513" (the URL form) → "ks 2025/1513"; anything else as typed, lower case. */
  private static String dnr(String text) {
    String t = text.strip();
    if (t.matches("[A-Za-zÅÄÖåäö]+-\\d{4}-\\d+")) {
      String[] d = t.split("-");
      t = d[0] + " " + d[1] + "/" + d[2];
    }
    return t;
  }

  /** The pattern "contains", with like's own characters taken literally. */
  private static String innehaller(String text) {
    String n = Sokfraga.normalisera(text).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + n + "%";
  }
}
