package se.stockholm.ks.dokument;

/** A document could not be generated: a template, the stylesheet, a font or the PDF writer failed. */
public class DokumentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param meddelande what failed
   * @param orsak the underlying error
   */
  public DokumentException(String meddelande, Throwable orsak) {
    super(meddelande, orsak);
  }

  /**
   * @param meddelande what failed
   */
  public DokumentException(String meddelande) {
    super(meddelande);
  }
}
