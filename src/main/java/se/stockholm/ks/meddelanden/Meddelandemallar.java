package se.stockholm.ks.meddelanden;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.dokument.Textformat;
import se.stockholm.ks.kalender.Datumformat;

/**
 * The texts of every message, in one place: subject, plain text and HTML from one list of
 * paragraphs and links. Each names the dnr and rubrik, what to do, the due date (written out, "den
 * 19 december 2025", as in the documents; ISO in the subject) and a link to the ärende and to the
 * task in Tasklist. Swedish throughout.
 */
@Component
public class Meddelandemallar {

  /** Names in running text: "till stadsledningskontoret". */
  private static final Textformat TEXT = new Textformat();

  private static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final MeddelandeInstallningar installningar;

  Meddelandemallar(MeddelandeInstallningar installningar) {
    this.installningar = installningar;
  }

  /**
   * The remiss to a remissinstans.
   *
   * @param nyckel the message's key
   * @param dnr the ärende
   * @param rubrik its rubrik
   * @param instans the remissinstans' name
   * @param adress its mailbox
   * @param svarsdatum the last day to answer
   * @param remiss the remiss' dokumentnummer
   * @param bilagor the remiss and the skrivelse
   * @return the message
   */
  public Meddelande remiss(String nyckel, Diarienummer dnr, String rubrik, String instans, String adress,
                           LocalDate svarsdatum, String remiss, List<Meddelande.Bilaga> bilagor) {
    return new Text(dnr, rubrik)
        .stycke("Kommunstyrelsen remitterar ärende " + dnr + ", " + rubrik + ", till " + TEXT.iLopandeText(instans)
            + " för yttrande.")
        .stycke("Svara senast den " + Datumformat.lopandeText(svarsdatum) + " med ett tjänsteutlåtande. Skriv det i "
            + "uppgiften Skriv tjänsteutlåtande i Tasklist, eller bifoga det där som fil.")
        .stycke("Remissen (handling " + remiss + ") och skrivelsen är bifogade.")
        .lank("Uppgiften i Tasklist", installningar.lank(TASKLIST))
        .lank("Ärendet och dess handlingar", arende(dnr))
        .meddelande(nyckel, Meddelandetyp.REMISS, adress, instans,
            "Remiss " + dnr + ": " + rubrik + " – svar senast " + svarsdatum, bilagor, remiss);
  }

  /**
   * The reminder before svarsdatum.
   *
   * @param nyckel the message's key
   * @param dnr the ärende
   * @param rubrik its rubrik
   * @param instans the remissinstans' name
   * @param adress its mailbox
   * @param svarsdatum the last day to answer
   * @param remiss the remiss' dokumentnummer, or null
   * @return the message
   */
  public Meddelande paminnelse(String nyckel, Diarienummer dnr, String rubrik, String instans, String adress,
                               LocalDate svarsdatum, String remiss) {
    return new Text(dnr, rubrik)
        .stycke("Påminnelse: kommunstyrelsen väntar på " + TEXT.iLopandeText(instans) + "s tjänsteutlåtande över ärende "
            + dnr + ", " + rubrik + (remiss == null ? "." : " (remissen, handling " + remiss + ")."))
        .stycke("Svarsdatum är den " + Datumformat.lopandeText(svarsdatum) + ". Skriv tjänsteutlåtandet i uppgiften "
            + "Skriv tjänsteutlåtande i Tasklist. Har ni redan svarat behöver ni inte göra något mer.")
        .lank("Uppgiften i Tasklist", installningar.lank(TASKLIST))
        .lank("Ärendet och dess handlingar", arende(dnr))
        .meddelande(nyckel, Meddelandetyp.PAMINNELSE, adress, instans,
            "Påminnelse: remissvar i " + dnr + " senast " + svarsdatum, List.of(), remiss);
  }

