package se.stockholm.ks.earkiv;

/** A package could not be built or failed validation; it is never delivered. */
public class ArkivpaketException extends RuntimeException {

  /**
   * @param message what went wrong, in Swedish
   */
  public ArkivpaketException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, in Swedish
   * @param cause the cause
   */
  public ArkivpaketException(String message, Throwable cause) {
    super(message, cause);
  }
}
