package se.stockholm.ks.earkiv;

/** The ärende is neither avslutat nor återkallat, so it does not go to the e-arkiv yet (409 in the API). */
public class EjArkiverbartException extends ArkivpaketException {

  /**
   * @param message why, in Swedish
   */
  public EjArkiverbartException(String message) {
    super(message);
  }
}