  /**
   * The notice to KS kansli that svarsdatum has passed.
   *
   * @param nyckel the message's key
   * @param dnr the ärende
   * @param rubrik its rubrik
   * @param instans the remissinstans that has not answered
   * @param adress KS kansli's mailbox
   * @param svarsdatum the svarsdatum that passed
   * @param kansliSenast when the kansli's task is due
   * @return the message
   */
  public Meddelande svarsdatumPasserat(String nyckel, Diarienummer dnr, String rubrik, String instans, String adress,
                                       LocalDate svarsdatum, LocalDate kansliSenast) {
    return new Text(dnr, rubrik)
        .stycke("Svarsdatum den " + Datumformat.lopandeText(svarsdatum) + " har passerat utan tjänsteutlåtande från "
            + TEXT.iLopandeText(instans) + " i ärende " + dnr + ", " + rubrik + ".")
        .stycke("Besluta senast den " + Datumformat.lopandeText(kansliSenast) + " i uppgiften Hantera försenat "
            + "remissvar i Tasklist om svarsdatum ska förlängas eller om ärendet går vidare utan svar. Remissinstansen "
            + "kan svara tills ni har beslutat.")
        .lank("Uppgiften i Tasklist", installningar.lank(TASKLIST))
        .lank("Ärendet och dess handlingar", arende(dnr))
        .meddelande(nyckel, Meddelandetyp.SVARSDATUM_PASSERAT, adress, "KS kansli",
            "Svarsdatum passerat: " + instans + " i " + dnr + " – besluta senast " + kansliSenast, List.of(), null);
  }

  /**
   * The extension of svarsdatum to the remissinstans.
   *
   * @param nyckel the message's key
   * @param dnr the ärende
   * @param rubrik its rubrik
   * @param instans the remissinstans' name
   * @param adress its mailbox
   * @param nytt the new svarsdatum
   * @param tidigare the earlier svarsdatum
   * @param besked the notice's dokumentnummer
   * @param bilagor the notice
   * @return the message
   */
  public Meddelande forlangning(String nyckel, Diarienummer dnr, String rubrik, String instans, String adress,
                                LocalDate nytt, LocalDate tidigare, String besked, List<Meddelande.Bilaga> bilagor) {
    return new Text(dnr, rubrik)
        .stycke("Kommunstyrelsen förlänger svarsdatum för remissen av ärende " + dnr + ", " + rubrik + ", till "
            + TEXT.iLopandeText(instans) + ".")
        .stycke("Nytt svarsdatum är den " + Datumformat.lopandeText(nytt) + " (tidigare den "
            + Datumformat.lopandeText(tidigare) + "). Skriv tjänsteutlåtandet i uppgiften Skriv tjänsteutlåtande i "
            + "Tasklist.")
        .stycke("Beskedet (handling " + besked + ") är bifogat.")
        .lank("Uppgiften i Tasklist", installningar.lank(TASKLIST))
        .lank("Ärendet och dess handlingar", arende(dnr))
        .meddelande(nyckel, Meddelandetyp.FORLANGNING, adress, instans,
            "Förlängt svarsdatum " + dnr + ": nytt svarsdatum " + nytt, bilagor, besked);
  }

  /**
   * The request for a särskilt uttalande to a party office.
   *
   * @param nyckel the message's key
   * @param dnr the ärende
   * @param rubrik its rubrik
   * @param parti the party's name, e.g. {@code Liberalerna}
   * @param adress the party office's mailbox
   * @param sistaDag the last day to hand in the text
   * @return the message
   */
  public Meddelande sarskiltUttalande(String nyckel, Diarienummer dnr, String rubrik, String parti, String adress,
                                      LocalDate sistaDag) {
    return new Text(dnr, rubrik)
        .stycke(parti + " har anmält ett särskilt uttalande i borgarrådsberedningen i ärende " + dnr + ", " + rubrik
            + ".")
        .stycke("Lämna uttalandets text senast den " + Datumformat.lopandeText(sistaDag) + " i uppgiften Lämna "
            + "särskilt uttalande i Tasklist. Kommer ingen text in före fristen noteras att uttalandet uteblev.")
        .lank("Uppgiften i Tasklist", installningar.lank(TASKLIST))
        .lank("Ärendet och dess handlingar", arende(dnr))
        .meddelande(nyckel, Meddelandetyp.SARSKILT_UTTALANDE, adress, parti,
            "Särskilt uttalande i " + dnr + ": lämna texten senast " + sistaDag, List.of(), null);
  }

