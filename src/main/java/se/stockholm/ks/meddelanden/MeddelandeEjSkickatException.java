package se.stockholm.ks.meddelanden;

/**
 * A message could not be sent now; its Swedish text is what Cockpit shows as the job's failure and,
 * once the retries are spent, as the incident's message. Nothing in the ärende is rolled back by it
 * beyond the step that sends.
 */
public class MeddelandeEjSkickatException extends RuntimeException {

  /**
   * @param message the Swedish explanation, naming the recipient and what to do
   * @param cause the cause, or null
   */
  public MeddelandeEjSkickatException(String message, Throwable cause) {
    super(message, cause);
  }
}
