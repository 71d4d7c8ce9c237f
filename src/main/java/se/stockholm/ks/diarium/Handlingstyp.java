package se.stockholm.ks.diarium;

/** The kinds of handling (allmän handling) an ärende holds. */
public enum Handlingstyp {
  SKRIVELSE("Skrivelse"),
  REMISS("Remiss"),
  /** The notice to a remissinstans that its svarsdatum is extended (expedierad). */
  FORLANGNING("Förlängt svarsdatum"),
  TJANSTUTLATANDE("Tjänsteutlåtande"),
  PROMEMORIA("Promemoria"),
  SARSKILT_UTTALANDE("Särskilt uttalande"),
  RESERVATION("Reservation"),
  ARENDEDOKUMENT("Ärendedokument"),
  PROTOKOLLSUTDRAG("Protokollsutdrag"),
  ATERKALLELSE("Återkallelse"),
  OVRIG("Övrig handling");

  private final String text;

  Handlingstyp(String text) {
    this.text = text;
  }

  /** @return the Swedish name shown to people */
  public String text() {
    return text;
  }
}
