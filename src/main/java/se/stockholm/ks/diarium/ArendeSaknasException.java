package se.stockholm.ks.diarium;

/** No ärende with the given diarienummer is registered. */
public class ArendeSaknasException extends RuntimeException {

  private final Diarienummer diarienummer;

  /** @param diarienummer the diarienummer that was looked for */
  public ArendeSaknasException(Diarienummer diarienummer) {
    super("Inget ärende med diarienummer " + diarienummer + " finns i diariet.");
    this.diarienummer = diarienummer;
  }

  /** @return the diarienummer that was looked for */
  public Diarienummer diarienummer() {
    return diarienummer;
  }
}
