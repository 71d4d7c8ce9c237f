package se.stockholm.ks.diarium;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

/**
 * Checks and describes a handling's content: the media type is detected from the bytes with Apache
 * Tika (the client's claim is not trusted), empty and oversized files and types that are not
 * allowed are rejected with a message the user can act on, and so are PDFs with active content
 * ({@link PdfAktivtInnehall}); the SHA-256 is computed.
 */
@Component
public class Innehallskontroll {

  /** The longest file name kept with a handling, in characters (the column {@code handling.filnamn}). */
  public static final int MAX_FILNAMN = 255;

  private final DiariumInstallningar installningar;
  private final Tika tika = new Tika();

  Innehallskontroll(DiariumInstallningar installningar) {
    this.installningar = installningar;
  }

  /**
   * Detects the media type of a file and checks it against the rules.
   *
   * @param bytes the file's content
   * @param filnamn the file's name as given (a hint only), may be null
   * @return the detected media type, e.g. {@code application/pdf}
   * @throws OgiltigHandlingException when the file is empty, too large, of a type not allowed, a PDF with
   *     active content or a password, or its name longer than {@value #MAX_FILNAMN} characters
   */
  public String kontrolleraFil(byte[] bytes, String filnamn) {
    if (filnamn != null && filnamn.length() > MAX_FILNAMN) {
      throw new OgiltigHandlingException("fil", "Filnamnet är " + filnamn.length() + " tecken långt; högst "
          + MAX_FILNAMN + " tecken tas emot. Byt namn på filen och bifoga den på nytt.");
    }
    if (bytes == null || bytes.length == 0) {
      throw new OgiltigHandlingException("fil", "Filen " + namn(filnamn) + "är tom (0 byte). Bifoga filen på nytt.");
    }
    long max = installningar.maxFilstorlek().toBytes();
    if (bytes.length > max) {
      throw new OgiltigHandlingException("fil", "Filen " + namn(filnamn) + "är " + megabyte(bytes.length)
          + " MB; största tillåtna storlek är " + megabyte(max) + " MB. Dela upp eller komprimera filen.");
    }
    String mediatyp = detektera(bytes, filnamn);
    if (!installningar.tillatnaMediatyper().contains(mediatyp)) {
      throw new OgiltigHandlingException("fil", "Filen " + namn(filnamn) + "är av typen " + mediatyp
          + ", som inte tas emot. Tillåtna typer: PDF, Word, OpenDocument, RTF, text, PNG och JPEG.");
    }
    if ("application/pdf".equals(mediatyp)) {
      kontrolleraPdf(bytes, filnamn);
    }
    return mediatyp;
  }

  /**
   * A PDF with active content (JavaScript, launch actions, embedded files, RichMedia) is refused, not
   * cleaned: see {@link PdfAktivtInnehall}. So is a PDF that opens only with a password (it cannot be
   * checked, nor read from the diarium).
   */
  private static void kontrolleraPdf(byte[] bytes, String filnamn) {
    java.util.Set<String> fynd;
    try {
      fynd = PdfAktivtInnehall.hitta(bytes);
    } catch (PdfAktivtInnehall.LosenordsskyddadPdfException e) {
      throw new OgiltigHandlingException("fil", "Filen " + namn(filnamn) + "är en lösenordsskyddad PDF, som inte "
          + "tas emot. Spara den utan lösenord och bifoga den på nytt.");
    }
    if (!fynd.isEmpty()) {
      throw new OgiltigHandlingException("fil", "Filen " + namn(filnamn) + "är en PDF med aktivt innehåll ("
          + String.join(", ", fynd) + "), som inte tas emot. Skriv ut eller exportera den till en ny PDF (helst "
          + "PDF/A) utan skript och bifogade filer och bifoga den på nytt.");
    }
  }

  /**
   * Checks a text's length.
   *
   * @param falt the form field, for the message
   * @param text the text
   * @throws OgiltigHandlingException when the text is longer than allowed
   */
  public void kontrolleraText(String falt, String text) {
    if (text != null && text.length() > installningar.maxTextlangd()) {
      throw new OgiltigHandlingException(falt, "Texten har " + text.length() + " tecken; högst "
          + installningar.maxTextlangd() + " tecken tas emot. Bifoga långa texter som fil.");
    }
  }

  /**
   * @param bytes content
   * @return the SHA-256 of the content, lower-case hex
   */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 saknas i JVM:en", e);
    }
  }

  private String detektera(byte[] bytes, String filnamn) {
    try {
      MediaType type = MediaType.parse(tika.detect(new ByteArrayInputStream(bytes), filnamn));
      String mediatyp = type == null ? "application/octet-stream" : type.getBaseType().toString();
      if (DOCX.equals(mediatyp) && !arWorddokument(bytes)) {
        // Tika's core only sees a ZIP archive and takes the rest from the name: any ZIP named .docx
        return "application/zip";
      }
      return mediatyp;
    } catch (IOException e) {
      throw new IllegalStateException("Kan inte läsa filen", e);
    }
  }

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** @return whether the ZIP archive holds a Word document's parts */
  private static boolean arWorddokument(byte[] bytes) {
    boolean contentTypes = false;
    boolean document = false;
    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        contentTypes |= "[Content_Types].xml".equals(entry.getName());
        document |= "word/document.xml".equals(entry.getName());
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
    return contentTypes && document;
  }

  private static String namn(String filnamn) {
    return filnamn == null || filnamn.isBlank() ? "" : "'" + filnamn + "' ";
  }

  private static String megabyte(long bytes) {
    return String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f", bytes / (1024.0 * 1024.0));
  }
}
