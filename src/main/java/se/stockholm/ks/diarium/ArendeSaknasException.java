package se.stockholm.ks.diarium;

/** No ärende with the given diarienummer is registered. */
public class ArendeSaknasException extends RuntimeException {

  private final Diarienummer diarienummer;

  /** @param diarienummer the diarienummer that was looked for */
  public ArendeSaknasException(Diarienummer diarienummer) {
    super("Inget ärende med diarienummer " + diarienummer + " finns i diariet.");
    this.diarienummer = diarienummer;
  }

  /**
   * A diarienummer that cannot exist because it is not written as one.
   *
   * @param text the text that was given
   * @param message why it is not a diarienummer
   */
  public ArendeSaknasException(String text, String message) {
    super(message);
    this.diarienummer = null;
  }

  /** @return the diarienummer that was looked for, or null when the text was not one */
  public Diarienummer diarienummer() {
    return diarienummer;
  }
}
