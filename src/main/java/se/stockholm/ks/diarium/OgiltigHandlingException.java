package se.stockholm.ks.diarium;

/**
 * A handling that cannot be registered: an empty or oversized file, a type that is not allowed, a
 * text too long. The message is in Swedish and tells the user what to do.
 */
public class OgiltigHandlingException extends RuntimeException {

  private final String falt;

  /**
   * @param falt the field at fault (e.g. {@code fil}, {@code text}), for forms and problem details
   * @param message what is wrong and what to do, in Swedish
   */
  public OgiltigHandlingException(String falt, String message) {
    super(message);
    this.falt = falt;
  }

  /** @return the field at fault */
  public String falt() {
    return falt;
  }
}
