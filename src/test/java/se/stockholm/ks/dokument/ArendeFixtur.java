package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The real case KS 2025/1513 (the seed document), as a builder whose parts a test can change or
 * leave out. Facts and texts are the seed's; the meeting dates, paragraph and justering/anslag dates
 * are not in the seed and are made up (plausible dates after the promemoria of 4 March 2026).
 */
final class ArendeFixtur {

  static final String DNR = "KS 2025/1513";
  static final String RUBRIK =
      "Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris";
  static final Person JAN_JONSSON_BORGARRAD = new Person("Jan Jönsson", "L", "borgarrådet");
  static final Person JAN_JONSSON = new Person("Jan Jönsson", "L", null);
  static final Person KARIN_WANNGARD = new Person("Karin Wanngård", "S", "finansborgarrådet");

  static final String SAMMANFATTNING = """
      Jan Jönsson (L) har i en skrivelse till kommunstyrelsen ställt frågan om varför \
      finansborgarrådet avstod från att delta i Paris Mayors Summit Against Antisemitism 2025 utifrån \
      frågeställningar om stadens prioriteringar, representation och internationella samverkan.""";

  static final String BEREDNING = """
      Stadsledningskontoret hänvisar till den internationella beredningen i sitt svar, där \
      inbjudningar hanteras, för att säkerställa en enhetlig, strategisk och transparent prioritering \
      av stadens internationella åtaganden. Deltagandet avböjdes eftersom program saknades, ingen \
      aktiv roll erbjöds och frågan hanteras genom andra internationella nätverk där staden redan är \
      aktiv.""";

  static final String SYNPUNKTER = """
      Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället. Hat och hot mot \
      judar skapar otrygghet och begränsar människors frihet. Stockholms stad tar detta på största \
      allvar och arbetar långsiktigt och systematiskt för att motverka antisemitism.

      Stadens arbete vilar på flera ben. I maj 2025 antogs Stockholms stads första samlade \
      handlingsplan mot rasism, där antisemitism är en av fem särskilt prioriterade former. \
      Handlingsplanen ger stadens nämnder och bolag ett tydligt uppdrag att arbeta kunskapsbaserat \
      och förebyggande. Inom skolan genomförs särskilda insatser, bland annat med utgångspunkt i \
      kartläggningen Antisemitism i Stockholms skolor. En kommande etablering av Sveriges museum om \
      Förintelsen på Blasieholmen är ytterligare en viktig del av stadens långsiktiga arbete för \
      kunskap, minne och motståndskraft mot antisemitism.

      När det gäller internationellt engagemang styrs stadens deltagande av Internationell strategi \
      för Stockholms stad (dnr KS 2021/154). Beslut om deltagande i internationella konferenser och \
      evenemang på kommunstyrelsens uppdrag bereds i stadens internationella beredning. Syftet är att \
      säkerställa en enhetlig, långsiktig och transparent prioritering av stadens internationella \
      åtaganden samt ett ansvarsfullt användande av skattemedel. Genom denna process prioriteras ett \
      begränsat antal strategiskt viktiga sammanhang bland ett stort antal inbjudningar.

      Avböjandet av deltagande vid konferensen i Paris grundade sig på en samlad bedömning inom denna \
      ordning. Vid tidpunkten för beredningen saknades ett fastställt konferensprogram att ta \
      ställning till. Därutöver var inbjudan direkt ställd till finansborgarrådet, och var inte \
      överförbar till annan representant. I stadens internationella arbete eftersträvas att politiskt \
      deltagande ska ske i sammanhang där staden kan bidra aktivt och där nyttan är tydlig, och en \
      sådan roll erbjöds inte från arrangören. Mot denna bakgrund bedömdes att staden inte kan \
      prioritera sitt deltagande.

      Staden bedriver samtidigt ett aktivt och kontinuerligt internationellt arbete mot hat, \
      extremism och polarisering genom etablerade nätverk likt Nordic Safe Cities och Strong Cities \
      Network, där Stockholms stad är en engagerad medlem. Dessa samarbeten kompletterar stadens \
      lokala arbete genom erfarenhetsutbyte, metodutveckling och långsiktig samverkan, även i frågor \
      som rör antisemitism och andra hatbrott.""";

