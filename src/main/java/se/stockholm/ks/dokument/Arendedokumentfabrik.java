package se.stockholm.ks.dokument;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingInnehall;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.organisation.Organisation;

/**
 * Builds the ärende document from the ärende's own record in the diarium: the skrivelse (rubrik,
 * sender, questions), the latest promemoria's parts, the remisser and tjänsteutlåtanden, the
 * särskilda uttalanden and reservationer, and kommunstyrelsen's beslut.
 */
@Component
public class Arendedokumentfabrik {

  /** Where promemorior are signed. */
  public static final String ORT = "Stockholm";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final Diarium diarium;
  private final Organisation organisation;
  private final ObjectMapper json;

  Arendedokumentfabrik(Diarium diarium, Organisation organisation, ObjectMapper json) {
    this.diarium = diarium;
    this.organisation = organisation;
    this.json = json;
  }

  /**
   * The meetings and protokoll dates, which live in the process.
   *
   * @param brbSammantrade borgarrådsberedningen's meeting, or null before it
   * @param ksSammantrade kommunstyrelsen's meeting, or null before it
   * @param justeringsdatum the protokoll's justering, or null
   * @param anslagsdatum the anslag, or null
   */
  public record Sammantraden(LocalDate brbSammantrade, LocalDate ksSammantrade, LocalDate justeringsdatum,
                             LocalDate anslagsdatum) {
  }

  /**
   * @param dnr the ärende
   * @param sammantraden the meeting dates known so far
   * @return the document's data: with borgarrådsberedningen's part once it has tillstyrkt, with
   *     kommunstyrelsen's part once the beslut is recorded
   * @throws IllegalStateException when the ärende has no promemoria yet
   */
  public Arendedokument arendedokument(Diarienummer dnr, Sammantraden sammantraden) {
    Arende arende = diarium.arende(dnr).orElseThrow();
    List<Handling> handlingar = diarium.handlingar(dnr);
    Handling pmHandling = senaste(handlingar, Handlingstyp.PROMEMORIA)
        .orElseThrow(() -> new IllegalStateException("Ärendet " + dnr + " har ingen promemoria"));
    Map<String, Object> pm = struktur(pmHandling);
    Map<String, Object> skrivelse = handlingar.stream().filter(h -> h.handlingstyp() == Handlingstyp.SKRIVELSE)
        .findFirst().map(this::struktur).orElse(Map.of());

    String rotelId = (String) pm.get("rotel");
    Organisation.Rotel rotel = organisation.rotel(rotelId).orElse(null);
    // the ärende's föredragande borgarråd as the promemoria recorded it (else the diarium's): the same
    // name for "Föredragande borgarrådet" and the signature, never the rotel's configuration alone
    String borgarrad = text(pm.get("foredragandeBorgarrad"));
    if (borgarrad == null) {
      borgarrad = arende.foredragandeBorgarrad();
    }
    if (borgarrad == null) {
      throw new IllegalStateException("Ärendet " + dnr + " har ingen föredragande borgarråd");
    }
    boolean rotelnsBorgarrad = rotel != null && borgarrad.equals(rotel.borgarrad());
    Person foredragande = new Person(borgarrad, rotelnsBorgarrad ? rotel.parti() : null, null);
    var avsandare = arende.avsandare();

    List<Bilaga> bilagor = handlingar.stream().filter(h -> h.handlingstyp() == Handlingstyp.SKRIVELSE)
        .map(h -> new Bilaga(h.rubrik(), h.dokumentnummer())).toList();

    BrbBehandling brb = null;
    List<SarskiltUttalande> brbUttalanden = uttalanden(handlingar, Handlingstyp.SARSKILT_UTTALANDE, "BRB");
    if (sammantraden.brbSammantrade() != null) {
      brb = new BrbBehandling(sammantraden.brbSammantrade(), Utfall.TILLSTYRKER, brbUttalanden);
    }
    KsBehandling ks = ksBehandling(dnr, handlingar, sammantraden.justeringsdatum(), sammantraden.anslagsdatum())
        .orElse(null);

    @SuppressWarnings("unchecked")
    List<String> fragor = (List<String>) skrivelse.getOrDefault("fragor", List.of());
    return new Arendedokument(dnr.toString(), rotel == null ? rotelId : rotel.namn(), arende.rubrik(),
        new Person(avsandare.namn(), avsandare.parti(), null),
        text(pm.get("forslagTillBeslut")), foredragande, text(pm.get("sammanfattning")),
        utanRemissmening(text(pm.get("beredning"))), text(pm.get("synpunkter")), ORT,
        pm.get("datum") == null ? pmHandling.datum() : LocalDate.parse(pm.get("datum").toString()),
        borgarrad, bilagor, brb, ks, text(pm.get("arendebeskrivning")), fragor,
        remissvar(handlingar));
  }

