package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.List;

/**
 * Kommunstyrelsens decision on the ärende, as recorded in the protokoll.
 *
 * @param sammantradesdatum the meeting's date; required
 * @param paragraf the paragraph as printed, e.g. {@code § 12}; required
 * @param beslutstext the decision as the protokoll states it, e.g. "Skrivelsen besvaras med hänvisning
 *     till vad som sägs i promemorian."; required
 * @param sarskildaUttalanden särskilda uttalanden, in the order printed; null is taken as none
 * @param reservationer reservationer, in the order printed; null is taken as none
 * @param justeringsdatum the date the protokoll was justerat; null until then
 * @param anslagsdatum the date the justering was announced on the anslagstavla; null until then
 */
public record KsBehandling(LocalDate sammantradesdatum, String paragraf, String beslutstext,
                           List<SarskiltUttalande> sarskildaUttalanden,
                           List<Reservation> reservationer, LocalDate justeringsdatum,
                           LocalDate anslagsdatum) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the date, paragraph or decision is missing, or a list holds null
   */
  public KsBehandling {
    Krav.varde(sammantradesdatum, "Kommunstyrelsens sammanträdesdatum");
    Krav.text(paragraf, "Paragraf");
    Krav.text(beslutstext, "Beslutstext");
    sarskildaUttalanden = Krav.lista(sarskildaUttalanden, "Kommunstyrelsens särskilda uttalanden");
    reservationer = Krav.lista(reservationer, "Reservationer");
  }
}
