package se.stockholm.ks.meddelanden;

/** The kinds of message the process sends, with the Swedish name shown to people. */
public enum Meddelandetyp {
  /** The remiss to a remissinstans' functional mailbox. */
  REMISS("Remiss"),
  /** The reminder to a remissinstans before svarsdatum. */
  PAMINNELSE("Påminnelse om svarsdatum"),
  /** The notice to KS kansli that svarsdatum has passed without a tjänsteutlåtande. */
  SVARSDATUM_PASSERAT("Svarsdatum passerat"),
  /** The extension of svarsdatum to the remissinstans. */
  FORLANGNING("Förlängt svarsdatum"),
  /** The request for a särskilt uttalande to a party office, with its deadline. */
  SARSKILT_UTTALANDE("Begäran om särskilt uttalande"),
  /** The decision notice (protokollsutdrag) to the sender of the skrivelse after justering. */
  BESLUT("Beslutsmeddelande");

  private final String text;

  Meddelandetyp(String text) {
    this.text = text;
  }

  /** @return the Swedish name */
  public String text() {
    return text;
  }
}
