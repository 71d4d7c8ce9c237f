package se.stockholm.ks.bevakning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.FristInstallningar;
import se.stockholm.ks.kalender.LagstadgadeFrister;
import se.stockholm.ks.kalender.Sammantradesplan;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Punktstatus;
import se.stockholm.ks.sammantrade.SammantradeInstallningar;
import se.stockholm.ks.sammantrade.Sammantradestatus;

/**
 * The meetings part of the bevakning: the next meetings of borgarrådsberedningen and
 * kommunstyrelsen (from the sammanträdesplan and the meetings kept in {@code sammantrade}) and what
 * is missing for each, and the meetings already held whose work is not done. What counts as missing
 * follows the process ({@code /work/shared/design/process.md}, steps 4–8):
 * <ul>
 *   <li>a meeting whose föredragningslista is not fixed ({@code ks.sammantrade.foredragningslista-fore}
 *       working days before it);</li>
 *   <li>on borgarrådsberedningen's list: an ärende without a promemoria with förslag till beslut (none,
 *       or none since its last återremiss), due {@code ks.frister.brb-framforhallning} working days
 *       before the meeting;</li>
 *   <li>on kommunstyrelsen's list: an ärende that borgarrådsberedningen has not tillstyrkt (since the
 *       last återremiss), one without its ärendedokument, and the särskilda uttalanden announced but not
 *       handed in (their task's due date);</li>
 *   <li>a meeting held with ärenden whose outcome (BRB) or beslut (KS) is not recorded;</li>
 *   <li>kommunstyrelsen's protokoll not justerat (within 14 days, kommunallagen 5 kap 69 §) or the
 *       justering not anslagen (within two days, kommunallagen 8 kap 12 §).</li>
 * </ul>
 * All dates in Europe/Stockholm. Reads a bounded set however many ärenden are closed: the meetings from
 * today on and those of the last year with work left, their lists, and the events of the ärenden still
 * to be treated at a coming meeting, by {@code arende_id}.
 */
@Component
class Motesbevakning {

  /** How many coming meetings per organ are shown (also those with no ärende yet). */
  static final int KOMMANDE_PER_ORGAN = 2;
  /** How far back held meetings with unfinished work are looked for. */
  static final int DAGAR_BAKAT = 366;

  private final JdbcClient jdbc;
  private final Sammantradesplan plan;
  private final FristInstallningar frister;
  private final SammantradeInstallningar installningar;
  private final LagstadgadeFrister lagstadgade;
  private final Arbetsdagskalender kalender;

