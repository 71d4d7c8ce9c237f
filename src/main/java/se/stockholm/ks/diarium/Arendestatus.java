package se.stockholm.ks.diarium;

/** The status of an ärende in the diarium. */
public enum Arendestatus {
  /**
   * The diarienummer is taken and the registration is running in another transaction, until that
   * transaction ends (or, if its node stopped, until {@link Nummerserie#makuleraOvergivna}, a
   * minute later). The diarium's reads treat such a number as not (yet) registered, except {@link
   * Diarium#nummer}, with which the API shows it at once.
   */
  REGISTRERAS("under registrering"),
  /** Registered and under preparation. */
  PAGAENDE("pågående"),
  /** Kommunstyrelsen has decided; the protokoll and the period for laglighetsprövning run. */
  BESLUTAT("beslutat"),
  /** Closed after the decision gained laga kraft. */
  AVSLUTAT("avslutat"),
  /** Withdrawn (återkallad) by the sender before the decision. */
  ATERKALLAT("återkallat"),
  /**
   * The number was taken but the registration failed (or its node died) before it was complete: the
   * number is void and never handed out again; an event says why.
   */
  MAKULERAT("makulerat");

  private final String text;

  Arendestatus(String text) {
    this.text = text;
  }

  /** @return the Swedish word shown to people */
  public String text() {
    return text;
  }
}
