package se.stockholm.ks.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import se.stockholm.ks.skrivelse.Skrivelseinlamning;

/** The request and response bodies of {@code /api/v1}. Field names are the contract. */
public final class Dto {

  private Dto() {
  }

  /**
   * The sender of a skrivelse.
   *
   * @param namn name, required, at most 200 characters
   * @param parti party code, one of {@code ks.organisation.partier} (S, M, V, L, MP, C, KD, SD)
   * @param roll role, one of {@code ks.organisation.roller}, e.g. {@code oppositionsborgarråd}
   */
  @Schema(description = "Avsändaren")
  public record Avsandare(
      @Schema(example = "Jan Jönsson", maxLength = Skrivelseinlamning.MAX_NAMN,
          requiredMode = Schema.RequiredMode.REQUIRED) String namn,
      @Schema(example = "L", description = "Partiets förkortning: S, M, V, L, MP, C, KD eller SD") String parti,
      @Schema(example = "oppositionsborgarråd",
          description = "finansborgarråd, borgarråd, oppositionsborgarråd, ledamot, ersättare eller gruppledare") String roll) {
  }

  /**
   * A new skrivelse sent as JSON ({@code POST /api/v1/skrivelser}).
   *
   * @param rubrik the rubrik, required, at most 500 characters
   * @param avsandare the sender, required
   * @param inkom when received: ISO 8601 date or date-time, with or without offset (without:
   *     Europe/Stockholm); default now; not in the future
   * @param fragor the questions asked, at most 30 of at most 2000 characters
   * @param text the skrivelse's text, at most 1,000,000 characters; a text, a file or questions is
   *     required
   * @param fil the skrivelse as a file, its content in base64, or null
   */
  @Schema(description = "En ny skrivelse till kommunstyrelsen, som JSON. Skrivelsen kan bifogas som fil i 'fil' "
      + "(innehållet i base64); en fil kan också skickas som multipart till /api/v1/skrivelser/med-fil.")
  public record NySkrivelse(
      @Schema(example = "Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris",
          maxLength = Skrivelseinlamning.MAX_RUBRIK, requiredMode = Schema.RequiredMode.REQUIRED) String rubrik,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Avsandare avsandare,
      @Schema(example = "2025-11-26T10:15:00+01:00",
          description = "ISO 8601-datum eller tidpunkt, med eller utan tidszon (utan: Europe/Stockholm). Standard: nu.")
      String inkom,
      @ArraySchema(arraySchema = @Schema(description = "Frågorna i skrivelsen, högst "
          + Skrivelseinlamning.MAX_FRAGOR + " frågor om högst " + Skrivelseinlamning.MAX_FRAGA + " tecken"),
          maxItems = Skrivelseinlamning.MAX_FRAGOR, schema = @Schema(maxLength = Skrivelseinlamning.MAX_FRAGA))
      List<String> fragor,
      @Schema(description = "Skrivelsens text (text, frågor eller fil krävs)", maxLength = 1000000) String text,
      @Schema(description = "Skrivelsen som fil (valfri)") Fil fil) {

    /** @return the skrivelse's fields without the file (what the multipart request's JSON part holds) */
    public Skrivelseuppgifter uppgifter() {
      return new Skrivelseuppgifter(rubrik, avsandare, inkom, fragor, text);
    }
  }