  /**
   * The decision notice to the sender of the skrivelse.
   *
   * @param nyckel the message's key
   * @param dnr the ärende
   * @param rubrik its rubrik
   * @param mottagare the sender as written, e.g. {@code Jan Jönsson (L)}
   * @param adress the mailbox
   * @param utdrag the protokollsutdrag's dokumentnummer
   * @param overklagasSenast the last day an appeal (laglighetsprövning) can reach the court, or null
   * @param vidarebefordra true when the mailbox is KS kansli's (the sender has none): the kansli forwards it
   * @param bilagor the protokollsutdrag
   * @return the message
   */
  public Meddelande beslut(String nyckel, Diarienummer dnr, String rubrik, String mottagare, String adress,
                           String utdrag, LocalDate overklagasSenast, boolean vidarebefordra,
                           List<Meddelande.Bilaga> bilagor) {
    Text text = new Text(dnr, rubrik);
    if (vidarebefordra) {
      text.stycke("Till KS kansli: avsändaren " + mottagare + " har ingen e-postadress i konfigurationen. Skicka "
          + "beslutet vidare till avsändaren.");
    }
    text.stycke("Till " + mottagare + ". Kommunstyrelsen har beslutat i ärende " + dnr + ", " + rubrik
            + ", som du väckte med din skrivelse. Protokollet är justerat och anslaget.")
        .stycke("Protokollsutdraget (handling " + utdrag + ") är bifogat.");
    if (overklagasSenast != null) {
      text.stycke("Beslutet kan överklagas genom laglighetsprövning (kommunallagen 13 kap.). Överklagandet ska ha "
          + "kommit in till förvaltningsrätten senast den " + Datumformat.lopandeText(overklagasSenast) + ".");
    }
    return text.lank("Ärendet och dess handlingar", arende(dnr))
        .meddelande(nyckel, Meddelandetyp.BESLUT, adress, mottagare,
            "Beslut i " + dnr + ": " + rubrik, bilagor, utdrag);
  }

  private String arende(Diarienummer dnr) {
    return installningar.lank("/arenden/" + dnr.urlForm());
  }

  /** Paragraphs and links, written out as plain text and as HTML. */
  private static final class Text {
    private final List<String> text = new ArrayList<>();
    private final List<String> html = new ArrayList<>();
    private final Diarienummer dnr;
    private final String rubrik;

    Text(Diarienummer dnr, String rubrik) {
      this.dnr = dnr;
      this.rubrik = rubrik;
    }

    Text stycke(String stycke) {
      text.add(stycke);
      html.add("<p>" + HtmlUtils.htmlEscape(stycke) + "</p>");
      return this;
    }

    Text lank(String etikett, String url) {
      text.add(etikett + ": " + url);
      html.add("<p>" + HtmlUtils.htmlEscape(etikett) + ": <a href=\"" + HtmlUtils.htmlEscape(url) + "\">"
          + HtmlUtils.htmlEscape(url) + "</a></p>");
      return this;
    }

    Meddelande meddelande(String nyckel, Meddelandetyp typ, String adress, String mottagareNamn, String amne,
                          List<Meddelande.Bilaga> bilagor, String dokumentnummer) {
      String slut = "Med vänlig hälsning\nKommunstyrelsen, Stockholms stad";
      String automatiskt = "Meddelandet skickades av skrivelseprocessen (ärende " + dnr + "). Frågor besvaras av KS kansli.";
      String plain = String.join("\n\n", text) + "\n\n" + slut + "\n\n" + automatiskt + "\n";
      String h = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"UTF-8\"><title>"
          + HtmlUtils.htmlEscape(amne) + "</title></head><body>"
          + "<p><strong>" + HtmlUtils.htmlEscape(dnr + " – " + rubrik) + "</strong></p>"
          + String.join("", html)
          + "<p>Med vänlig hälsning<br>Kommunstyrelsen, Stockholms stad</p>"
          + "<p><small>" + HtmlUtils.htmlEscape(automatiskt) + "</small></p></body></html>";
      return new Meddelande(nyckel, dnr, typ, adress, mottagareNamn, amne, plain, h, List.copyOf(bilagor),
          dokumentnummer);
    }
  }
}
