package se.stockholm.ks.dokument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a test reads out of a generated PDF with Apache PDFBox. */
final class PdfInnehall {

  private static final Pattern BLANKSTEG = Pattern.compile("\\s+");

  private PdfInnehall() {
  }

  /**
   * @param pdf a PDF
   * @return its text as PDFBox extracts it, in reading order
   */
  static String text(byte[] pdf) throws IOException {
    try (PDDocument dokument = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(dokument);
    }
  }

  /**
   * @param pdf a PDF
   * @param sidhuvud the running header's text, removed from every page
   * @return the body text, white space collapsed to single spaces, without the running header and
   *     the page numbers
   */
  static String brodtext(byte[] pdf, String sidhuvud) throws IOException {
    return ihop(String.join(" ", rader(pdf, sidhuvud)));
  }

  /**
   * @param pdf a PDF
   * @param sidhuvud the running header's text, removed from every page
   * @return the body's lines, trimmed, without the running header, the page numbers and empty lines
   */
  static List<String> rader(byte[] pdf, String sidhuvud) throws IOException {
    List<String> rader = new ArrayList<>();
    for (String rad : text(pdf).split("\\R")) {
      String ren = rad.replace(sidhuvud, "").replaceAll("Sida \\d+ \\(\\d+\\)", "").strip();
      if (!ren.isEmpty()) {
        rader.add(ren);
      }
    }
    return rader;
  }

  /**
   * @param text any text
   * @return the text with white space collapsed to single spaces
   */
  static String ihop(String text) {
    return BLANKSTEG.matcher(text).replaceAll(" ").strip();
  }

  /**
   * @param pdf a PDF
   * @return every font used on its pages and in their form XObjects
   */
  static List<PDFont> typsnitt(byte[] pdf) throws IOException {
    List<PDFont> typsnitt = new ArrayList<>();
    try (PDDocument dokument = Loader.loadPDF(pdf)) {
      for (PDPage sida : dokument.getPages()) {
        samla(sida.getResources(), typsnitt);
      }
    }
    return typsnitt;
  }

  private static void samla(PDResources resurser, List<PDFont> typsnitt) throws IOException {
    if (resurser == null) {
      return;
    }
    for (COSName namn : resurser.getFontNames()) {
      typsnitt.add(resurser.getFont(namn));
    }
    for (COSName namn : resurser.getXObjectNames()) {
      PDXObject objekt = resurser.getXObject(namn);
      if (objekt instanceof PDFormXObject form) {
        samla(form.getResources(), typsnitt);
      }
    }
  }

  /**
   * @param pdf a PDF
   * @return the structure types of its logical structure tree, depth first (e.g. Document, H1, P …)
   */
  static List<String> strukturtyper(byte[] pdf) throws IOException {
    List<String> typer = new ArrayList<>();
    try (PDDocument dokument = Loader.loadPDF(pdf)) {
      var rot = dokument.getDocumentCatalog().getStructureTreeRoot();
      if (rot != null) {
        samlaStruktur(rot, typer);
      }
    }
    return typer;
  }

  private static void samlaStruktur(PDStructureNode nod, List<String> typer) {
    for (Object barn : nod.getKids()) {
      if (barn instanceof PDStructureElement element) {
        typer.add(element.getStructureType());
        samlaStruktur(element, typer);
      }
    }
  }
}