  /**
   * The skrivelse's fields in the multipart request's part {@code skrivelse}: those of
   * {@link NySkrivelse} without the file, which travels as the part {@code fil}.
   *
   * @param rubrik the rubrik, required, at most 500 characters
   * @param avsandare the sender, required
   * @param inkom when received (see {@link NySkrivelse})
   * @param fragor the questions asked
   * @param text the skrivelse's text
   */
  @Schema(description = "Skrivelsens uppgifter i multipart-begärans del 'skrivelse' (application/json): samma fält "
      + "som NySkrivelse utom 'fil', som skickas som delen 'fil'.")
  public record Skrivelseuppgifter(
      @Schema(example = "Skrivelse om tillgängligheten i Årstafältets nya parker",
          maxLength = Skrivelseinlamning.MAX_RUBRIK, requiredMode = Schema.RequiredMode.REQUIRED) String rubrik,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Avsandare avsandare,
      @Schema(example = "2025-11-27",
          description = "ISO 8601-datum eller tidpunkt, med eller utan tidszon (utan: Europe/Stockholm). Standard: nu.")
      String inkom,
      @ArraySchema(arraySchema = @Schema(description = "Frågorna i skrivelsen, högst "
          + Skrivelseinlamning.MAX_FRAGOR + " frågor om högst " + Skrivelseinlamning.MAX_FRAGA + " tecken"),
          maxItems = Skrivelseinlamning.MAX_FRAGOR, schema = @Schema(maxLength = Skrivelseinlamning.MAX_FRAGA))
      List<String> fragor,
      @Schema(description = "Skrivelsens text (text, frågor eller fil krävs)", maxLength = 1000000) String text) {

    /**
     * @param fil the file, or null
     * @return the same skrivelse as a JSON request would send it
     */
    public NySkrivelse med(Fil fil) {
      return new NySkrivelse(rubrik, avsandare, inkom, fragor, text, fil);
    }
  }

  /**
   * A file inside a JSON request.
   *
   * @param filnamn the file's name as the sender named it (åäö allowed), at most 255 characters
   * @param innehall the file's bytes (base64 in JSON, RFC 4648), at most 25 MB decoded
   */
  @Schema(description = "En fil i en JSON-begäran. Filtypen avgörs av innehållet (PDF, Word, OpenDocument, RTF, "
      + "text, PNG eller JPEG), inte av namnet.")
  public record Fil(
      @Schema(example = "Skrivelse om Årstafältet.pdf", maxLength = 255,
          requiredMode = Schema.RequiredMode.REQUIRED) String filnamn,
      @Schema(description = "Filens innehåll i base64 (RFC 4648), högst 25 MB avkodat", format = "byte",
          example = "JVBERi0xLjcK", requiredMode = Schema.RequiredMode.REQUIRED) byte[] innehall) {
  }

  /**
   * The answer to a registered skrivelse.
   *
   * @param diarienummer e.g. {@code KS 2025/1513}
   * @param url the ärende's address in the API
   * @param status the ärende's status
   * @param skrivelse the skrivelse's handling, {@code …-1}
   */
  public record SkrivelseRegistrerad(
      @Schema(example = "KS 2025/1513") String diarienummer,
      @Schema(example = "/api/v1/arenden/KS-2025-1513") String url,
      @Schema(example = "PAGAENDE") String status,
      @Schema(example = "KS 2025/1513-1") String skrivelse) {
  }

  /**
   * An ärende with what is happening in it.
   *
   * @param diarienummer the diarienummer
   * @param rubrik the rubrik
   * @param arendetyp e.g. SKRIVELSE
   * @param status PAGAENDE, BESLUTAT, AVSLUTAT, ATERKALLAT, MAKULERAT (a void number: its registration failed)
   *     or REGISTRERAS (the number is taken and its registration still running, or interrupted and soon MAKULERAT)
   * @param avsandare the sender
   * @param inkom when received
   * @param avslutad when closed, or null
   * @param rotel the rotel id, once fördelat
   * @param foredragandeBorgarrad the föredragande borgarråd, once fördelat
   * @param aktuellaSteg what is open now: tasks (with their groups and due dates) and waits
   * @param frister the ärende's deadlines and meeting dates
   * @param beslut kommunstyrelsen's decision, or null
   * @param handlingar the handlingar
   * @param handelser the events
   * @param sekretess the OSL reference when the whole ärende is marked secret, else null
   */
  public record Arende(
      String diarienummer, String rubrik, String arendetyp, String status, Avsandare avsandare,
      OffsetDateTime inkom, LocalDate avslutad, String rotel, String foredragandeBorgarrad,
      List<Steg> aktuellaSteg, Frister frister, Beslut beslut, List<Handling> handlingar, List<Handelse> handelser,
      @Schema(example = "OSL 21 kap. 7 §") String sekretess) {
  }

  /**
   * An open step: a task waiting for a group, or the case waiting for a date or a message.
   *
   * @param typ {@code UPPGIFT} (a task) or {@code VANTAR} (a timer or message)
   * @param namn what the step is called, in Swedish
   * @param aktivitet the model's activity id (stable)
   * @param process the model's key
   * @param grupper the candidate groups of a task
   * @param tilldelad the user who took the task, or null
   * @param forfaller the task's due date or the timer's time, or null
   * @param skapad when the step began
   */
  public record Steg(String typ, String namn, String aktivitet, String process, List<String> grupper,
                     String tilldelad, OffsetDateTime forfaller, OffsetDateTime skapad) {
  }

