package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kansli's own folder overrides templates and stylesheet; the rest comes from the built-in ones. */
class MallkatalogTest {

  @TempDir
  Path katalog;

  @Test
  void aTemplateInTheFolderReplacesTheBuiltInOneAndStillUsesTheBuiltInParts() throws Exception {
    String inbyggd;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("dokumentmallar/protokollsutdrag.html")) {
      inbyggd = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Files.writeString(katalog.resolve("protokollsutdrag.html"),
        inbyggd.replace("<h3>Beslut</h3>", "<h3>Kommunstyrelsens beslut</h3>"));
    DokumentRenderer renderer = new DokumentRenderer(katalog.toString());
    Protokollsutdrag utdrag = Protokollsutdrag.fran(ArendeFixtur.ks20251513().bygg(), "Stockholm");

    String html = renderer.protokollsutdragHtml(utdrag);
    assertThat(html).contains("<h3>Kommunstyrelsens beslut</h3>").doesNotContain("<h3>Beslut</h3>");
    assertThat(html).contains("som är likalydande med Liberalernas särskilda uttalande"); // from delar.html
    assertThat(PdfInnehall.text(renderer.protokollsutdragPdf(utdrag))).contains("Kommunstyrelsens beslut");
    assertThat(renderer.arendedokumentHtml(ArendeFixtur.ks20251513().bygg())).contains("<h2>Ärendet</h2>");
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
}
