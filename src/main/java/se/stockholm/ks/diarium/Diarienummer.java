package se.stockholm.ks.diarium;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diarienummer such as {@code KS 2025/1513}: the diarium (registry), the year the ärende was
 * received (in Europe/Stockholm) and the serial number within that year. It is the business key of
 * the ärende's process instance. Handlingar in the ärende are numbered {@code KS 2025/1513-1},
 * {@code -2}, … in the order they are registered.
 *
 * <p>In URL paths the variant form {@code KS-2025-1513} avoids the space and the slash; both
 * forms are accepted by {@link #parse(String)}.
 *
 * @param diarium the registry's code, e.g. {@code KS}
 * @param ar the year, e.g. 2025
 * @param lopnummer the serial number within the year, from 1
 */
public record Diarienummer(String diarium, int ar, int lopnummer) {

  private static final Pattern FORM = Pattern.compile(
      "^\\s*([A-ZÅÄÖ]{1,10})(?:\\s+|-)(\\d{4})(?:/|-)(\\d{1,7})\\s*$");

  /**
   * @throws IllegalArgumentException when a part is out of range
   */
  public Diarienummer {
    if (diarium == null || !diarium.matches("[A-ZÅÄÖ]{1,10}")) {
      throw new IllegalArgumentException("Ogiltigt diarium: " + diarium);
    }
    if (ar < 1900 || ar > 2999 || lopnummer < 1) {
      throw new IllegalArgumentException("Ogiltigt diarienummer: " + diarium + " " + ar + "/" + lopnummer);
    }
  }

  /**
   * Parses {@code KS 2025/1513} or the URL form {@code KS-2025-1513}.
   *
   * @param text the diarienummer as written
   * @return the diarienummer
   * @throws IllegalArgumentException when the text is not a diarienummer
   */
  public static Diarienummer parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Ogiltigt diarienummer '" + text + "': skriv t.ex. 'KS 2025/1513' eller 'KS-2025-1513'.");
    }
    return new Diarienummer(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** @return the URL-safe form, e.g. {@code KS-2025-1513} */
  public String urlForm() {
    return diarium + "-" + ar + "-" + lopnummer;
  }

  /**
   * @param handlingLopnummer the handling's number within the ärende, from 1
   * @return the handling's dokumentnummer, e.g. {@code KS 2025/1513-3}
   */
  public String dokumentnummer(int handlingLopnummer) {
    return this + "-" + handlingLopnummer;
  }

  /** @return the diarienummer as written in the diarium, e.g. {@code KS 2025/1513} */
  @Override
  public String toString() {
    return diarium + " " + ar + "/" + lopnummer;
  }
}
