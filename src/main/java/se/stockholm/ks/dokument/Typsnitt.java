package se.stockholm.ks.dokument;

import java.io.IOException;
import java.util.Arrays;

import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A TrueType font to embed, described by what its own tables say: the family the stylesheet names
 * ({@code font-family: "Liberation Serif"}), its weight and whether it is italic.
 *
 * @param kalla where it was read from, for messages
 * @param familj the font family, e.g. {@code Liberation Serif}
 * @param vikt the weight class, e.g. 400 for regular and 700 for bold
 * @param kursiv true for an italic face
 * @param data the font file
 */
record Typsnitt(String kalla, String familj, int vikt, boolean kursiv, byte[] data) {

  /**
   * Reads the family, weight and style from a TrueType font file.
   *
   * @param kalla where the file was read from, for messages
   * @param data the file's bytes
   * @return the font
   * @throws DokumentException when the file is not a TrueType font or names no family
   */
  static Typsnitt las(String kalla, byte[] data) {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data))) {
      NamingTable namn = ttf.getNaming();
      String familj = namn == null ? null : namn.getFontFamily();
      if (familj == null || familj.isBlank()) {
        throw new DokumentException("Typsnittet " + kalla + " saknar familjenamn");
      }
      OS2WindowsMetricsTable os2 = ttf.getOS2Windows();
      int vikt = os2 == null ? 400 : os2.getWeightClass();
      boolean kursiv = os2 != null
          ? (os2.getFsSelection() & 0x01) != 0
          : (ttf.getHeader().getMacStyle() & 0x02) != 0;
      return new Typsnitt(kalla, familj.strip(), vikt, kursiv, data);
    } catch (IOException e) {
      throw new DokumentException("Typsnittet " + kalla + " kan inte läsas", e);
    }
  }

  /** @return the key under which a later font of the same face replaces an earlier one */
  String nyckel() {
    return familj + "/" + vikt + "/" + kursiv;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Typsnitt t && kalla.equals(t.kalla) && nyckel().equals(t.nyckel())
        && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return kalla.hashCode() * 31 + nyckel().hashCode();
  }

  @Override
  public String toString() {
    return "Typsnitt[" + kalla + ": " + nyckel() + "]";
  }
}
