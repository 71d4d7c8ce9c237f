package se.stockholm.ks.sammantrade;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The organs whose meetings the application keeps: borgarrådsberedningen and kommunstyrelsen.
 * The code ({@code BRB}, {@code KS}) is the one in the database and in the diarium's beslut.
 */
public enum Organ {
  /** Borgarrådsberedningen: prepares kommunstyrelsen's ärenden; no protokoll with paragraphs. */
  BRB("borgarradsberedningen", "borgarrådsberedningen", "borgarrådsberedningens"),
  /** Kommunstyrelsen: decides; its protokoll numbers each ärende with a paragraph. */
  KS("kommunstyrelsen", "kommunstyrelsen", "kommunstyrelsens");

  private final String url;
  private final String namn;
  private final String genitiv;

  Organ(String url, String namn, String genitiv) {
    this.url = url;
    this.namn = namn;
    this.genitiv = genitiv;
  }

  /** @return the name in addresses, {@code kommunstyrelsen} */
  public String url() {
    return url;
  }

  /** @return the Swedish name in running text, {@code kommunstyrelsen} */
  public String namn() {
    return namn;
  }

  /** @return the Swedish genitive, {@code kommunstyrelsens} */
  public String genitiv() {
    return genitiv;
  }

  /**
   * @param text a code ({@code KS}, {@code brb}) or an address name ({@code kommunstyrelsen}), any case
   * @return the organ, or empty when unknown
   */
  public static Optional<Organ> tolka(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(o -> o.name().toLowerCase(Locale.ROOT).equals(t) || o.url.equals(t))
        .findFirst();
  }
}
