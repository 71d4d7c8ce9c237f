package se.stockholm.ks.skrivelse;

/**
 * The names of the process variables, in one place. Variables stay light: identifiers, dates
 * (ISO strings such as {@code 2025-12-19}, as Camunda Forms deliver them), choices and references to
 * handlingar. Texts and files are moved into the diarium by the delegates, which leave the
 * handling's dokumentnummer behind.
 */
public final class Variabler {

  // --- the ärende (skrivelse process, passed into every called process) -----------------------
  /** The diarienummer, e.g. {@code KS 2025/1513}; also the business key. */
  public static final String DIARIENUMMER = "diarienummer";
  /** The short description of the skrivelse. */
  public static final String RUBRIK = "rubrik";
  /** The sender as written in documents: {@code Jan Jönsson (L), oppositionsborgarråd}. */
  public static final String AVSANDARE = "avsandare";
  /** Link to the ärende's page with its handlingar, e.g. {@code /arenden/KS-2025-1513}. */
  public static final String ARENDE_LANK = "arendeLank";

  // --- intake (start form, engine REST start, API) --------------------------------------------
  /** Sender's name (input). */
  public static final String AVSANDARE_NAMN = "avsandareNamn";
  /** Sender's party code, e.g. {@code L} (input). */
  public static final String AVSANDARE_PARTI = "avsandareParti";
  /** Sender's role, e.g. {@code oppositionsborgarråd} (input). */
  public static final String AVSANDARE_ROLL = "avsandareRoll";
  /** When the skrivelse was received: ISO date or date-time, with or without offset (input). */
  public static final String INKOM = "inkom";
  /** The questions asked, one per line (input). */
  public static final String FRAGOR = "fragor";
  /** The skrivelse's text (input; moved to the diarium). */
  public static final String SKRIVELSE_TEXT = "skrivelseText";
  /** The skrivelse as a file (input; moved to the diarium). */
  public static final String SKRIVELSE_FIL = "skrivelseFil";
  /** Who started the process (Tasklist start form). */
  public static final String REGISTRATOR = "registrator";
  /** The date received, ISO, Europe/Stockholm (set at registration). */
  public static final String INKOM_DATUM = "inkomDatum";
  /** Dokumentnummer of the skrivelse, {@code …-1}. */
  public static final String SKRIVELSE = "skrivelse";

  // --- fördelning -------------------------------------------------------------------------------
  /** The rotel id, also the candidate group of the promemoria task, e.g. {@code rotel-i}. */
  public static final String ROTEL = "rotel";
  /**
   * The föredragande borgarråd's name: the ärende's one source, chosen at fördelning (the rotel's
   * borgarråd unless another is given), stored in the diarium, the promemoria's signature.
   */
  public static final String FOREDRAGANDE_BORGARRAD = "foredragandeBorgarrad";
  /** Another föredragande borgarråd than the rotel's, given at fördelning (form; optional). */
  public static final String ANNAT_FOREDRAGANDE_BORGARRAD = "annatForedragandeBorgarrad";
  /** The remissinstanser's ids (Json array from the form's checklist). */
  public static final String REMISSINSTANSER = "remissinstanser";
  /** The date the remissvar is due, ISO. */
  public static final String SVARSDATUM = "svarsdatum";
  /** Options for the rotel select, {@code [{label, value}]} (form data). */
  public static final String ROTEL_ALTERNATIV = "rotelAlternativ";
  /** Options for the remissinstanser checklist, {@code [{label, value}]} (form data). */
  public static final String REMISSINSTANS_ALTERNATIV = "remissinstansAlternativ";

