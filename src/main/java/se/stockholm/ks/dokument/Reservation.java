package se.stockholm.ks.dokument;

/**
 * A member's reservation against the decision (kommunallagen 4 kap 27 §).
 *
 * <p>Printed as "Reservation av Anna Andersson (M) enligt följande." followed by the text, or, without a
 * text, as "Anna Andersson (M) reserverade sig mot beslutet."
 *
 * @param ledamot who reserved themselves; required
 * @param text the motivation, paragraphs separated by a blank line; may be null
 */
public record Reservation(Person ledamot, String text) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the member is missing
   */
  public Reservation {
    Krav.varde(ledamot, "Reservation: ledamot");
  }
}