  /**
   * The ärende's deadlines and meeting dates (each null until known).
   *
   * @param svarsdatum remissvar due
   * @param promemoriaSenast the promemoria due
   * @param brbSammantrade borgarrådsberedningen's meeting
   * @param sarskiltUttalandeSistaDag last day for särskilda uttalanden
   * @param ksSammantrade kommunstyrelsen's meeting
   * @param justeringsdatum day of justering
   * @param anslagsdatum day of the anslag
   * @param laglighetsprovningSistaDag last day for laglighetsprövning (kommunallagen 13 kap 5 §)
   */
  public record Frister(LocalDate svarsdatum, LocalDate promemoriaSenast, LocalDate brbSammantrade,
                        LocalDate sarskiltUttalandeSistaDag, LocalDate ksSammantrade, LocalDate justeringsdatum,
                        LocalDate anslagsdatum, LocalDate laglighetsprovningSistaDag) {
  }

  /**
   * A decision.
   *
   * @param organ {@code KS}
   * @param sammantrade the meeting
   * @param paragraf the paragraph
   * @param beslutstext the wording
   */
  public record Beslut(String organ, LocalDate sammantrade, String paragraf, String beslutstext) {
  }

  /**
   * A handling in the ärende.
   *
   * @param nummer the number within the ärende
   * @param dokumentnummer e.g. {@code KS 2025/1513-3}
   * @param handlingstyp e.g. TJANSTUTLATANDE
   * @param rubrik the rubrik
   * @param datum the date received or drawn up
   * @param status INKOMMEN, UPPRATTAD or EXPEDIERAD
   * @param avsandare the sender, or null
   * @param mottagare the recipient, or null
   * @param filnamn the file's name, or null
   * @param mediatyp the content's media type
   * @param storlek the content's size in bytes
   * @param sha256 the content's SHA-256, hex
   * @param hanvisarTill the handling this one is identical to (likalydande), or null
   * @param innehall the address of the content; null when the handling is secret and the user is not in a
   *     group that handles the ärende
   * @param sekretess the OSL reference when the handling (or its ärende) is marked secret, else null
   */
  public record Handling(int nummer, String dokumentnummer, String handlingstyp, String rubrik, LocalDate datum,
                         String status, String avsandare, String mottagare, String filnamn, String mediatyp,
                         long storlek, String sha256, String hanvisarTill, String innehall,
                         @Schema(example = "OSL 21 kap. 7 §") String sekretess) {
  }

  /**
   * An event.
   *
   * @param tid when
   * @param typ what, e.g. REMITTERAT
   * @param beskrivning a sentence in Swedish
   * @param aktor who, or null for the system
   * @param dokumentnummer the handling concerned, or null
   */
  public record Handelse(OffsetDateTime tid, String typ, String beskrivning, String aktor, String dokumentnummer) {
  }

  /**
   * An error (RFC 9457, {@code application/problem+json}).
   *
   * @param type the problem's type, e.g. {@code https://stockholm.se/ks/problem/ogiltig-begaran}
   * @param title a short title in Swedish
   * @param status the HTTP status
   * @param detail what is wrong and what to do, in Swedish
   * @param instance the address asked for
   * @param fel for an invalid request, each field at fault
   */
  @Schema(name = "Problem", description = "Fel enligt RFC 9457 (application/problem+json)")
  public record Problemdetalj(
      @Schema(example = "https://stockholm.se/ks/problem/ogiltig-begaran") String type,
      @Schema(example = "Ogiltig begäran") String title,
      @Schema(example = "400") int status,
      @Schema(example = "Rubrik måste fyllas i.") String detail,
      @Schema(example = "/api/v1/skrivelser") String instance,
      @Schema(description = "Fälten som är fel (vid 400)") List<Fel> fel) {
  }