  // --- remiss (one instance per remissinstans) ------------------------------------------------
  /** The remissinstans' id (multi-instance element). */
  public static final String REMISSINSTANS = "remissinstans";
  /** The remissinstans' name. */
  public static final String REMISSINSTANS_NAMN = "remissinstansNamn";
  /** The remissinstans' candidate group. */
  public static final String REMISSINSTANS_GRUPP = "remissinstansGrupp";
  /** Dokumentnummer of the remiss. */
  public static final String REMISS = "remiss";
  /** The tjänsteutlåtande's text (form; moved to the diarium). */
  public static final String TJANSTUTLATANDE_TEXT = "tjanstutlatandeText";
  /** The tjänsteutlåtande's date, ISO (form). */
  public static final String TJANSTUTLATANDE_DATUM = "tjanstutlatandeDatum";
  /** The tjänsteutlåtande as a file (form; moved to the diarium). */
  public static final String TJANSTUTLATANDE_FIL = "tjanstutlatandeFil";
  /** Dokumentnummer of the registered tjänsteutlåtande. */
  public static final String TJANSTUTLATANDE = "tjanstutlatande";
  /** The kansli's choice when svarsdatum has passed: {@code FORLANG} or {@code FORTSATT_UTAN_SVAR}. */
  public static final String FORSENAT_REMISSVAR_ATGARD = "forsenatRemissvarAtgard";
  /** The new svarsdatum when extended, ISO (form). */
  public static final String NYTT_SVARSDATUM = "nyttSvarsdatum";
  /** Dokumentnummer of the latest notice of an extended svarsdatum (for a step that sends it). */
  public static final String FORLANGNING = "forlangning";

  // --- promemoria -------------------------------------------------------------------------------
  /** Förslag till beslut (form; kept short in the process for the KS form). */
  public static final String FORSLAG_TILL_BESLUT = "forslagTillBeslut";
  /** Sammanfattning av ärendet (form; moved). */
  public static final String SAMMANFATTNING = "sammanfattning";
  /** Beredning (form; moved). */
  public static final String BEREDNING = "beredning";
  /** Föredragande borgarrådets synpunkter (form; moved). */
  public static final String SYNPUNKTER = "synpunkter";
  /** The "Ärendet" section: what the skrivelse asks and its background (form; moved). */
  public static final String ARENDEBESKRIVNING = "arendebeskrivning";
  /** The promemoria's date, ISO (form). */
  public static final String PROMEMORIA_DATUM = "promemoriaDatum";
  /** Who signs the promemoria (form; the föredragande borgarråd). */
  public static final String UNDERTECKNARE = "undertecknare";
  /** The promemoria as a file (form; optional; moved). */
  public static final String PROMEMORIA_FIL = "promemoriaFil";
  /** Dokumentnummer of the registered promemoria. */
  public static final String PROMEMORIA = "promemoria";

  // --- borgarrådsberedningen --------------------------------------------------------------------
  /** The BRB meeting the ärende is on, ISO. */
  public static final String BRB_SAMMANTRADE = "brbSammantrade";
  /** {@code TILLSTYRKER}, {@code ATERREMISS} or {@code BORDLAGGNING}. */
  public static final String BRB_UTFALL = "brbUtfall";
  /** Where an återremiss goes: {@code PROMEMORIA} or {@code REMISS}. */
  public static final String ATERREMISS_TILL = "aterremissTill";
  /** Party codes that announced a särskilt uttalande in BRB (Json array from the form). */
  public static final String BRB_SARSKILDA_UTTALANDEN = "brbSarskildaUttalanden";
  /** Options for the parties checklist, {@code [{label, value}]} (form data). */
  public static final String PARTI_ALTERNATIV = "partiAlternativ";
  /** Last day to hand in a särskilt uttalande, ISO. */
  public static final String SARSKILT_UTTALANDE_SISTA_DAG = "sarskiltUttalandeSistaDag";
  /** The party of one särskilt uttalande (multi-instance element). */
  public static final String PARTI = "parti";
  /** The member making the statement (form). */
  public static final String UTTALANDE_LEDAMOT = "uttalandeLedamot";
  /** The statement's text (form; moved). */
  public static final String UTTALANDE_TEXT = "uttalandeText";
  /** The statement as a file (form; optional; moved). */
  public static final String UTTALANDE_FIL = "uttalandeFil";

