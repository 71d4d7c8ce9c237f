package se.stockholm.ks.diarium;

/**
 * Who sent a skrivelse.
 *
 * @param namn the sender's name, e.g. {@code Jan Jönsson}
 * @param parti the party code, e.g. {@code L}; may be null for a sender outside the parties
 * @param roll the role, e.g. {@code oppositionsborgarråd}; may be null
 */
public record Avsandare(String namn, String parti, String roll) {

  /** @return the name with the party, as documents write it: {@code Jan Jönsson (L)} */
  public String medParti() {
    return parti == null || parti.isBlank() ? namn : namn + " (" + parti + ")";
  }
}