  static final String BRB_UTTALANDE = """
      Vi noterar majoritetens svar, men vill samtidigt påminna om att Malmö valde att prioritera \
      deltagande vid samma konferens. Det framstår som märkligt att Sveriges huvudstad inte skulle \
      kunna göra motsvarande prioritering i en så central fråga. Om inbjudan var riktad till \
      finansborgarrådet borde det rimligen ha varit möjligt att utse en annan representant i dialog \
      med arrangörerna, precis som andra städer gjort. Om den rödgröna majoriteten av olika skäl inte \
      kunde närvara, hade det dessutom varit möjligt att låta oppositionen representera Stockholm. \
      Kampen mot antisemitism måste stå över partipolitiska låsningar.

      Vi delar uppfattningen att antisemitismen är ett allvarligt hot och att arbetet måste vara \
      långsiktigt. Samtidigt räcker det inte med handlingsplaner och nätverk, det krävs också tydlig \
      närvaro i internationella sammanhang där frågan står i centrum. Etableringen av Sveriges museum \
      om Förintelsen är välkommen – inte minst eftersom det var Liberalerna som drev på för detta – \
      men det krävs mer i arbetet mot den nutida antisemitismen.

      När antisemitismen diskuteras på denna nivå ska Sveriges huvudstad vara närvarande och tydlig. \
      För att möta den växande antisemitismen krävs att vi gemensamt tar varje tillfälle att stå upp \
      mot hatet – lokalt såväl som internationellt.""";

  static final String ARENDET = """
      Oppositionsborgarrådet Jan Jönsson (L) efterfrågar svar på varför finansborgarrådet tackat nej \
      till att delta i Mayor summit combat antisemitism movement, som ägde rum Paris, Frankrike, den \
      19-20 november 2025. Ärendet behandlades i Internationella Beredningen, IB5/2025 (KS 2025/52). \
      Konferensen var ursprungligen planerad att äga rum den 9-10 september, men blev uppskjuten till \
      den 19-20 november.

      Konferensen, vars korrekta namn var 2025 Paris Mayors Summit Against Antisemitism, arrangerades \
      av Combat Antisemitism Movement (CAM) i samarbete med Paris stad. Mötets övergripande tema var \
      Defending Values, Promoting Culture, Inspiring Change och enligt inbjudan skulle mötet diskutera \
      hur den växande antisemitismen kan bemötas. I skrivelsen ställs följande frågor:""";

  static final List<String> FRAGOR = List.of(
      "Hur ser majoriteten att samarbetet med andra organisationer kompletterar deltagande i en "
          + "konferens som specifikt fokuserar på antisemitism?",
      "Varför är det inte viktigt för majoriteten att delta på politisk nivå?",
      "Var det avgörande att finansborgarrådet skulle erbjudas en aktiv roll i konferensen för att "
          + "man skulle delta?",
      "Övervägde staden att skicka någon annan representant");

  static final String TJANSTEUTLATANDE = """
      Internationell strategi för Stockholms stad (KS 2021/154) slår fast att beslut om deltagande i \
      konferenser och andra evenemang utomlands som sker på uppdrag av kommunstyrelsen är delegerat \
      till finansborgarrådet och behandlas av stadens internationella beredning. Syftet med den \
      internationella beredningen är en enhetlig och långsiktig bedömning av stadens internationella \
      åtaganden och att synliggöra hur skattemedel används. Stadens internationella beredning innebär \
      således en systematisk process genom vilken ett antal strategiskt viktiga internationella \
      sammanhang bland ett hundratal inbjudningar prioriteras. Beredningen speglar även föresatsen att \
      staden ska hålla en hög standard i det internationella arbetet och att internationellt \
      engagemang ska präglas av proaktivitet, ett strategiskt förhållningssätt, nyfikenhet, \
      långsiktighet och hög professionalitet.

      Avböjandet av deltagande vid mötet i Paris förklaras av att det 1) inte förelåg något \
      konferensprogram att ta ställning till vid tidpunkten för bedömningen, i kombination med att 2) \
      finansborgarrådet (inbjudan var ej överförbar till annat borgarråd) inte erbjöds en aktiv roll i \
      programmet, något som staden i internationella sammanhang alltid eftersträvar för största \
      möjliga nytta. Samt att 3) staden har andra möjligheter till internationellt arbete rörande \
      hatbrott, exempelvis antisemitiska hatbrott, inom Nordic Safe Cities och Strong Cities Network. \
      Två nätverk som staden är aktiv medlem av.""";

