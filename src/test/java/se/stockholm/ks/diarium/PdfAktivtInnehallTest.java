package se.stockholm.ks.diarium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * PDFs with active content are refused with a Swedish message that says what was found; ordinary
 * PDFs (also damaged ones, and the application's own generated PDF/A) pass. Real PDFs made with
 * PDFBox, saved with and without compressed object streams.
 */
class PdfAktivtInnehallTest {

  private final Innehallskontroll kontroll = new Innehallskontroll(new DiariumInstallningar("KS", Map.of(),
      DataSize.ofMegabytes(25), 1_000_000, List.of("application/pdf", "text/plain")));

  @Test
  void anOrdinaryPdfIsAccepted() throws IOException {
    assertThat(kontroll.kontrolleraFil(pdf(d -> { }, false), "skrivelse.pdf")).isEqualTo("application/pdf");
    assertThat(kontroll.kontrolleraFil(pdf(d -> { }, true), "skrivelse.pdf")).isEqualTo("application/pdf");
  }

  @Test
  void javaScriptOpenActionIsRefusedAlsoInACompressedObjectStream() throws IOException {
    for (boolean komprimerad : new boolean[] {false, true}) {
      byte[] pdf = pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hej')")),
          komprimerad);
      assertThatThrownBy(() -> kontroll.kontrolleraFil(pdf, "skrivelse.pdf"))
          .isInstanceOf(OgiltigHandlingException.class)
          .hasMessage("Filen 'skrivelse.pdf' är en PDF med aktivt innehåll (JavaScript), som inte tas emot. Skriv ut "
              + "eller exportera den till en ny PDF (helst PDF/A) utan skript och bifogade filer och bifoga den på nytt.")
          .extracting(e -> ((OgiltigHandlingException) e).falt()).isEqualTo("fil");
    }
  }

  @Test
  void javaScriptInTheNameTreeOrAPageActionIsRefused() throws IOException {
    byte[] namntrad = pdf(d -> {
      PDJavascriptNameTreeNode js = new PDJavascriptNameTreeNode();
      js.setNames(Map.of("start", new PDActionJavaScript("this.print()")));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
      names.setJavascript(js);
      d.getDocumentCatalog().setNames(names);
    }, true);
    assertThat(PdfAktivtInnehall.hitta(namntrad)).containsExactly("JavaScript");

    byte[] sida = pdf(d -> {
      PDPageAdditionalActions aa = new PDPageAdditionalActions();
      aa.setO(new PDActionJavaScript("app.launchURL('https://example.org')"));
      d.getPage(0).setActions(aa);
    }, false);
    assertThat(PdfAktivtInnehall.hitta(sida)).containsExactly("JavaScript");
  }

  @Test
  void aLaunchActionInALinkIsRefused() throws IOException {
    byte[] pdf = pdf(d -> {
      PDAnnotationLink lank = new PDAnnotationLink();
      lank.setRectangle(new PDRectangle(10, 10, 100, 20));
      PDActionLaunch launch = new PDActionLaunch();
      launch.setFile(new PDComplexFileSpecification());
      launch.getCOSObject().setString(COSName.F, "cmd.exe");
      lank.setAction(launch);
      try {
        d.getPage(0).getAnnotations().add(lank);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, true);
    assertThatThrownBy(() -> kontroll.kontrolleraFil(pdf, "x.pdf")).isInstanceOf(OgiltigHandlingException.class)
        .hasMessageContaining("aktivt innehåll (kommandon som startar program (Launch))");
  }

  @Test
  void anEmbeddedFileIsRefused() throws IOException {
    byte[] pdf = pdf(d -> {
      try {
        PDEmbeddedFile fil = new PDEmbeddedFile(d, new java.io.ByteArrayInputStream("MZ program".getBytes()));
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile("program.exe");
        spec.setEmbeddedFile(fil);
        PDEmbeddedFilesNameTreeNode trad = new PDEmbeddedFilesNameTreeNode();
        trad.setNames(Map.of("program.exe", spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
        names.setEmbeddedFiles(trad);
        d.getDocumentCatalog().setNames(names);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, true);
    assertThat(PdfAktivtInnehall.hitta(pdf)).containsExactly("bifogade filer");
  }

  @Test
  void aDamagedPdfIsSearchedInItsBytes() {
    byte[] trasig = "%PDF-1.4\n1 0 obj<< /S /JavaScript /JS (app.alert(1)) >>endobj\ntrailer<<>>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(PdfAktivtInnehall.hitta(trasig)).containsExactly("JavaScript");
    byte[] ren = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(kontroll.kontrolleraFil(ren, "ren.pdf")).isEqualTo("application/pdf");
  }

  @Test
  void aPasswordProtectedPdfIsRefused() throws IOException {
    byte[] pdf;
    try (PDDocument d = new PDDocument()) {
      d.addPage(new PDPage());
      StandardProtectionPolicy skydd = new StandardProtectionPolicy("agare", "hemligt", new AccessPermission());
      skydd.setEncryptionKeyLength(128);
      d.protect(skydd);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.save(out);
      pdf = out.toByteArray();
    }
    assertThatThrownBy(() -> kontroll.kontrolleraFil(pdf, "hemlig.pdf")).isInstanceOf(OgiltigHandlingException.class)
        .hasMessage("Filen 'hemlig.pdf' är en lösenordsskyddad PDF, som inte tas emot. Spara den utan lösenord och "
            + "bifoga den på nytt.");
  }

  /** A one-page PDF with a line of text, changed by {@code andring}, saved compressed or not. */
  private static byte[] pdf(Consumer<PDDocument> andring, boolean komprimerad) throws IOException {
    try (PDDocument d = new PDDocument()) {
      PDPage sida = new PDPage();
      d.addPage(sida);
      try (PDPageContentStream s = new PDPageContentStream(d, sida)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        s.newLineAtOffset(72, 700);
        s.showText("Skrivelse om parkerna");
        s.endText();
      }
      andring.accept(d);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.save(out, komprimerad ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }
}