  /**
   * The protokollsutdrag of kommunstyrelsen's decision in the ärende: the one source of both the
   * registered protokollsutdrag and the ärende's paragraph in the meeting's whole protokoll, so the
   * two never differ.
   *
   * @param dnr the ärende
   * @param justeringsdatum the protokoll's justering, or null before it
   * @param anslagsdatum the anslag, or null before it
   * @return the extract (place {@link #ORT})
   * @throws IllegalStateException when kommunstyrelsen's beslut is not recorded
   */
  public Protokollsutdrag protokollsutdrag(Diarienummer dnr, LocalDate justeringsdatum, LocalDate anslagsdatum) {
    Arende arende = diarium.arende(dnr).orElseThrow();
    KsBehandling ks = ksBehandling(dnr, diarium.handlingar(dnr), justeringsdatum, anslagsdatum)
        .orElseThrow(() -> new IllegalStateException("Ärendet " + dnr + " har inget registrerat beslut i kommunstyrelsen"));
    return new Protokollsutdrag(dnr.toString(), arende.rubrik(), ks.sammantradesdatum(), ks.paragraf(),
        ks.beslutstext(), ks.sarskildaUttalanden(), ks.reservationer(), ks.justeringsdatum(), ks.anslagsdatum(), ORT);
  }

  /**
   * @param dnr the ärende
   * @return the förslag till beslut of its latest promemoria, or empty before it has one
   */
  public Optional<String> forslagTillBeslut(Diarienummer dnr) {
    return senaste(diarium.handlingar(dnr), Handlingstyp.PROMEMORIA)
        .map(h -> text(struktur(h).get("forslagTillBeslut")));
  }

  private Optional<KsBehandling> ksBehandling(Diarienummer dnr, List<Handling> handlingar, LocalDate justeringsdatum,
                                              LocalDate anslagsdatum) {
    return diarium.beslut(dnr).filter(b -> "KS".equals(b.organ()))
        .map(b -> new KsBehandling(b.sammantrade(), b.paragraf(), b.beslutstext(),
            uttalanden(handlingar, Handlingstyp.SARSKILT_UTTALANDE, "KS"),
            reservationer(handlingar), justeringsdatum, anslagsdatum));
  }

  /**
   * One Remissvar per remiss, in the order the remisser were sent: the tjänsteutlåtande that answers
   * that remiss (linked by its structure's {@code remiss}; for older records, the first one from the
   * remissinstans registered after the remiss and before the next remiss to it), or "har inte
   * besvarat remissen" with the remiss' date. After återremiss the same remissinstans thus appears
   * once per round, each with its own answer and date.
   */
  private List<Remissvar> remissvar(List<Handling> handlingar) {
    List<Handling> remisser = handlingar.stream()
        .filter(h -> h.handlingstyp() == Handlingstyp.REMISS && h.mottagare() != null).toList();
    List<Handling> tjanstutlatanden = handlingar.stream()
        .filter(h -> h.handlingstyp() == Handlingstyp.TJANSTUTLATANDE).toList();
    Map<String, String> besvarar = new java.util.HashMap<>();
    for (Handling tu : tjanstutlatanden) {
      Object remiss = struktur(tu).get("remiss");
      if (remiss != null) {
        besvarar.put(tu.dokumentnummer(), remiss.toString());
      }
    }
    List<Remissvar> svar = new ArrayList<>();
    java.util.Set<String> anvanda = new java.util.HashSet<>();
    for (Handling remiss : remisser) {
      Optional<Handling> tu = tjanstutlatanden.stream()
          .filter(h -> remiss.dokumentnummer().equals(besvarar.get(h.dokumentnummer())))
          .reduce((a, b) -> b);
      if (tu.isEmpty()) {
        int nastaRemiss = remisser.stream()
            .filter(r -> r.lopnummer() > remiss.lopnummer() && remiss.mottagare().equals(r.mottagare()))
            .mapToInt(Handling::lopnummer).min().orElse(Integer.MAX_VALUE);
        tu = tjanstutlatanden.stream()
            .filter(h -> !besvarar.containsKey(h.dokumentnummer()) && !anvanda.contains(h.dokumentnummer()))
            .filter(h -> remiss.mottagare().equals(h.avsandare()))
            .filter(h -> h.lopnummer() > remiss.lopnummer() && h.lopnummer() < nastaRemiss)
            .findFirst();
      }
      if (tu.isPresent()) {
        anvanda.add(tu.get().dokumentnummer());
        HandlingInnehall innehall = diarium.innehall(tu.get().dokumentnummer()).orElseThrow();
        String text = innehall.text() != null && !innehall.text().isBlank() ? innehall.text()
            : "Tjänsteutlåtandet finns som handling " + tu.get().dokumentnummer() + ".";
        svar.add(Remissvar.besvarad(remiss.mottagare(), tu.get().datum(), text));
      } else {
        svar.add(Remissvar.obesvarad(remiss.mottagare(), remiss.datum()));
      }
    }
    return svar;
  }

