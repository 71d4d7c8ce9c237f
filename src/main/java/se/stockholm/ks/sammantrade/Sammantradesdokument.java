package se.stockholm.ks.sammantrade;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.dokument.Arendedokumentfabrik;
import se.stockholm.ks.dokument.DokumentRenderer;
import se.stockholm.ks.dokument.Foredragningslista;
import se.stockholm.ks.dokument.Protokoll;

/**
 * A meeting's own documents, as PDF/A-2a like the ärende documents, numbered in the meeting's own
 * series ({@code KS 2026-03-18 nr 1}): the föredragningslista when the secretary fixes it and the
 * protokoll at justering. Each is noted in every ärende on the list (an event naming the document),
 * so the ärende links to it. A document is never overwritten; writing it again (a retried job) with
 * the same källnyckel returns the one already written.
 */
@Service
public class Sammantradesdokument {

  /** What a meeting document is. */
  public enum Dokumenttyp {
    /** The föredragningslista. */
    FOREDRAGNINGSLISTA("Föredragningslista", "foredragningslista"),
    /** The protokoll of the whole meeting. */
    PROTOKOLL("Protokoll", "protokoll"),
    /** The anslagsbevis of the protokoll (kommunallagen 8 kap 12 §). */
    ANSLAGSBEVIS("Anslagsbevis", "anslagsbevis");

    private final String text;
    private final String url;

    Dokumenttyp(String text, String url) {
      this.text = text;
      this.url = url;
    }

    /** @return the type in Swedish */
    public String text() {
      return text;
    }

    /** @return the type in addresses */
    public String url() {
      return url;
    }
  }

  /**
   * A written document.
   *
   * @param organ the meeting's organ
   * @param datum the meeting day
   * @param lopnummer its number in the meeting's series, from 1
   * @param typ what it is
   * @param rubrik its title
   * @param filnamn its file name
   * @param sha256 the checksum of its content
   * @param registrerad when it was written
   */
  public record Dokument(Organ organ, LocalDate datum, int lopnummer, Dokumenttyp typ, String rubrik, String filnamn,
                         String sha256, OffsetDateTime registrerad) {

    /** @return its designation, {@code KS 2026-03-18 nr 1} */
    public String beteckning() {
      return organ.name() + " " + datum + " nr " + lopnummer;
    }
  }

  /** Where the protokoll is kept (in the anslagsbevis). */
  public static final String FORVARINGSPLATS = "Stadsledningskontoret, kommunstyrelsens kansli, Stadshuset, Stockholm";

  /** Where the meetings are held. */
  public static final String ORT = Arendedokumentfabrik.ORT;

  private final JdbcClient jdbc;
  private final Sammantradesregister register;
  private final Arendedokumentfabrik fabrik;
  private final DokumentRenderer renderer;
  private final Diarium diarium;
  private final se.stockholm.ks.kalender.LagstadgadeFrister lagstadgade;

  Sammantradesdokument(JdbcClient jdbc, Sammantradesregister register, Arendedokumentfabrik fabrik,
                       DokumentRenderer renderer, Diarium diarium, se.stockholm.ks.kalender.LagstadgadeFrister lagstadgade) {
    this.lagstadgade = lagstadgade;
    this.jdbc = jdbc;
    this.register = register;
    this.fabrik = fabrik;
    this.renderer = renderer;
    this.diarium = diarium;
  }

  /**
   * The föredragningslista as the list stands: the ärenden still on it, numbered 1, 2, … in its order.
   *
   * @param organ the organ
   * @param datum the meeting day
   * @return the document's data
   */
  @Transactional(readOnly = true)
  public Foredragningslista foredragningslista(Organ organ, LocalDate datum) {
    List<Foredragningslista.Punkt> punkter = new ArrayList<>();
    register.hitta(organ, datum).ifPresent(s -> {
      int nummer = 0;
      for (Sammantradesregister.Punkt p : s.paListan()) {
        punkter.add(new Foredragningslista.Punkt(++nummer, p.diarienummer().toString(), p.rubrik(),
            p.foredragandeBorgarrad(), fabrik.forslagTillBeslut(p.diarienummer()).orElse(null)));
      }
    });
    return new Foredragningslista(organ.namn(), datum, ORT, punkter);
  }

