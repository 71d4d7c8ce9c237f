package se.stockholm.ks.diarium;

/**
 * The stored content of a handling.
 *
 * @param handling the handling's register entry
 * @param text the text, or null
 * @param fil the file's bytes, or null
 * @param struktur structured parts as JSON (e.g. a promemoria's sections), or null
 */
public record HandlingInnehall(Handling handling, String text, byte[] fil, String struktur) {

  /** @return the bytes the checksum covers: the file if there is one, else the text in UTF-8 */
  public byte[] bytes() {
    return fil != null ? fil : text == null ? new byte[0]
        : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
