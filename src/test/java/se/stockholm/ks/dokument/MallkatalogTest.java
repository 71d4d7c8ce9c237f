package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The kansli's own folder overrides templates and stylesheet; the rest comes from the built-in ones. */
class MallkatalogTest {

  @TempDir
  Path katalog;

  @Test
  void aTemplateInTheFolderReplacesTheBuiltInOneAndStillUsesTheBuiltInParts() throws Exception {
    // the paragraph is a part (delar.html) that the protokollsutdrag and the meeting's protokoll share
    String inbyggd = inbyggd("delar.html");
    Files.writeString(katalog.resolve("delar.html"),
        inbyggd.replace("<h3>Beslut</h3>", "<h3>Kommunstyrelsens beslut</h3>"));
    DokumentRenderer renderer = new DokumentRenderer(katalog.toString());
    Protokollsutdrag utdrag = Protokollsutdrag.fran(ArendeFixtur.ks20251513().bygg(), "Stockholm");

    String html = renderer.protokollsutdragHtml(utdrag);
    assertThat(html).contains("<h3>Kommunstyrelsens beslut</h3>").doesNotContain("<h3>Beslut</h3>");
    assertThat(html).contains("som är likalydande med Liberalernas särskilda uttalande"); // from delar.html
    assertThat(PdfInnehall.text(renderer.protokollsutdragPdf(utdrag))).contains("Kommunstyrelsens beslut");
    assertThat(renderer.arendedokumentHtml(ArendeFixtur.ks20251513().bygg())).contains("<h2>Ärendet</h2>");
    assertThat(PdfInnehall.text(renderer.protokollPdf(new Protokoll("kommunstyrelsen", utdrag.sammantradesdatum(),
        "Stockholm", null, null, null, java.util.List.of(new Protokoll.Protokollsparagraf(utdrag.paragraf(),
            utdrag.diarienummer(), utdrag.rubrik(), null, utdrag))))))
        .contains("Kommunstyrelsens beslut");
  }

  @Test
  void aStylesheetInTheFolderReplacesTheBuiltInOne() throws Exception {
    Files.writeString(katalog.resolve("dokument.css"), "body { font-family: \"Liberation Sans\"; } h1 > b { color: #000; }");
    DokumentRenderer renderer = new DokumentRenderer(katalog.toString());
    Arendedokument arende = ArendeFixtur.minsta();

    assertThat(renderer.arendedokumentHtml(arende)).contains("\"Liberation Sans\"; } h1 > b").doesNotContain("@page");
    assertThat(PdfInnehall.typsnitt(renderer.arendedokumentPdf(arende)))
        .allSatisfy(f -> assertThat(f.getName()).contains("LiberationSans"));
  }

  @Test
  void blankMeansTheBuiltInTemplatesAndAMissingFolderIsAnError() {
    assertThat(new DokumentRenderer(" ").arendedokumentHtml(ArendeFixtur.minsta())).contains("@page");
    assertThatThrownBy(() -> new DokumentRenderer(katalog.resolve("finns-inte").toString()))
        .isInstanceOf(DokumentException.class).hasMessageContaining("finns-inte");
  }

  @Test
  void aBrokenTemplateIsReportedWithItsName() throws Exception {
    Files.writeString(katalog.resolve("arendedokument.html"), "<html><body><p th:text=\"${arende.finnsInte}\">x</p></body></html>");
    DokumentRenderer renderer = new DokumentRenderer(katalog.toString());

    assertThatThrownBy(() -> renderer.arendedokumentHtml(ArendeFixtur.minsta()))
        .isInstanceOf(DokumentException.class).hasMessageContaining("arendedokument");
  }

  @Test
  void anImageBesideTheTemplatesIsUsedAndNothingIsFetchedOverTheNetwork() throws Exception {
    BufferedImage logotyp = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    logotyp.getGraphics().fillRect(0, 0, 40, 20);
    ImageIO.write(logotyp, "png", katalog.resolve("logotyp.png").toFile());
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      String inbyggd = inbyggd("protokollsutdrag.html");
      Files.writeString(katalog.resolve("protokollsutdrag.html"), inbyggd.replace("<body>",
          "<body><img src=\"logotyp.png\" alt=\"Stockholms stad\"/>"
              + "<img src=\"http://127.0.0.1:" + server.getLocalPort() + "/extern.png\" alt=\"extern\"/>"));
      DokumentRenderer renderer = new DokumentRenderer(katalog.toString());

      byte[] pdf = renderer.protokollsutdragPdf(Protokollsutdrag.fran(ArendeFixtur.ks20251513().bygg(), null));

      server.setSoTimeout(300);
      assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
      try (PDDocument dokument = Loader.loadPDF(pdf)) {
        PDResources resurser = dokument.getPage(0).getResources();
        assertThat(resurser.getXObjectNames()).extracting(resurser::getXObject)
            .filteredOn(PDImageXObject.class::isInstance).hasSize(1);
      }
      assertThat(PdfAValidering.fel(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
    }
  }

  private static String inbyggd(String mall) throws Exception {
    try (InputStream in = MallkatalogTest.class.getClassLoader().getResourceAsStream("dokumentmallar/" + mall)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
