package se.stockholm.ks.sammantrade;

/** Where an ärende on a meeting's föredragningslista stands. */
public enum Punktstatus {
  /** On the list, not yet treated. */
  ANMALT("anmält"),
  /** Taken off the list before it was treated (the skrivelse withdrawn). */
  AVFORT("avfört"),
  /** Bordlagt: moved to the organ's next meeting (a new entry there). */
  BORDLAGT("bordlagt"),
  /** Återremitterat: back to the promemoria or a new remiss. */
  ATERREMITTERAT("återremitterat"),
  /** Borgarrådsberedningen tillstyrkte the proposal. */
  TILLSTYRKT("tillstyrkt"),
  /** Kommunstyrelsen decided. */
  BESLUTAT("beslutat");

  private final String text;

  Punktstatus(String text) {
    this.text = text;
  }

  /** @return the state in Swedish */
  public String text() {
    return text;
  }
}
