package se.stockholm.ks.diarium;

/** Whether a handling came in, was drawn up by the city, or was sent out. */
public enum HandlingStatus {
  /** Received from outside (a skrivelse, a tjänsteutlåtande from a remissinstans). */
  INKOMMEN("inkommen"),
  /** Drawn up by kommunstyrelsen (a promemoria, a protokollsutdrag). */
  UPPRATTAD("upprättad"),
  /** Sent out (a remiss). */
  EXPEDIERAD("expedierad");

  private final String text;

  HandlingStatus(String text) {
    this.text = text;
  }

  /** @return the Swedish word shown to people */
  public String text() {
    return text;
  }
}
