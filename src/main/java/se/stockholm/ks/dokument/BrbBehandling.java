package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.List;

/**
 * Borgarrådsberedningens treatment of the ärende.
 *
 * @param sammantradesdatum the meeting's date; may be null (it is not printed in the ärende document)
 * @param utfall the outcome; required. Only {@link Utfall#TILLSTYRKER} reaches the document: with any
 *     other outcome the document reads as before borgarrådsberedningen
 * @param sarskildaUttalanden the särskilda uttalanden made there, in the order they are printed; null
 *     is taken as none
 */
public record BrbBehandling(LocalDate sammantradesdatum, Utfall utfall,
                            List<SarskiltUttalande> sarskildaUttalanden) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the outcome is missing or the list holds null
   */
  public BrbBehandling {
    Krav.varde(utfall, "Borgarrådsberedningens utfall");
    sarskildaUttalanden = Krav.lista(sarskildaUttalanden, "Borgarrådsberedningens särskilda uttalanden");
  }

  /** @return true when borgarrådsberedningen tillstyrker the proposal */
  public boolean tillstyrkt() {
    return utfall == Utfall.TILLSTYRKER;
  }
}