  /**
   * A field at fault.
   *
   * @param falt the field, e.g. {@code avsandare.namn} or {@code fragor[2]}
   * @param meddelande what is wrong, in Swedish
   */
  @Schema(name = "Fel")
  public record Fel(@Schema(example = "rubrik") String falt, @Schema(example = "Rubrik måste fyllas i.") String meddelande) {
  }

  /**
   * A withdrawal.
   *
   * @param motivering the sender's reason, optional, at most 4000 characters
   */
  public record Aterkallelse(@Schema(example = "Frågan har besvarats på annat sätt.", maxLength = 4000) String motivering) {
  }

  /**
   * A document to add to an open ärende, sent as JSON with its file in base64.
   *
   * @param rubrik required, at most 500 characters
   * @param avsandare who sent it, optional, at most 200 characters
   * @param datum the date received ({@code YYYY-MM-DD}, Europe/Stockholm), default today
   * @param fil the document itself, required
   */
  @Schema(description = "En handling att lägga till i ett öppet ärende, som JSON med filen i base64. En fil kan också "
      + "skickas som multipart till …/handlingar/med-fil.")
  public record NyHandling(
      @Schema(example = "Kompletterande underlag från avsändaren", maxLength = 500,
          requiredMode = Schema.RequiredMode.REQUIRED) String rubrik,
      @Schema(example = "Jan Jönsson (L)", maxLength = 200) String avsandare,
      @Schema(example = "2025-12-02", format = "date", description = "Datum då handlingen kom in, ÅÅÅÅ-MM-DD. Standard: i dag.")
      String datum,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Fil fil) {

    /** @return the fields without the file */
    public Handlingsuppgifter uppgifter() {
      return new Handlingsuppgifter(rubrik, avsandare, datum);
    }
  }

  /**
   * A document's fields in the multipart request's part {@code handling} (the file is the part
   * {@code fil}).
   *
   * @param rubrik required, at most 500 characters
   * @param avsandare who sent it, optional, at most 200 characters
   * @param datum the date received ({@code YYYY-MM-DD}), default today
   */
  @Schema(description = "Handlingens uppgifter i multipart-begärans del 'handling' (application/json); filen är "
      + "delen 'fil'.")
  public record Handlingsuppgifter(
      @Schema(example = "Kompletterande underlag från avsändaren", maxLength = 500,
          requiredMode = Schema.RequiredMode.REQUIRED) String rubrik,
      @Schema(example = "Jan Jönsson (L)", maxLength = 200) String avsandare,
      @Schema(example = "2025-12-02", format = "date", description = "Datum då handlingen kom in, ÅÅÅÅ-MM-DD. Standard: i dag.")
      String datum) {
  }

  /**
   * A meeting of borgarrådsberedningen or kommunstyrelsen.
   *
   * @param organ {@code KS} or {@code BRB}
   * @param organNamn the organ in Swedish
   * @param datum the meeting day
   * @param status PLANERAT, FOREDRAGNINGSLISTA_FASTSTALLD, HALLET, PROTOKOLL_JUSTERAT or ANSLAGET
   * @param statusText the state in Swedish
   * @param justeringsdatum the day of justering of the protokoll, or null
   * @param justerare who justerade, or null
   * @param anslagsdatum the day the justering was anslagen, or null
   * @param arenden the föredragningslista in order, also ärenden that left it (status AVFORT)
   * @param dokument the meeting's documents (föredragningslista, protokoll, anslagsbevis) in their order
   */
  public record Sammantrade(String organ, String organNamn, LocalDate datum,
                            String status,
                            String statusText, LocalDate justeringsdatum, String justerare, LocalDate anslagsdatum,
                            List<Punkt> arenden, List<Sammantradesdokument> dokument) {
  }

  /**
   * A document of a meeting, numbered in the meeting's own series.
   *
   * @param nummer its number in the series
   * @param beteckning its designation, {@code KS 2026-03-18 nr 1}
   * @param typ FOREDRAGNINGSLISTA, PROTOKOLL or ANSLAGSBEVIS
   * @param rubrik its title
   * @param upprattad when it was written
   * @param url its content (PDF/A)
   */
  public record Sammantradesdokument(int nummer, String beteckning,
                                     String typ, String rubrik, OffsetDateTime upprattad, String url) {
  }