  private List<SarskiltUttalande> uttalanden(List<Handling> handlingar, Handlingstyp typ, String organ) {
    List<SarskiltUttalande> result = new ArrayList<>();
    for (Handling h : handlingar) {
      if (h.handlingstyp() != typ) {
        continue;
      }
      HandlingInnehall innehall = diarium.innehall(h.dokumentnummer()).orElseThrow();
      Map<String, Object> s = struktur(innehall.struktur());
      if (!organ.equals(s.get("organ"))) {
        continue;
      }
      String parti = (String) s.get("parti");
      Person ledamot = new Person((String) s.get("ledamot"), parti, "BRB".equals(organ) ? "borgarrådet" : null);
      if (Boolean.TRUE.equals(s.get("likalydande"))) {
        String partiNamn = organisation.parti(parti).map(Organisation.Parti::namn).orElse(parti);
        result.add(SarskiltUttalande.likalydande(ledamot, partiNamn));
      } else {
        String text = innehall.text() != null ? innehall.text()
            : "Uttalandet finns som handling " + h.dokumentnummer() + ".";
        result.add(SarskiltUttalande.medText(ledamot, text));
      }
    }
    return result;
  }

  private List<Reservation> reservationer(List<Handling> handlingar) {
    List<Reservation> result = new ArrayList<>();
    for (Handling h : handlingar) {
      if (h.handlingstyp() != Handlingstyp.RESERVATION) {
        continue;
      }
      HandlingInnehall innehall = diarium.innehall(h.dokumentnummer()).orElseThrow();
      Map<String, Object> s = struktur(innehall.struktur());
      if (!"KS".equals(s.get("organ"))) {
        continue;
      }
      boolean medText = Boolean.TRUE.equals(s.get("medText"));
      result.add(new Reservation(new Person((String) s.get("ledamot"), (String) s.get("parti"), null),
          medText ? innehall.text() : null));
    }
    return result;
  }

  private static Optional<Handling> senaste(List<Handling> handlingar, Handlingstyp typ) {
    return handlingar.stream().filter(h -> h.handlingstyp() == typ).reduce((a, b) -> b);
  }

  private Map<String, Object> struktur(Handling handling) {
    return struktur(diarium.innehall(handling.dokumentnummer()).map(HandlingInnehall::struktur).orElse(null));
  }

  private Map<String, Object> struktur(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(text, MAP);
    } catch (IOException e) {
      throw new IllegalStateException("Ogiltig struktur i diariet: " + e.getMessage(), e);
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** The renderer writes "Ärendet har remitterats till …" itself; drop it from the rotel's text. */
  static String utanRemissmening(String beredning) {
    if (beredning == null) {
      return null;
    }
    String t = beredning.strip().replaceFirst("^Ärendet har remitterats till [^.\\n]*\\.?\\s*", "");
    return t.isBlank() ? null : t;
  }
}