  /**
   * The protokoll of a held kommunstyrelsen meeting: a paragraph per numbered ärende, in paragraph
   * order; a decided one is the ärende's protokollsutdrag ({@link Arendedokumentfabrik#protokollsutdrag}).
   *
   * @param datum the meeting day
   * @param narvarande the members and ersättare present; may be null
   * @return the document's data
   */
  @Transactional(readOnly = true)
  public Protokoll protokoll(LocalDate datum, String narvarande) {
    var mote = register.hitta(Organ.KS, datum);
    List<Protokoll.Protokollsparagraf> paragrafer = new ArrayList<>();
    mote.ifPresent(s -> s.punkter().stream().filter(p -> p.paragraf() != null)
        .sorted(java.util.Comparator.comparing(Sammantradesregister.Punkt::paragraf))
        .forEach(p -> paragrafer.add(switch (p.status()) {
          case BESLUTAT -> new Protokoll.Protokollsparagraf(p.paragrafText(), p.diarienummer().toString(), p.rubrik(),
              null, fabrik.protokollsutdrag(p.diarienummer(), s.justeringsdatum(), null));
          case BORDLAGT -> utfall(p, "Kommunstyrelsen beslutade att bordlägga ärendet.");
          case ATERREMITTERAT -> utfall(p, "Kommunstyrelsen beslutade att återremittera ärendet.");
          case AVFORT -> utfall(p, "Ärendet avfördes från föredragningslistan.");
          default -> utfall(p, "Ärendet är inte avgjort.");
        })));
    return new Protokoll(Organ.KS.namn(), datum, ORT, narvarande,
        mote.map(Sammantradesregister.Sammantrade::justerare).orElse(null),
        mote.map(Sammantradesregister.Sammantrade::justeringsdatum).orElse(null), paragrafer);
  }

  /**
   * Writes the föredragningslista as PDF/A, numbers it in the meeting's series and notes it in
   * every ärende on the list.
   *
   * @param organ the organ
   * @param datum the meeting day
   * @param kallaNyckel what caused it (idempotency), e.g. the task's id
   * @param av the user, or null for the system
   * @return the document
   */
  @Transactional
  public Dokument upprattaForedragningslista(Organ organ, LocalDate datum, String kallaNyckel, String av) {
    Foredragningslista lista = foredragningslista(organ, datum);
    return spara(organ, datum, Dokumenttyp.FOREDRAGNINGSLISTA,
        "Föredragningslista, " + organ.genitiv() + " sammanträde " + datum, renderer.foredragningslistaPdf(lista),
        kallaNyckel, av);
  }

  /**
   * Writes the protokoll of a kommunstyrelsen meeting as PDF/A, numbers it in the meeting's series
   * and notes it in every ärende with a paragraph.
   *
   * @param datum the meeting day
   * @param narvarande the members and ersättare present; may be null
   * @param kallaNyckel what caused it (idempotency)
   * @param av the user, or null for the system
   * @return the document
   */
  @Transactional
  public Dokument upprattaProtokoll(LocalDate datum, String narvarande, String kallaNyckel, String av) {
    Protokoll protokoll = protokoll(datum, narvarande);
    return spara(Organ.KS, datum, Dokumenttyp.PROTOKOLL, "Protokoll, kommunstyrelsens sammanträde " + datum,
        renderer.protokollPdf(protokoll), kallaNyckel, av);
  }

  /**
   * The anslagsbevis of kommunstyrelsen's protokoll once justerat and anslaget.
   *
   * @param datum the meeting day
   * @return the document's data
   * @throws IllegalStateException when the protokoll is not justerat and anslaget
   */
  @Transactional(readOnly = true)
  public se.stockholm.ks.dokument.Anslagsbevis anslagsbevis(LocalDate datum) {
    var s = register.hitta(Organ.KS, datum).filter(m -> m.anslagsdatum() != null && m.justeringsdatum() != null)
        .orElseThrow(() -> new IllegalStateException("Protokollet från " + datum + " är inte justerat och anslaget"));
    return new se.stockholm.ks.dokument.Anslagsbevis(Organ.KS.namn(), datum, paragrafer(s), s.justeringsdatum(),
        s.anslagsdatum(), lagstadgade.sistaDagForLaglighetsprovning(s.anslagsdatum()), FORVARINGSPLATS);
  }

  /**
   * Writes the anslagsbevis (kommunallagen 8 kap 12 §) as PDF/A in the meeting's series and notes it
   * in every ärende with a paragraph.
   *
   * @param datum the meeting day
   * @param kallaNyckel what caused it (idempotency)
   * @return the document
   */
  @Transactional
  public Dokument upprattaAnslagsbevis(LocalDate datum, String kallaNyckel) {
    return spara(Organ.KS, datum, Dokumenttyp.ANSLAGSBEVIS, "Anslagsbevis, kommunstyrelsens protokoll " + datum,
        renderer.anslagsbevisPdf(anslagsbevis(datum)), kallaNyckel, null);
  }

