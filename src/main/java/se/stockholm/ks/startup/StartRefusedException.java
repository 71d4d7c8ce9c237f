package se.stockholm.ks.startup;

/**
 * The application refuses to start: a setting the city's IT must give is missing or unsafe. The
 * message says, in Swedish, what is wrong; {@link #atgard()} says what to do. Printed alone by
 * {@link StartRefusalFailureAnalyzer}.
 */
public class StartRefusedException extends RuntimeException {

  private final String atgard;

  /**
   * @param meddelande what is wrong, in Swedish
   * @param atgard what to do about it, in Swedish
   */
  public StartRefusedException(String meddelande, String atgard) {
    super(meddelande, null, false, false);
    this.atgard = atgard;
  }

  /** @return what to do, in Swedish */
  public String atgard() {
    return atgard;
  }
}
