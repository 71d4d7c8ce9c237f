package se.stockholm.ks.diarium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Finds active content in a PDF: JavaScript (document, page, form field and link actions, the
 * document's JavaScript name tree), launch actions (starting a program or opening a file), embedded
 * files (attachments, file attachment annotations) and RichMedia (Flash with scripts). A handling is
 * kept and opened by officials and the public for decades: such a PDF is refused, not cleaned (a
 * cleaned PDF would no longer be the document that came in).
 *
 * <p>Reads the PDF with Apache PDFBox and walks every object reachable from its trailer (also
 * those in compressed object streams). A file PDFBox cannot read (a damaged PDF) is searched for
 * the same PDF names in its raw bytes instead.
 */
public final class PdfAktivtInnehall {

  private static final COSName JS = COSName.getPDFName("JS");
  private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
  private static final COSName LAUNCH = COSName.getPDFName("Launch");
  private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
  private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
  private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
  private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");
  private static final COSName RICH_MEDIA_EXECUTE = COSName.getPDFName("RichMediaExecute");

  private static final Pattern BYTE_JAVASCRIPT = Pattern.compile("/(JavaScript|JS)(?![A-Za-z0-9])");
  private static final Pattern BYTE_LAUNCH = Pattern.compile("/Launch(?![A-Za-z0-9])");
  private static final Pattern BYTE_INBADDAD_FIL = Pattern.compile("/(EmbeddedFiles?|EF|FileAttachment)(?![A-Za-z0-9])");
  private static final Pattern BYTE_RICH_MEDIA = Pattern.compile("/RichMedia(Execute)?(?![A-Za-z0-9])");

  /** What a finding is called in the message, in Swedish. */
  static final String JAVASCRIPT_TEXT = "JavaScript";
  static final String LAUNCH_TEXT = "kommandon som startar program (Launch)";
  static final String INBADDAD_FIL_TEXT = "bifogade filer";
  static final String RICH_MEDIA_TEXT = "multimedia med skript (RichMedia)";

  private PdfAktivtInnehall() {
  }

  /**
   * @param pdf a PDF's bytes
   * @return what active content it has, in Swedish ({@code JavaScript}, …), sorted; empty when none
   * @throws LosenordsskyddadPdfException when the PDF can only be opened with a password (it cannot be checked)
   */
  public static Set<String> hitta(byte[] pdf) {
    try (PDDocument dokument = Loader.loadPDF(pdf)) {
      return iObjekten(dokument.getDocument().getTrailer());
    } catch (InvalidPasswordException e) {
      throw new LosenordsskyddadPdfException();
    } catch (IOException | RuntimeException e) {
      return iBytena(pdf);
    }
  }

  /** A PDF that only opens with a password. */
  public static final class LosenordsskyddadPdfException extends RuntimeException {
    LosenordsskyddadPdfException() {
      super("lösenordsskyddad PDF", null, false, false);
    }
  }

  private static Set<String> iObjekten(COSDictionary trailer) {
    Set<String> fynd = new TreeSet<>();
    Map<COSBase, Boolean> sedda = new IdentityHashMap<>();
    Deque<COSBase> kvar = new ArrayDeque<>();
    kvar.push(trailer);
    while (!kvar.isEmpty()) {
      COSBase b = kvar.pop();
      if (b instanceof COSObject o) {
        b = o.getObject();
      }
      if (b == null || sedda.put(b, Boolean.TRUE) != null) {
        continue;
      }
      if (b instanceof COSDictionary d) {
        granska(d, fynd);
        for (COSBase v : d.getValues()) {
          kvar.push(v);
        }
      } else if (b instanceof COSArray a) {
        for (int i = 0; i < a.size(); i++) {
          kvar.push(a.get(i));
        }
      }
    }
    return fynd;
  }

  private static void granska(COSDictionary d, Set<String> fynd) {
    COSName s = d.getCOSName(COSName.S);
    COSName typ = d.getCOSName(COSName.TYPE);
    COSName subtyp = d.getCOSName(COSName.SUBTYPE);
    // a JavaScript action, or the document's JavaScript name tree (the key /JavaScript of its /Names)
    if (JAVASCRIPT.equals(s) || d.containsKey(JS) || d.containsKey(JAVASCRIPT)) {
      fynd.add(JAVASCRIPT_TEXT);
    }
    if (LAUNCH.equals(s)) {
      fynd.add(LAUNCH_TEXT);
    }
    if (EMBEDDED_FILE.equals(typ) || d.containsKey(EMBEDDED_FILES) || d.containsKey(COSName.EF)
        || FILE_ATTACHMENT.equals(subtyp)) {
      fynd.add(INBADDAD_FIL_TEXT);
    }
    if (RICH_MEDIA.equals(subtyp) || RICH_MEDIA_EXECUTE.equals(s)) {
      fynd.add(RICH_MEDIA_TEXT);
    }
  }

  /** The same names in the raw bytes, for a PDF PDFBox cannot read. */
  private static Set<String> iBytena(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Set<String> fynd = new TreeSet<>();
    if (BYTE_JAVASCRIPT.matcher(text).find()) {
      fynd.add(JAVASCRIPT_TEXT);
    }
    if (BYTE_LAUNCH.matcher(text).find()) {
      fynd.add(LAUNCH_TEXT);
    }
    if (BYTE_INBADDAD_FIL.matcher(text).find()) {
      fynd.add(INBADDAD_FIL_TEXT);
    }
    if (BYTE_RICH_MEDIA.matcher(text).find()) {
      fynd.add(RICH_MEDIA_TEXT);
    }
    return fynd;
  }
}
