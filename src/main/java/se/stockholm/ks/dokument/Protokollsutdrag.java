package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.List;

/**
 * The protokollsutdrag of kommunstyrelsens decision on one ärende.
 *
 * @param diarienummer the ärende's dnr, e.g. {@code KS 2025/1513}; required
 * @param rubrik the ärende's title; required
 * @param sammantradesdatum the meeting's date; required
 * @param paragraf the paragraph as printed, e.g. {@code § 12}; required
 * @param beslutstext the decision; required
 * @param sarskildaUttalanden särskilda uttalanden; null is taken as none
 * @param reservationer reservationer; null is taken as none
 * @param justeringsdatum "Justerat den …"; null until the protokoll is justerat (then not printed)
 * @param anslagsdatum "Anslaget den …"; null until announced (then not printed)
 * @param ort where the meeting was held, e.g. {@code Stockholm}; optional
 */
public record Protokollsutdrag(
    String diarienummer,
    String rubrik,
    LocalDate sammantradesdatum,
    String paragraf,
    String beslutstext,
    List<SarskiltUttalande> sarskildaUttalanden,
    List<Reservation> reservationer,
    LocalDate justeringsdatum,
    LocalDate anslagsdatum,
    String ort) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when a required part is missing or a list holds null
   */
  public Protokollsutdrag {
    Krav.text(diarienummer, "Diarienummer");
    Krav.text(rubrik, "Rubrik");
    Krav.varde(sammantradesdatum, "Sammanträdesdatum");
    Krav.text(paragraf, "Paragraf");
    Krav.text(beslutstext, "Beslutstext");
    sarskildaUttalanden = Krav.lista(sarskildaUttalanden, "Särskilda uttalanden");
    reservationer = Krav.lista(reservationer, "Reservationer");
  }

  /**
   * The protokollsutdrag of the decision in an ärende document.
   *
   * @param dokument an ärende document whose {@code kommunstyrelsen} is set
   * @param ort where the meeting was held, e.g. {@code Stockholm}; may be null
   * @return the protokollsutdrag with the ärende's dnr and title and the decision's data
   * @throws IllegalArgumentException when kommunstyrelsen has not decided the ärende
   */
  public static Protokollsutdrag fran(Arendedokument dokument, String ort) {
    KsBehandling ks = Krav.varde(dokument.kommunstyrelsen(), "Kommunstyrelsens beslut");
    return new Protokollsutdrag(dokument.diarienummer(), dokument.rubrik(), ks.sammantradesdatum(),
        ks.paragraf(), ks.beslutstext(), ks.sarskildaUttalanden(), ks.reservationer(),
        ks.justeringsdatum(), ks.anslagsdatum(), ort);
  }
}
