package se.stockholm.ks.dokument;

/**
 * An attachment listed under "Bilaga": "Skrivelse angående …, dnr KS 2025/1513-1".
 *
 * @param rubrik the attachment's title; required
 * @param dokumentnummer the handling's number in the diarium, e.g. {@code KS 2025/1513-1}; may be
 *     null (then only the title is printed)
 */
public record Bilaga(String rubrik, String dokumentnummer) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the title is missing
   */
  public Bilaga {
    Krav.text(rubrik, "Bilagans rubrik");
  }
}