  /**
   * @param s a meeting
   * @return its paragraphs as printed, {@code §§ 12–15} or {@code § 12}, or null when none
   */
  public static String paragrafer(Sammantradesregister.Sammantrade s) {
    var p = s.punkter().stream().map(Sammantradesregister.Punkt::paragraf).filter(java.util.Objects::nonNull)
        .sorted().toList();
    if (p.isEmpty()) {
      return null;
    }
    return p.size() == 1 ? "§ " + p.get(0) : "§§ " + p.get(0) + "–" + p.get(p.size() - 1);
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @return the meeting's documents in their order
   */
  @Transactional(readOnly = true)
  public List<Dokument> dokument(Organ organ, LocalDate datum) {
    return jdbc.sql("""
            select d.* from sammantrade_dokument d join sammantrade s on s.id = d.sammantrade_id
            where s.organ = ? and s.datum = ? order by d.lopnummer""")
        .params(organ.name(), datum)
        .query((rs, i) -> new Dokument(organ, datum, rs.getInt("lopnummer"), Dokumenttyp.valueOf(rs.getString("typ")),
            rs.getString("rubrik"), rs.getString("filnamn"), rs.getString("sha256"),
            rs.getObject("registrerad_tid", OffsetDateTime.class)))
        .list();
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @param typ the type
   * @return the newest document of the type (a föredragningslista fixed again replaces the earlier one)
   */
  @Transactional(readOnly = true)
  public Optional<Dokument> senaste(Organ organ, LocalDate datum, Dokumenttyp typ) {
    return dokument(organ, datum).stream().filter(d -> d.typ() == typ).reduce((a, b) -> b);
  }

  /**
   * @param organ the organ
   * @param datum the meeting day
   * @param lopnummer the document's number
   * @return its content (PDF)
   */
  @Transactional(readOnly = true)
  public Optional<byte[]> innehall(Organ organ, LocalDate datum, int lopnummer) {
    return jdbc.sql("""
            select d.innehall from sammantrade_dokument d join sammantrade s on s.id = d.sammantrade_id
            where s.organ = ? and s.datum = ? and d.lopnummer = ?""")
        .params(organ.name(), datum, lopnummer).query(byte[].class).optional();
  }

  private static Protokoll.Protokollsparagraf utfall(Sammantradesregister.Punkt p, String text) {
    return new Protokoll.Protokollsparagraf(p.paragrafText(), p.diarienummer().toString(), p.rubrik(), text, null);
  }

  private Dokument spara(Organ organ, LocalDate datum, Dokumenttyp typ, String rubrik, byte[] pdf, String kallaNyckel,
                         String av) {
    long motesId = register.lasMote(organ, datum);
    Optional<Integer> finns = kallaNyckel == null ? Optional.empty()
        : jdbc.sql("select lopnummer from sammantrade_dokument where kalla_nyckel = ?").param(kallaNyckel)
            .query(Integer.class).optional();
    if (finns.isPresent()) {
      return dokument(organ, datum).stream().filter(d -> d.lopnummer() == finns.get()).findFirst().orElseThrow();
    }
    int lopnummer = jdbc.sql("select coalesce(max(lopnummer), 0) + 1 from sammantrade_dokument where sammantrade_id = ?")
        .param(motesId).query(Integer.class).single();
    String filnamn = typ.text() + " " + organ.name() + " " + datum + ".pdf";
    jdbc.sql("""
            insert into sammantrade_dokument (sammantrade_id, lopnummer, typ, rubrik, filnamn, sha256, innehall,
              kalla_nyckel, registrerad_tid, registrerad_av) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(motesId, lopnummer, typ.name(), rubrik, filnamn, Innehallskontroll.sha256(pdf), pdf, kallaNyckel,
            Diarium.nu(), av)
        .update();
    Dokument dokument = dokument(organ, datum).stream().filter(d -> d.lopnummer() == lopnummer).findFirst().orElseThrow();
    var mote = register.hitta(organ, datum).orElseThrow();
    List<Sammantradesregister.Punkt> berorda = typ == Dokumenttyp.FOREDRAGNINGSLISTA ? mote.paListan()
        : mote.punkter().stream().filter(p -> p.paragraf() != null).toList();
    int nummer = 0;
    for (Sammantradesregister.Punkt p : berorda) {
      nummer++;
      String var = typ == Dokumenttyp.FOREDRAGNINGSLISTA ? "ärendet är nummer " + nummer : "ärendet är " + p.paragrafText();
      diarium.registreraHandelse(p.diarienummer(), Handelsetyp.DOKUMENT_UPPRATTAT,
          rubrik + (typ == Dokumenttyp.FOREDRAGNINGSLISTA ? " upprättad (" : " upprättat (") + dokument.beteckning() + ", /api/v1/sammantraden/" + organ.url() + "/" + datum
              + "/dokument/" + lopnummer + "); " + var + ".",
          av, null, "sammantradesdokument:" + organ + ":" + datum + ":" + lopnummer + ":" + p.diarienummer());
    }
    return dokument;
  }
}
