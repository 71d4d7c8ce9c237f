package se.stockholm.ks.dokument;

/** The formats a document is generated in, with what the diarium records about each. */
public enum Dokumentformat {
  /** Archivable PDF/A-2a. */
  PDF("pdf", "application/pdf"),
  /** A self-contained HTML page (styles inline), UTF-8. */
  HTML("html", "text/html");

  private final String filandelse;
  private final String mediatyp;

  Dokumentformat(String filandelse, String mediatyp) {
    this.filandelse = filandelse;
    this.mediatyp = mediatyp;
  }

  /** @return the file name extension without the dot, e.g. {@code pdf} */
  public String filandelse() {
    return filandelse;
  }

  /** @return the media type, e.g. {@code application/pdf} */
  public String mediatyp() {
    return mediatyp;
  }
}
