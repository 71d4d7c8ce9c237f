package se.stockholm.ks.dokument;

/**
 * A särskilt uttalande by a member, in borgarrådsberedningen or in kommunstyrelsen.
 *
 * <p>Printed as "Särskilt uttalande av borgarrådet Jan Jönsson (L) enligt följande." followed by the
 * text; or, when {@code likalydandeMedBrb}, as "Särskilt uttalande av Jan Jönsson (L) som är
 * likalydande med Liberalernas särskilda uttalande i borgarrådsberedningen."
 *
 * @param ledamot who made the statement; required. For a statement on behalf of several members of
 *     a party, put e.g. "Jan Jönsson m.fl." as the name
 * @param text the statement's text, paragraphs separated by a blank line; required unless
 *     {@code likalydandeMedBrb}. For a likalydande statement a text is optional: the protokollsutdrag
 *     prints it under the reference so that the extract stands on its own; the ärende document,
 *     which already holds the borgarrådsberedning statement, does not
 * @param likalydandeMedBrb true when the statement is identical to one made in borgarrådsberedningen
 * @param partiNamn the name of the party whose borgarrådsberedning statement it repeats, e.g.
 *     {@code Liberalerna}; required when {@code likalydandeMedBrb}, ignored otherwise
 */
public record SarskiltUttalande(Person ledamot, String text, boolean likalydandeMedBrb,
                                String partiNamn) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the member is missing, a likalydande statement names no party, or a statement of its own has no text
   */
  public SarskiltUttalande {
    Krav.varde(ledamot, "Särskilt uttalande: ledamot");
    if (likalydandeMedBrb) {
      Krav.text(partiNamn, "Likalydande särskilt uttalande: partinamn");
    } else {
      Krav.text(text, "Särskilt uttalande: text");
    }
  }

  /**
   * A statement with a text of its own.
   *
   * @param ledamot who made it
   * @param text the text
   * @return the statement
   */
  public static SarskiltUttalande medText(Person ledamot, String text) {
    return new SarskiltUttalande(ledamot, text, false, null);
  }

  /**
   * A statement identical to the party's statement in borgarrådsberedningen.
   *
   * @param ledamot who made it
   * @param partiNamn the party's name, e.g. {@code Liberalerna}
   * @return the statement, without a text of its own
   */
  public static SarskiltUttalande likalydande(Person ledamot, String partiNamn) {
    return new SarskiltUttalande(ledamot, null, true, partiNamn);
  }
}
