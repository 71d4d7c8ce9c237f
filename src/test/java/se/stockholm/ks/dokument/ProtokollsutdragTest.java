package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The protokollsutdrag of the real case's KS decision. */
class ProtokollsutdragTest {

  private static final DokumentRenderer RENDERER = DokumentRenderer.medInbyggdaMallar();
  private static final String SIDHUVUD = "Protokollsutdrag, kommunstyrelsen 18 mars 2026 § 12 (Dnr KS 2025/1513)";

  private static Protokollsutdrag utdrag;
  private static byte[] pdf;

  @BeforeAll
  static void rendera() throws Exception {
    utdrag = Protokollsutdrag.fran(ArendeFixtur.ks20251513().bygg(), "Stockholm");
    pdf = RENDERER.protokollsutdragPdf(utdrag);
    Files.createDirectories(ArendedokumentPdfTest.UT);
    Files.write(ArendedokumentPdfTest.UT.resolve(DokumentRenderer.filnamn(utdrag, Dokumentformat.PDF)), pdf);
    Files.writeString(ArendedokumentPdfTest.UT.resolve(DokumentRenderer.filnamn(utdrag, Dokumentformat.HTML)),
        RENDERER.protokollsutdragHtml(utdrag));
  }

  @Test
  void hasTheMeetingTheParagraphTheArendeTheDecisionTheStatementAndTheDates() throws Exception {
    assertThat(PdfInnehall.text(pdf)).startsWith(SIDHUVUD);
    Ordning.raderIOrdning(PdfInnehall.rader(pdf, SIDHUVUD), List.of(
        "Protokollsutdrag",
        "Kommunstyrelsen",
        "Sammanträde i Stockholm den 18 mars 2026",
        "§ 12",
        "Dnr KS 2025/1513",
        "Beslut",
        ArendeFixtur.BESLUT,
        "Justerat den 25 mars 2026",
        "Anslaget den 26 mars 2026"));
    Ordning.iOrdning(PdfInnehall.brodtext(pdf, SIDHUVUD), List.of(
        "§ 12",
        ArendeFixtur.RUBRIK,
        "Dnr KS 2025/1513",
        "Beslut",
        ArendeFixtur.BESLUT,
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
            + "borgarrådsberedningen.",
        "Justerat den 25 mars 2026"));
    assertThat(PdfInnehall.text(pdf)).doesNotContain("Reservation", "reserverade");
  }

  @Test
  void isOneA4PageWithTitleAndTaggedHeadings() throws Exception {
    try (PDDocument dokument = Loader.loadPDF(pdf)) {
      assertThat(dokument.getNumberOfPages()).isEqualTo(1);
      assertThat(dokument.getDocumentInformation().getTitle())
          .isEqualTo(SIDHUVUD + " – " + ArendeFixtur.RUBRIK);
      BufferedImage bild = new PDFRenderer(dokument).renderImageWithDPI(0, 110);
      ImageIO.write(bild, "png",
          ArendedokumentPdfTest.UT.resolve("Protokollsutdrag KS 2025-1513 § 12 sida 1.png").toFile());
    }
    assertThat(PdfInnehall.strukturtyper(pdf)).containsSubsequence("H1", "H2", "H3", "H3");
  }
}