  /**
   * An ärende on a meeting's föredragningslista.
   *
   * @param ordning its number on the list, from 1 in the order anmält
   * @param paragraf its paragraph in kommunstyrelsen's protokoll ({@code § 12}) once the meeting is held, or null
   * @param diarienummer the ärende
   * @param url the ärende in this API
   * @param rubrik the ärende's rubrik
   * @param foredragandeBorgarrad its föredragande borgarråd, or null
   * @param status where it stands at this meeting
   * @param statusText the same in Swedish
   */
  public record Punkt(int ordning, String paragraf, String diarienummer, String url, String rubrik,
                      String foredragandeBorgarrad,
                      String status,
                      String statusText) {
  }

  /**
   * A secrecy mark to set.
   *
   * @param hanvisning the provision of offentlighets- och sekretesslagen, e.g. {@code OSL 21 kap. 7 §}
   */
  public record Sekretessmarkering(
      @Schema(description = "Bestämmelsen i offentlighets- och sekretesslagen: lagens förkortning, kapitel och paragraf",
          example = "OSL 21 kap. 7 §", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String hanvisning) {
  }

  /**
   * A hit of the search for ärenden.
   *
   * @param diarienummer the diarienummer
   * @param rubrik the rubrik
   * @param arendetyp e.g. SKRIVELSE
   * @param status PAGAENDE, BESLUTAT, AVSLUTAT, ATERKALLAT or MAKULERAT
   * @param inkom the date received
   * @param avslutad the date closed, or null
   * @param avsandare the sender
   * @param rotel the rotel id, once fördelat
   * @param foredragandeBorgarrad the föredragande borgarråd, once fördelat
   * @param sekretess the OSL reference when the ärende is marked secret
   * @param url the ärende in this API
   * @param sida the ärende's page for officials
   */
  public record Arendetraff(
      @Schema(example = "KS 2025/1513") String diarienummer, String rubrik, String arendetyp, String status,
      LocalDate inkom, LocalDate avslutad, Avsandare avsandare, String rotel, String foredragandeBorgarrad,
      String sekretess, @Schema(example = "/api/v1/arenden/KS-2025-1513") String url,
      @Schema(example = "/arenden/KS-2025-1513") String sida) {
  }

  /**
   * A page of the search's hits. The same pages are linked in the Link header (first, prev, next, last).
   *
   * @param traffar the hits on this page
   * @param totalt hits in all
   * @param sida this page, from 1
   * @param storlek hits per page
   * @param antalSidor pages in all (at least 1)
   */
  public record Arendesokresultat(List<Arendetraff> traffar, long totalt, int sida, int storlek, int antalSidor) {
  }

  /**
   * An entry of the public e-diarium (offentlighets- och sekretesslagen 5 kap. 2 §).
   *
   * @param datum the date received or drawn up
   * @param dokumentnummer diarienummer and handling number
   * @param diarienummer the ärende's diarienummer
   * @param arende the ärende's rubrik, or the mask when the ärende is marked secret
   * @param handlingstyp the kind, in Swedish
   * @param riktning inkommen, upprättad or expedierad
   * @param avsandareEllerMottagare sender (inkommen) or recipient (expedierad), or the mask
   * @param beskrivning what it is about, in short, or the mask
   * @param sekretess the OSL provision when masked
   */
  public record Diariepost(
      LocalDate datum, @Schema(example = "KS 2025/1513-2") String dokumentnummer,
      @Schema(example = "KS 2025/1513") String diarienummer, String arende,
      @Schema(example = "Tjänsteutlåtande") String handlingstyp, @Schema(example = "inkommen") String riktning,
      @Schema(example = "Stadsledningskontoret") String avsandareEllerMottagare, String beskrivning,
      @Schema(example = "OSL 21 kap. 7 §") String sekretess) {
  }

  /**
   * A page of the public e-diarium.
   *
   * @param poster the entries, newest first
   * @param totalt entries in all
   * @param sida this page, from 1
   * @param storlek entries per page
   * @param antalSidor pages in all (of the entries counted)
   * @param fler true when there are more than 10 000 entries: they are counted up to there ({@code totalt} is
   *     then 10 000); narrow the listing with text, diarienummer or dates
   */
  public record Diariesida(List<Diariepost> poster, long totalt, int sida, int storlek, int antalSidor, boolean fler) {
  }
}
