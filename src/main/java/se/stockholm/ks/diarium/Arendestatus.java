package se.stockholm.ks.diarium;

/** The status of an ärende in the diarium. */
public enum Arendestatus {
  /** Registered and under preparation. */
  PAGAENDE("pågående"),
  /** Kommunstyrelsen has decided; the protokoll and the period for laglighetsprövning run. */
  BESLUTAT("beslutat"),
  /** Closed after the decision gained laga kraft. */
  AVSLUTAT("avslutat"),
  /** Withdrawn (återkallad) by the sender before the decision. */
  ATERKALLAT("återkallat");

  private final String text;

  Arendestatus(String text) {
    this.text = text;
  }

  /** @return the Swedish word shown to people */
  public String text() {
    return text;
  }
}
