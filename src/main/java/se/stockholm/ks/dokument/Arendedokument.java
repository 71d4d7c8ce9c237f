package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.List;

/**
 * The ärende document as the city writes it ("PM Rotel I (Dnr KS 2025/1513)"): the föredragande
 * borgarrådets promemoria, borgarrådsberedningens and kommunstyrelsens treatment, the ärende and the
 * remissammanställning. Every optional part that is null, blank or empty is left out of the
 * document, heading and all.
 *
 * @param diarienummer the ärende's dnr, e.g. {@code KS 2025/1513}; required
 * @param rotelNamn the rotel, e.g. {@code Rotel I}; required
 * @param rubrik the ärende's title, e.g. "Skrivelse angående …"; required
 * @param avsandare who sent the skrivelse ("Skrivelse från Jan Jönsson (L)"; the role is not printed
 *     there); required
 * @param forslagTillBeslut the proposed decision; required
 * @param foredragandeBorgarrad the föredragande borgarråd ("Föredragande borgarrådet Karin
 *     Wanngård"); required
 * @param sammanfattning "Sammanfattning av ärendet"; optional
 * @param beredning the rotel's summary under "Beredning", WITHOUT the opening sentence "Ärendet har
 *     remitterats till …", which is written from {@code remissvar}; optional
 * @param synpunkter "Föredragande borgarrådets synpunkter"; optional
 * @param ort where the promemoria was signed, e.g. {@code Stockholm}; optional
 * @param promemoriaDatum the promemoria's date ("Stockholm den 4 mars 2026"); optional
 * @param undertecknare the name under the promemoria, e.g. {@code Karin Wanngård}; optional
 * @param bilagor the attachments ("Bilaga"/"Bilagor"); null is taken as none
 * @param borgarradsberedningen borgarrådsberedningens treatment; null before it has treated the ärende
 * @param kommunstyrelsen kommunstyrelsens decision; null before the decision
 * @param arendeBeskrivning the body of "Ärendet"; optional
 * @param fragor the questions asked in the skrivelse, printed as bullets at the end of "Ärendet";
 *     null is taken as none
 * @param remissvar the remissvar for "Remissammanställning", in the order printed; null is taken as
 *     none
 */
public record Arendedokument(
    String diarienummer,
    String rotelNamn,
    String rubrik,
    Person avsandare,
    String forslagTillBeslut,
    Person foredragandeBorgarrad,
    String sammanfattning,
    String beredning,
    String synpunkter,
    String ort,
    LocalDate promemoriaDatum,
    String undertecknare,
    List<Bilaga> bilagor,
    BrbBehandling borgarradsberedningen,
    KsBehandling kommunstyrelsen,
    String arendeBeskrivning,
    List<String> fragor,
    List<Remissvar> remissvar) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when a required part is missing or a list holds null
   */
  public Arendedokument {
    Krav.text(diarienummer, "Diarienummer");
    Krav.text(rotelNamn, "Rotel");
    Krav.text(rubrik, "Rubrik");
    Krav.varde(avsandare, "Avsändare");
    Krav.text(forslagTillBeslut, "Förslag till beslut");
    Krav.varde(foredragandeBorgarrad, "Föredragande borgarråd");
    bilagor = Krav.lista(bilagor, "Bilagor");
    fragor = Krav.lista(fragor, "Frågor");
    remissvar = Krav.lista(remissvar, "Remissvar");
  }

  /** @return the document's heading line, e.g. "PM Rotel I (Dnr KS 2025/1513)" */
  public String dokumentbeteckning() {
    return "PM " + rotelNamn + " (Dnr " + diarienummer + ")";
  }

  /**
   * @return true when borgarrådsberedningen has tillstyrkt the proposal, so that the document says
   *     "Borgarrådsberedningen föreslår …" and prints its treatment
   */
  public boolean tillstyrktAvBrb() {
    return borgarradsberedningen != null && borgarradsberedningen.tillstyrkt();
  }

  /**
   * @return true when the document has a Kommunstyrelsen section: a decision with at least one
   *     särskilt uttalande or reservation (the decision itself is in the protokollsutdrag)
   */
  public boolean harKommunstyrelseavsnitt() {
    return kommunstyrelsen != null
        && (!kommunstyrelsen.sarskildaUttalanden().isEmpty()
            || !kommunstyrelsen.reservationer().isEmpty());
  }
}