  Motesbevakning(JdbcClient jdbc, Sammantradesplan plan, FristInstallningar frister,
                 SammantradeInstallningar installningar, LagstadgadeFrister lagstadgade, Arbetsdagskalender kalender) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.frister = frister;
    this.installningar = installningar;
    this.lagstadgade = lagstadgade;
    this.kalender = kalender;
  }

  private record Rad(long id, Organ organ, LocalDate datum, Sammantradestatus status, LocalDate justeringsdatum) {
  }

  private record Punkt(long sammantradeId, long arendeId, String diarienummer, String rubrik, Punktstatus status) {
  }

  /** The last time of each event the checks need, per ärende. */
  private record Handelser(OffsetDateTime promemoria, OffsetDateTime tillstyrkt, OffsetDateTime aterremiss,
                           boolean arendedokument) {
  }

  /**
   * @param idag today (Europe/Stockholm)
   * @param uttalanden the open särskilda uttalanden ({@link Bevakning.Lage#sarskildaUttalanden()})
   * @return the coming meetings (the next {@link #KOMMANDE_PER_ORGAN} of each organ in the plan, and any
   *     later meeting that already has ärenden) and the held meetings with something missing, by date
   */
  List<Bevakning.Sammantradeslage> sammantraden(LocalDate idag, List<Bevakning.Bevakningsrad> uttalanden) {
    // the meetings from today on, and the earlier ones with work left: kommunstyrelsen's protokoll not
    // justerat or not anslaget, or an ärende whose outcome is not recorded (a handful, however many are closed)
    Map<String, Rad> rader = new LinkedHashMap<>();
    jdbc.sql("""
            select s.id, s.organ, s.datum, s.status, s.justeringsdatum from sammantrade s
            where s.datum >= :idag
               or (s.datum >= :fran and (s.organ = :ks and s.status in (:ogjort)
                   or exists (select 1 from sammantrade_arende sa where sa.sammantrade_id = s.id and sa.status = :anmalt)))
            order by s.datum, s.organ""")
        .param("idag", idag).param("fran", idag.minusDays(DAGAR_BAKAT)).param("ks", Organ.KS.name())
        .param("ogjort", List.of(Sammantradestatus.HALLET.name(), Sammantradestatus.PROTOKOLL_JUSTERAT.name()))
        .param("anmalt", Punktstatus.ANMALT.name())
        .query(rs -> {
          Rad r = new Rad(rs.getLong(1), Organ.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
              Sammantradestatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class));
          rader.put(nyckel(r.organ(), r.datum()), r);
        });

    TreeSet<String> valda = new TreeSet<>(rader.keySet());
    for (Organ organ : Organ.values()) {
      List<LocalDate> datum = organ == Organ.BRB ? plan.borgarradsberedningen() : plan.kommunstyrelsen();
      datum.stream().filter(d -> !d.isBefore(idag)).limit(KOMMANDE_PER_ORGAN).forEach(d -> valda.add(nyckel(organ, d)));
    }

    List<Long> ids = rader.values().stream().map(Rad::id).toList();
    Map<Long, List<Punkt>> punkter = new HashMap<>();
    List<Long> arenden = new ArrayList<>();
    if (!ids.isEmpty()) {
      jdbc.sql("""
              select sa.sammantrade_id, a.id, a.diarienummer, a.rubrik, sa.status, s.datum
              from sammantrade_arende sa join arende a on a.id = sa.arende_id join sammantrade s on s.id = sa.sammantrade_id
              where sa.sammantrade_id in (:ids) and sa.status <> :avfort order by sa.sammantrade_id, sa.ordning""")
          .param("ids", ids).param("avfort", Punktstatus.AVFORT.name())
          .query(rs -> {
            Punkt p = new Punkt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Punktstatus.valueOf(rs.getString(5)));
            punkter.computeIfAbsent(p.sammantradeId(), k -> new ArrayList<>()).add(p);
            if (!rs.getObject(6, LocalDate.class).isBefore(idag) && p.status() == Punktstatus.ANMALT) {
              arenden.add(p.arendeId()); // only the coming meetings' ärenden are checked against their events
            }
          });
    }
    Map<Long, Handelser> handelser = handelser(arenden);
    Map<String, List<Bevakning.Bevakningsrad>> uttalandenPerArende = new HashMap<>();
    uttalanden.forEach(u -> uttalandenPerArende.computeIfAbsent(u.diarienummer(), k -> new ArrayList<>()).add(u));

    List<Bevakning.Sammantradeslage> resultat = new ArrayList<>();
    for (String n : valda) {
      Organ organ = Organ.valueOf(n.substring(11));
      LocalDate datum = LocalDate.parse(n.substring(0, 10));
      Rad rad = rader.get(n);
      Sammantradestatus status = rad == null ? Sammantradestatus.PLANERAT : rad.status();
      List<Punkt> lista = rad == null ? List.of() : punkter.getOrDefault(rad.id(), List.of());
      Bevakning.Sammantradeslage lage = lage(organ, datum, status, rad == null ? null : rad.justeringsdatum(), lista,
          handelser, uttalandenPerArende, idag);
      if (!datum.isBefore(idag) || !lage.saknas().isEmpty()
          || lage.arenden().stream().anyMatch(a -> !a.saknas().isEmpty())) {
        resultat.add(lage);
      }
    }
    resultat.sort(Comparator.comparing(Bevakning.Sammantradeslage::datum).thenComparing(Bevakning.Sammantradeslage::organ));
    return resultat;
  }

  private Bevakning.Sammantradeslage lage(Organ organ, LocalDate datum, Sammantradestatus status,
                                          LocalDate justeringsdatum, List<Punkt> lista, Map<Long, Handelser> handelser,
                                          Map<String, List<Bevakning.Bevakningsrad>> uttalanden, LocalDate idag) {
    boolean kommande = !datum.isBefore(idag);
    List<Bevakning.Brist> saknas = new ArrayList<>();
    if (kommande && status == Sammantradestatus.PLANERAT && !lista.isEmpty()) {
      saknas.add(brist("foredragningslista", "Föredragningslistan är inte fastställd.",
          kalender.dragIfranArbetsdagar(datum, installningar.foredragningslistaFore()), idag));
    }
    if (!kommande && organ == Organ.KS && status == Sammantradestatus.HALLET) {
      saknas.add(brist("justering", "Protokollet är inte justerat.", lagstadgade.justeringSenast(datum), idag));
    }
    if (!kommande && organ == Organ.KS && status == Sammantradestatus.PROTOKOLL_JUSTERAT && justeringsdatum != null) {
      saknas.add(brist("anslag", "Justeringen är inte anslagen på anslagstavlan.",
          lagstadgade.anslagSenast(justeringsdatum), idag));
    }

    List<Bevakning.Motesarende> arenden = new ArrayList<>();
    for (Punkt p : lista) {
      List<Bevakning.Brist> b = new ArrayList<>();
      Handelser h = handelser.getOrDefault(p.arendeId(), new Handelser(null, null, null, false));
      if (kommande && p.status() == Punktstatus.ANMALT) {
        if (organ == Organ.BRB && !efter(h.promemoria(), h.aterremiss())) {
          b.add(brist("promemoria", "Promemorian med förslag till beslut är inte upprättad.",
              kalender.dragIfranArbetsdagar(datum, frister.brbFramforhallning()), idag));
        }
        if (organ == Organ.KS) {
          LocalDate senast = kalender.dragIfranArbetsdagar(datum, frister.ksFramforhallning());
          if (!efter(h.tillstyrkt(), h.aterremiss())) {
            b.add(brist("tillstyrkan", "Borgarrådsberedningen har inte tillstyrkt förslaget.", senast, idag));
          }
          if (!h.arendedokument()) {
            b.add(brist("arendedokument", "Ärendedokumentet till kommunstyrelsen är inte upprättat.", senast, idag));
          }
        }
      }
      if (organ == Organ.KS && p.status() == Punktstatus.ANMALT) {
        for (Bevakning.Bevakningsrad u : uttalanden.getOrDefault(p.diarienummer(), List.of())) {
          b.add(new Bevakning.Brist("sarskilt-uttalande", "Särskilt uttalande från " + u.namn() + " har inte kommit in.",
              u.forfaller(), u.forsenad()));
        }
      }
      if (!kommande && p.status() == Punktstatus.ANMALT) {
        b.add(new Bevakning.Brist("utfall", organ == Organ.KS ? "Beslutet är inte registrerat."
            : "Borgarrådsberedningens utfall är inte registrerat.", datum, true));
      }
      arenden.add(new Bevakning.Motesarende(p.diarienummer(), p.rubrik(), p.status().name().toLowerCase(java.util.Locale.ROOT),
          p.status().text(), b));
    }
    return new Bevakning.Sammantradeslage(organ.name(), organ.namn(), datum, status.name().toLowerCase(java.util.Locale.ROOT),
        status.text(), lista.size(), saknas, arenden);
  }

  private Map<Long, Handelser> handelser(List<Long> arenden) {
    Map<Long, Handelser> resultat = new HashMap<>();
    if (arenden.isEmpty()) {
      return resultat;
    }
    List<Long> unika = arenden.stream().distinct().toList();
    jdbc.sql("""
            select h.arende_id,
              max(case when h.handelsetyp = :pm then h.tid end),
              max(case when h.handelsetyp = :tillstyrkt then h.tid end),
              max(case when h.handelsetyp in (:aterremiss) then h.tid end)
            from arende_handelse h where h.arende_id in (:ids) and h.handelsetyp in (:typer)
            group by h.arende_id""")
        .param("pm", Handelsetyp.PROMEMORIA_UPPRATTAD.name()).param("tillstyrkt", Handelsetyp.BRB_TILLSTYRKT.name())
        .param("aterremiss", List.of(Handelsetyp.BRB_ATERREMISS.name(), Handelsetyp.KS_ATERREMISS.name()))
        .param("typer", List.of(Handelsetyp.PROMEMORIA_UPPRATTAD.name(), Handelsetyp.BRB_TILLSTYRKT.name(),
            Handelsetyp.BRB_ATERREMISS.name(), Handelsetyp.KS_ATERREMISS.name()))
        .param("ids", unika)
        .query(rs -> {
          resultat.put(rs.getLong(1), new Handelser(rs.getObject(2, OffsetDateTime.class),
              rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), false));
        });
    jdbc.sql("select distinct arende_id from handling where arende_id in (:ids) and handlingstyp = :typ")
        .param("ids", unika).param("typ", Handlingstyp.ARENDEDOKUMENT.name())
        .query(rs -> {
          long id = rs.getLong(1);
          Handelser h = resultat.getOrDefault(id, new Handelser(null, null, null, false));
          resultat.put(id, new Handelser(h.promemoria(), h.tillstyrkt(), h.aterremiss(), true));
        });
    return resultat;
  }

  private static boolean efter(OffsetDateTime handelse, OffsetDateTime aterremiss) {
    return handelse != null && (aterremiss == null || handelse.isAfter(aterremiss));
  }

  private static Bevakning.Brist brist(String typ, String text, LocalDate senast, LocalDate idag) {
    return new Bevakning.Brist(typ, text, senast, senast != null && senast.isBefore(idag));
  }

  private static String nyckel(Organ organ, LocalDate datum) {
    return datum + " " + organ.name();
  }
}
