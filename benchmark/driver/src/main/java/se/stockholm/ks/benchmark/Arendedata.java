package se.stockholm.ks.benchmark;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the roles enter, step by step: the texts of the real case KS 2025/1513 (as in the
 * project's scenario runner), so that variables and handlingar have realistic sizes. The same
 * forms are submitted to the application and to the reference.
 */
public final class Arendedata {

  /** The time zone of all business dates. */
  public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private Arendedata() {
  }

  /**
   * @param nummer a running number
   * @param inkom when it came in
   * @return the skrivelse as POST /api/v1/skrivelser takes it
   */
  public static Map<String, Object> skrivelse(int nummer, LocalDateTime inkom) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("rubrik", "Skrivelse " + nummer + " angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris");
    s.put("avsandare", Map.of("namn", "Jan Jönsson", "parti", "L", "roll", "oppositionsborgarråd"));
    s.put("inkom", inkom.atZone(STOCKHOLM).toOffsetDateTime().toString());
    s.put("fragor", List.of(
        "Hur ser majoriteten att samarbetet med andra organisationer kompletterar deltagande i en konferens som "
            + "specifikt fokuserar på antisemitism?",
        "Varför är det inte viktigt för majoriteten att delta på politisk nivå?",
        "Var det avgörande att finansborgarrådet skulle erbjudas en aktiv roll i konferensen för att man skulle delta?",
        "Övervägde staden att skicka någon annan representant?"));
    s.put("text", "Finansborgarrådet tackade nej till att delta i 2025 Paris Mayors Summit Against Antisemitism "
        + "den 19–20 november 2025. Liberalerna efterfrågar svar på varför, utifrån stadens prioriteringar, "
        + "representation och internationella samverkan.");
    return s;
  }

  /**
   * @param svarsdatum the remiss's answer date
   * @return Fördela ärendet (ks-kansli)
   */
  public static Map<String, Object> fordela(String svarsdatum) {
    return Map.of("rotel", Mal.str("rotel-i"), "remissinstanser", Mal.jsonVar("[\"stadsledningskontoret\"]"),
        "svarsdatum", Mal.str(svarsdatum));
  }

  /**
   * @param datum the day
   * @return Skriv tjänsteutlåtande (stadsledningskontoret)
   */
  public static Map<String, Object> tjanstutlatande(LocalDate datum) {
    return Map.of("tjanstutlatandeDatum", Mal.str(datum.toString()),
        "tjanstutlatandeText", Mal.str("Internationell strategi för Stockholms stad (KS 2021/154) slår fast att beslut om "
            + "deltagande i konferenser och andra evenemang utomlands på kommunstyrelsens uppdrag är delegerat till "
            + "finansborgarrådet och behandlas av stadens internationella beredning, för en enhetlig och långsiktig "
            + "bedömning av stadens internationella åtaganden.\n\n"
            + "Avböjandet av deltagande vid mötet i Paris förklaras av att 1) det inte fanns något konferensprogram "
            + "att ta ställning till, 2) finansborgarrådet inte erbjöds en aktiv roll i programmet och inbjudan inte "
            + "var överförbar, samt 3) staden arbetar mot hatbrott, bland annat antisemitiska, inom Nordic Safe "
            + "Cities och Strong Cities Network."));
  }

  /**
   * @param datum the day
   * @return Upprätta promemoria (rotel-i)
   */
  public static Map<String, Object> promemoria(LocalDate datum) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("forslagTillBeslut", Mal.str("Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria"));
    v.put("sammanfattning", Mal.str("Jan Jönsson (L) har i en skrivelse till kommunstyrelsen ställt frågan om varför "
        + "finansborgarrådet avstod från att delta i Paris Mayors Summit Against Antisemitism 2025 utifrån "
        + "frågeställningar om stadens prioriteringar, representation och internationella samverkan."));
    v.put("beredning", Mal.str("Stadsledningskontoret hänvisar till den internationella beredningen, där inbjudningar "
        + "hanteras. Deltagandet avböjdes eftersom program saknades, ingen aktiv roll erbjöds och frågan hanteras "
        + "genom andra internationella nätverk där staden redan är aktiv."));
    v.put("synpunkter", Mal.str("Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället. Staden "
        + "arbetar långsiktigt mot antisemitism, bland annat genom handlingsplanen mot rasism från maj 2025.\n\n"
        + "Stadens deltagande i internationella konferenser bereds i den internationella beredningen enligt "
        + "Internationell strategi för Stockholms stad (dnr KS 2021/154). Avböjandet grundade sig på en samlad "
        + "bedömning: program saknades, inbjudan var inte överförbar och ingen aktiv roll erbjöds.\n\n"
        + "Staden arbetar samtidigt internationellt mot hat och extremism genom Nordic Safe Cities och Strong "
        + "Cities Network."));
    v.put("arendebeskrivning", Mal.str("Oppositionsborgarrådet Jan Jönsson (L) efterfrågar svar på varför "
        + "finansborgarrådet tackat nej till att delta i Mayor summit combat antisemitism movement, som ägde rum i "
        + "Paris den 19–20 november 2025. Ärendet behandlades i Internationella beredningen, IB5/2025 (KS 2025/52)."));
    v.put("promemoriaDatum", Mal.str(datum.toString()));
    v.put("undertecknare", Mal.str("Karin Wanngård"));
    return v;
  }

  /** @return Registrera utfall i BRB (brb-sekreterare) */
  public static Map<String, Object> utfallIBrb() {
    return Map.of("brbUtfall", Mal.str("TILLSTYRKER"), "brbSarskildaUttalanden", Mal.jsonVar("[\"L\"]"));
  }

  /** @return Lämna särskilt uttalande (parti-l) */
  public static Map<String, Object> sarskiltUttalande() {
    return Map.of("uttalandeLedamot", Mal.str("Jan Jönsson"),
        "uttalandeText", Mal.str("Vi noterar majoritetens svar, men vill påminna om att Malmö valde att prioritera "
            + "deltagande vid samma konferens. Om inbjudan var riktad till finansborgarrådet borde det ha varit "
            + "möjligt att utse en annan representant, eller låta oppositionen representera Stockholm.\n\n"
            + "Handlingsplaner och nätverk räcker inte; det krävs också tydlig närvaro i internationella "
            + "sammanhang där frågan står i centrum. När antisemitismen diskuteras på denna nivå ska Sveriges "
            + "huvudstad vara närvarande och tydlig."));
  }

  /**
   * @param paragraf the paragraph number in the protokoll
   * @return Registrera beslut i KS (ks-sekreterare)
   */
  public static Map<String, Object> beslutIKs(int paragraf) {
    return Map.of("ksBeslut", Mal.str("BESLUT"),
        "beslutstext", Mal.str("Skrivelsen besvaras med hänvisning till vad som sägs i promemorian."),
        "paragraf", Mal.str("§ " + paragraf),
        "ksSarskildaUttalanden", Mal.jsonVar("[{\"ledamot\":\"Jan Jönsson\",\"parti\":\"L\",\"likalydande\":true}]"),
        "ksReservationer", Mal.jsonVar("[]"));
  }

  /**
   * @param datum the day of justering
   * @return Justera protokollet (ks-sekreterare)
   */
  public static Map<String, Object> justera(LocalDate datum) {
    return Map.of("justeringsdatum", Mal.str(datum.toString()), "justerare", Mal.str("Karin Wanngård och Jan Jönsson"));
  }

  /**
   * @param datum the day of the anslag
   * @return Anslå protokollet (ks-sekreterare)
   */
  public static Map<String, Object> ansla(LocalDate datum) {
    return Map.of("anslagsdatum", Mal.str(datum.toString()));
  }
}
