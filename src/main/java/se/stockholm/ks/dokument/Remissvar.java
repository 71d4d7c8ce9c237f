package se.stockholm.ks.dokument;

import java.time.LocalDate;

/**
 * One remissinstans' answer, for the Remissammanställning (and the sentence "Ärendet har remitterats
 * till …" under Beredning).
 *
 * @param remissinstans the body's name as a heading, e.g. {@code Stadsledningskontoret}; required. In
 *     running text it is written with a small initial when it is a plain office or committee name
 *     ("stadsledningskontoret"), see {@link Textformat#iLopandeText(String)}
 * @param datum the date of the tjänsteutlåtande; may be null (then no date is printed)
 * @param text the tjänsteutlåtande's text (or the part quoted), paragraphs separated by a blank line;
 *     required when {@code besvarad}
 * @param besvarad false when the remissinstans has not answered: printed as "… har inte besvarat
 *     remissen."
 * @param remissdatum the date of the remiss this answers (or leaves unanswered); may be null. Printed
 *     for an unanswered remiss ("… har inte besvarat remissen av den 2 april 2026"), so that rounds to
 *     the same remissinstans (after återremiss) are told apart
 */
public record Remissvar(String remissinstans, LocalDate datum, String text, boolean besvarad, LocalDate remissdatum) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the body is missing, or an answered remiss has no text
   */
  public Remissvar {
    Krav.text(remissinstans, "Remissvar: remissinstans");
    if (besvarad) {
      Krav.text(text, "Remissvar från " + remissinstans + ": text");
    }
  }

  /**
   * @param remissinstans the body's name, e.g. {@code Stadsledningskontoret}
   * @param datum the tjänsteutlåtande's date
   * @param text its text
   * @return an answered remiss
   */
  public static Remissvar besvarad(String remissinstans, LocalDate datum, String text) {
    return new Remissvar(remissinstans, datum, text, true, null);
  }

  /**
   * @param remissinstans the body's name
   * @return a remiss that was not answered
   */
  public static Remissvar obesvarad(String remissinstans) {
    return new Remissvar(remissinstans, null, null, false, null);
  }

  /**
   * @param remissinstans the body's name
   * @param remissdatum the date of the remiss that was not answered
   * @return a remiss that was not answered, with its date
   */
  public static Remissvar obesvarad(String remissinstans, LocalDate remissdatum) {
    return new Remissvar(remissinstans, null, null, false, remissdatum);
  }
}
