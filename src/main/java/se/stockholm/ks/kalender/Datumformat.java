package se.stockholm.ks.kalender;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The city's two ways of writing a date, in one place — one per kind of text:
 *
 * <ul>
 *   <li>{@link #lopandeText} in the running text of a handling or document, the plain-text promemoria
 *       and the PDFs alike: "10 augusti 2026" ("Stockholm den 10 augusti 2026", "Svar senast den 19
 *       december 2025");</li>
 *   <li>{@link #iso} (ÅÅÅÅ-MM-DD) in tables, metadata, forms, the API and the ärende's event log:
 *       "2026-08-10".</li>
 * </ul>
 *
 * Dates are calendar dates in Europe/Stockholm.
 */
public final class Datumformat {

  /** Swedish as written in Sweden. */
  public static final Locale SVENSKA = Locale.forLanguageTag("sv-SE");

  private static final DateTimeFormatter LOPANDE_TEXT = DateTimeFormatter.ofPattern("d MMMM yyyy", SVENSKA);

  private Datumformat() {
  }

  /**
   * @param datum a date; may be null
   * @return the date written out for running text, e.g. "10 augusti 2026"; empty for null
   */
  public static String lopandeText(LocalDate datum) {
    return datum == null ? "" : LOPANDE_TEXT.format(datum);
  }

  /**
   * @param datum a date in any of the forms process variables hold (see {@link Frister#datum(Object)});
   *     may be null
   * @return the date written out for running text; empty for null
   * @throws IllegalArgumentException when the value is not a date
   */
  public static String lopandeText(Object datum) {
    return datum == null ? "" : lopandeText(Frister.datum(datum));
  }

  /**
   * @param datum a date; may be null
   * @return the date as ÅÅÅÅ-MM-DD for tables, metadata and forms, e.g. "2026-08-10"; empty for null
   */
  public static String iso(LocalDate datum) {
    return datum == null ? "" : datum.toString();
  }
}
