package se.stockholm.ks.api;

import java.util.Map;

import se.stockholm.ks.skrivelse.Variabler;

/** Maps process variable names to the API's field names in error messages. */
final class ApiFalt {

  private static final Map<String, String> FALT = Map.of(
      Variabler.AVSANDARE_NAMN, "avsandare.namn",
      Variabler.AVSANDARE_PARTI, "avsandare.parti",
      Variabler.AVSANDARE_ROLL, "avsandare.roll",
      Variabler.SKRIVELSE_TEXT, "text",
      Variabler.SKRIVELSE_FIL, "fil");

  private ApiFalt() {
  }

  /**
   * @param variabel a variable name (or already an API field)
   * @return the API field name
   */
  static String fran(String variabel) {
    return FALT.getOrDefault(variabel, variabel);
  }
}