  static final LocalDate PM_DATUM = LocalDate.of(2026, 3, 4);
  static final LocalDate TU_DATUM = LocalDate.of(2025, 12, 11);
  // Not in the seed: made-up meeting, justering and anslag dates.
  static final LocalDate BRB_DATUM = LocalDate.of(2026, 3, 11);
  static final LocalDate KS_DATUM = LocalDate.of(2026, 3, 18);
  static final LocalDate JUSTERAT = LocalDate.of(2026, 3, 25);
  static final LocalDate ANSLAGET = LocalDate.of(2026, 3, 26);
  static final String BESLUT = "Skrivelsen besvaras med hänvisning till vad som sägs i promemorian.";

  String sammanfattning = SAMMANFATTNING;
  String beredning = BEREDNING;
  String synpunkter = SYNPUNKTER;
  LocalDate promemoriaDatum = PM_DATUM;
  String undertecknare = "Karin Wanngård";
  List<Bilaga> bilagor = new ArrayList<>(List.of(new Bilaga(RUBRIK, DNR + "-1")));
  BrbBehandling brb = new BrbBehandling(BRB_DATUM, Utfall.TILLSTYRKER,
      List.of(SarskiltUttalande.medText(JAN_JONSSON_BORGARRAD, BRB_UTTALANDE)));
  KsBehandling ks = new KsBehandling(KS_DATUM, "§ 12", BESLUT,
      List.of(SarskiltUttalande.likalydande(JAN_JONSSON, "Liberalerna")), List.of(), JUSTERAT, ANSLAGET);
  String arendet = ARENDET;
  List<String> fragor = FRAGOR;
  List<Remissvar> remissvar = new ArrayList<>(
      List.of(Remissvar.besvarad("Stadsledningskontoret", TU_DATUM, TJANSTEUTLATANDE)));

  /** @return the real case as decided, justerat and anslaget */
  static ArendeFixtur ks20251513() {
    return new ArendeFixtur();
  }

  /** @return a case that has only what the records require */
  static Arendedokument minsta() {
    return new Arendedokument(DNR, "Rotel I", RUBRIK, new Person("Jan Jönsson", "L", "oppositionsborgarrådet"),
        "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria",
        KARIN_WANNGARD, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  ArendeFixtur utanBrb() {
    brb = null;
    return this;
  }

  ArendeFixtur brb(BrbBehandling behandling) {
    brb = behandling;
    return this;
  }

  ArendeFixtur utanKs() {
    ks = null;
    return this;
  }

  ArendeFixtur ks(KsBehandling behandling) {
    ks = behandling;
    return this;
  }

  ArendeFixtur remissvar(Remissvar... svar) {
    remissvar = List.of(svar);
    return this;
  }

  ArendeFixtur utanRemissvar() {
    remissvar = List.of();
    return this;
  }

  ArendeFixtur synpunkter(String text) {
    synpunkter = text;
    return this;
  }

  ArendeFixtur beredning(String text) {
    beredning = text;
    return this;
  }

  Arendedokument bygg() {
    return new Arendedokument(DNR, "Rotel I", RUBRIK, new Person("Jan Jönsson", "L", "oppositionsborgarrådet"),
        "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria",
        KARIN_WANNGARD, sammanfattning, beredning, synpunkter, "Stockholm", promemoriaDatum,
        undertecknare, bilagor, brb, ks, arendet, fragor, remissvar);
  }
}
