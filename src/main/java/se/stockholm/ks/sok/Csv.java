package se.stockholm.ks.sok;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads åäö as Latin-1),
 * semicolons between fields (Swedish Excel's list separator; the comma is the decimal sign), CRLF
 * line ends, every field in quotes with quotes doubled (RFC 4180). A field that starts with
 * {@code = + - @} or a tab gets a leading apostrophe, so that Excel shows it as text and never runs
 * it as a formula (CSV injection: a rubrik is typed by anyone who writes to the city).
 */
public final class Csv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Csv() {
  }

  /**
   * @param rubriker the header row
   * @param rader the rows, each as long as the header (null fields are empty)
   * @return the file's bytes, starting with the UTF-8 byte order mark
   */
  public static byte[] skriv(List<String> rubriker, List<List<String>> rader) {
    StringBuilder s = new StringBuilder();
    rad(s, rubriker);
    rader.forEach(r -> rad(s, r));
    byte[] text = s.toString().getBytes(StandardCharsets.UTF_8);
    byte[] ut = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, ut, 0, BOM.length);
    System.arraycopy(text, 0, ut, BOM.length, text.length);
    return ut;
  }

  private static void rad(StringBuilder s, List<String> falt) {
    for (int i = 0; i < falt.size(); i++) {
      if (i > 0) {
        s.append(';');
      }
      String f = falt.get(i) == null ? "" : falt.get(i);
      if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0) {
        f = "'" + f;
      }
      s.append('"').append(f.replace("\"", "\"\"")).append('"');
    }
    s.append("\r\n");
  }
}
