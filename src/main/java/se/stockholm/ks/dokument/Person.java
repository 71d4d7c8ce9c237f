package se.stockholm.ks.dokument;

/**
 * A person as a document names them: "borgarrådet Jan Jönsson (L)".
 *
 * @param namn the full name, e.g. {@code Jan Jönsson}; required
 * @param parti the party's letter code, e.g. {@code L}; may be null (then no parenthesis is printed)
 * @param roll the role as written before the name in running text, in the definite form, e.g.
 *     {@code borgarrådet} or {@code oppositionsborgarrådet}; may be null (then only the name is printed)
 */
public record Person(String namn, String parti, String roll) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the name is missing
   */
  public Person {
    Krav.text(namn, "Personens namn");
  }
}