  // --- kommunstyrelsen ---------------------------------------------------------------------------
  /** The KS meeting the ärende is on, ISO. */
  public static final String KS_SAMMANTRADE = "ksSammantrade";
  /** {@code BESLUT}, {@code ATERREMISS} or {@code BORDLAGGNING}. */
  public static final String KS_BESLUT = "ksBeslut";
  /** The decision's wording (form). */
  public static final String BESLUTSTEXT = "beslutstext";
  /** The paragraph in the protokoll, e.g. {@code § 12} (form). */
  public static final String PARAGRAF = "paragraf";
  /** Särskilda uttalanden in KS: Json array of {@code {ledamot, parti, likalydande, text}} (form). */
  public static final String KS_SARSKILDA_UTTALANDEN = "ksSarskildaUttalanden";
  /** Reservationer in KS: Json array of {@code {ledamot, parti, text}} (form). */
  public static final String KS_RESERVATIONER = "ksReservationer";
  /** The statements made in BRB, for the likalydande choice: Json array (form data). */
  public static final String BRB_UTTALANDEN = "brbUttalanden";

  // --- protokoll ----------------------------------------------------------------------------------
  /** The meeting of a protokoll process, ISO. */
  public static final String SAMMANTRADE = "sammantrade";
  /** Last day for justering, ISO. */
  public static final String JUSTERING_SENAST = "justeringSenast";
  /** The day the protokoll was justerat, ISO. */
  public static final String JUSTERINGSDATUM = "justeringsdatum";
  /** When the justering was recorded (ISO date-time), the time of the justering event. */
  public static final String JUSTERING_REGISTRERAD = "justeringRegistrerad";
  /** Who justerade (form). */
  public static final String JUSTERARE = "justerare";
  /** The members and ersättare present at the meeting, for the protokoll (form, optional). */
  public static final String NARVARANDE = "narvarande";
  /** The meeting's whole protokoll once written, its designation ({@code KS 2026-03-18 nr 2}). */
  public static final String PROTOKOLL_DOKUMENT = "protokollDokument";
  /** The last day for the secretary to fix a meeting's föredragningslista, ISO. */
  public static final String FOREDRAGNINGSLISTA_SENAST = "foredragningslistaSenast";
  /** The föredragningslista as it stands, for the form (task-local Json: diarienummer, rubrik, foredragandeBorgarrad). */
  public static final String FOREDRAGNINGSLISTA_PUNKTER = "foredragningslistaPunkter";
  /** The secretary's note when fixing the föredragningslista (form, optional). */
  public static final String FOREDRAGNINGSLISTA_ANTECKNING = "foredragningslistaAnteckning";
  /** Last day for the anslag, ISO. */
  public static final String ANSLAG_SENAST = "anslagSenast";
  /** The day the anslag was published, ISO. */
  public static final String ANSLAGSDATUM = "anslagsdatum";
  /** Whether the protokoll was already anslaget when the ärende joined it. */
  public static final String PROTOKOLL_ANSLAGET = "protokollAnslaget";

  // --- withdrawal -------------------------------------------------------------------------------
  /** Message name of the withdrawal, correlated on the business key (the diarienummer). */
  public static final String MEDDELANDE_ATERKALLELSE = "Aterkallelse";
  /** Message name by which a protokoll tells its ärenden it is anslaget. */
  public static final String MEDDELANDE_PROTOKOLL_ANSLAGET = "ProtokollAnslaget";
  /** The reason given for the withdrawal (message variable). */
  public static final String ATERKALLELSE_MOTIVERING = "aterkallelseMotivering";
  /** Who withdrew (message variable). */
  public static final String ATERKALLAD_AV = "aterkalladAv";

  /** Error code of a BPMN error: the sammanträdesplan has no fitting meeting. */
  public static final String FEL_SAMMANTRADE_SAKNAS = "SAMMANTRADE_SAKNAS";

  private Variabler() {
  }
}
