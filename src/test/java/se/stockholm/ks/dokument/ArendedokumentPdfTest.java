package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static se.stockholm.ks.dokument.ArendeFixtur.RUBRIK;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The real case KS 2025/1513 (the seed) as PDF/A: structure, facts, fonts, metadata, validity. */
class ArendedokumentPdfTest {

  static final Path UT = Path.of("target", "dokument");
  private static final String SIDHUVUD = "PM Rotel I (Dnr KS 2025/1513)";
  private static final DokumentRenderer RENDERER = DokumentRenderer.medInbyggdaMallar();

  private static Arendedokument arende;
  private static String html;
  private static byte[] pdf;

  @BeforeAll
  static void rendera() throws Exception {
    arende = ArendeFixtur.ks20251513().bygg();
    html = RENDERER.arendedokumentHtml(arende);
    pdf = RENDERER.arendedokumentPdf(arende);
    Files.createDirectories(UT);
    Files.write(UT.resolve(DokumentRenderer.filnamn(arende, Dokumentformat.PDF)), pdf);
    Files.writeString(UT.resolve(DokumentRenderer.filnamn(arende, Dokumentformat.HTML)), html);
  }

  @Test
  void pdfHasEverySectionOfTheSeedInTheSeedsOrderWithTheCasesData() throws Exception {
    assertThat(PdfInnehall.text(pdf)).startsWith(SIDHUVUD);

    Ordning.raderIOrdning(PdfInnehall.rader(pdf, SIDHUVUD), List.of(
        "Skrivelse från Jan Jönsson (L)",
        "Förslag till beslut",
        "Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
        "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria",
        "Föredragande borgarrådet Karin Wanngård",
        "Sammanfattning av ärendet",
        "Beredning",
        "Ärendet har remitterats till stadsledningskontoret.",
        "Föredragande borgarrådets synpunkter",
        "Stockholm den 4 mars 2026",
        "Karin Wanngård",
        "Bilaga",
        "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.",
        "Särskilt uttalande av borgarrådet Jan Jönsson (L) enligt följande.",
        "Kommunstyrelsen",
        "Ärendet",
        "Remissammanställning",
        "Ärendet har remitterats till stadsledningskontoret.",
        "Stadsledningskontoret"));

    Ordning.iOrdning(PdfInnehall.brodtext(pdf, SIDHUVUD), List.of(
        RUBRIK,
        "Skrivelse från Jan Jönsson (L)",
        "Förslag till beslut",
        "Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
        "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria",
        "Föredragande borgarrådet Karin Wanngård",
        "Sammanfattning av ärendet",
        "Jan Jönsson (L) har i en skrivelse till kommunstyrelsen ställt frågan om varför finansborgarrådet",
        "Beredning",
        "Ärendet har remitterats till stadsledningskontoret.",
        "Stadsledningskontoret hänvisar till den internationella beredningen i sitt svar",
        "Föredragande borgarrådets synpunkter",
        "Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället.",
        "Stadens arbete vilar på flera ben.",
        "som rör antisemitism och andra hatbrott.",
        "Stockholm den 4 mars 2026",
        "Karin Wanngård",
        "Bilaga",
        RUBRIK + ", dnr KS 2025/1513-1",
        "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.",
        "Särskilt uttalande av borgarrådet Jan Jönsson (L) enligt följande.",
        "Vi noterar majoritetens svar, men vill samtidigt påminna om att Malmö",
        "Etableringen av Sveriges museum om Förintelsen är välkommen – inte minst",
        "stå upp mot hatet – lokalt såväl som internationellt.",
        "Kommunstyrelsen",
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
            + "borgarrådsberedningen.",
        "Ärendet",
        "Oppositionsborgarrådet Jan Jönsson (L) efterfrågar svar på varför finansborgarrådet",
        "I skrivelsen ställs följande frågor:",
        "Hur ser majoriteten att samarbetet med andra organisationer kompletterar",
        "Varför är det inte viktigt för majoriteten att delta på politisk nivå?",
        "Var det avgörande att finansborgarrådet skulle erbjudas en aktiv roll",
        "Övervägde staden att skicka någon annan representant",
        "Remissammanställning",
        "Ärendet har remitterats till stadsledningskontoret.",
        "Stadsledningskontoret",
        "Stadsledningskontorets tjänsteutlåtande daterat den 11 december 2025 har i huvudsak följande lydelse.",
        "Internationell strategi för Stockholms stad (KS 2021/154) slår fast",
        "Två nätverk som staden är aktiv medlem av."));
  }

  @Test
  void theQuestionAskedIsNotAnnouncedTwiceWhenTheBodyAlreadyIntroducesThem() throws Exception {
    assertThat(Collections.frequency(PdfInnehall.rader(pdf, SIDHUVUD), "I skrivelsen ställs följande frågor:"))
        .isZero(); // it ends a line of the body's own paragraph
    assertThat(PdfInnehall.brodtext(pdf, SIDHUVUD).split("I skrivelsen ställs följande frågor:", -1)).hasSize(2);
  }

  @Test
  void pdfIsValidPdfA2aAndPdfUa1ForVeraPdf() throws Exception {
    assertThat(PdfAValidering.fel(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
    assertThat(PdfAValidering.fel(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
  }

  @Test
  void everyFontIsEmbedded() throws Exception {
    List<PDFont> typsnitt = PdfInnehall.typsnitt(pdf);

    assertThat(typsnitt).isNotEmpty();
    assertThat(typsnitt).allSatisfy(f -> {
      assertThat(f.isEmbedded()).as("%s inbäddat", f.getName()).isTrue();
      assertThat(f.getName()).contains("Liberation");
    });
    assertThat(typsnitt).extracting(PDFont::getName)
        .anyMatch(n -> n.endsWith("+LiberationSerif"))
        .anyMatch(n -> n.endsWith("+LiberationSans-Bold"));
  }

  @Test
  void metadataDeclaresPdfA2aTitleAuthorAndSwedish() throws Exception {
    try (PDDocument dokument = Loader.loadPDF(pdf)) {
      PDDocumentCatalog katalog = dokument.getDocumentCatalog();
      DomXmpParser parser = new DomXmpParser();
      parser.setStrictParsing(false); // pdfuaid is declared by the packet's own extension schema
      XMPMetadata xmp = parser.parse(katalog.getMetadata().toByteArray());
      PDFAIdentificationSchema pdfaid = xmp.getPDFAIdentificationSchema();

      assertThat(pdfaid.getPart()).isEqualTo(2);
      assertThat(pdfaid.getConformance()).isEqualTo("A");
      String titel = "PM Rotel I (Dnr KS 2025/1513) – " + RUBRIK;
      assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(titel);
      assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly("Stockholms stad, kommunstyrelsen");
      assertThat(xmp.getDublinCoreSchema().getLanguages()).containsExactly("sv-SE");
      assertThat(xmp.getDublinCoreSchema().getIdentifier()).isEqualTo("KS 2025/1513");
      assertThat(xmp.getXMPBasicSchema().getCreatorTool()).isEqualTo(dokument.getDocumentInformation().getCreator());
      assertThat(dokument.getDocumentInformation().getTitle()).isEqualTo(titel);
      assertThat(dokument.getDocumentInformation().getAuthor()).isEqualTo("Stockholms stad, kommunstyrelsen");
      assertThat(katalog.getLanguage()).isEqualTo("sv-SE");
      assertThat(katalog.getMarkInfo().isMarked()).isTrue();
      assertThat(katalog.getOutputIntents()).extracting(PDOutputIntent::getOutputConditionIdentifier)
          .containsExactly("sRGB IEC61966-2.1");
      assertThat(katalog.getOutputIntents().get(0).getDestOutputIntent().getLength()).isPositive();
    }
  }

  @Test
  void headingsAreTaggedAsTheHtmlHeadings() throws Exception {
    List<String> typer = PdfInnehall.strukturtyper(pdf);

    assertThat(Collections.frequency(typer, "H1")).isEqualTo(1);
    assertThat(Collections.frequency(typer, "H2")).isEqualTo(antal(html, "<h2")).isEqualTo(9);
    assertThat(Collections.frequency(typer, "H3")).isEqualTo(antal(html, "<h3")).isEqualTo(3);
    assertThat(typer).contains("L", "LI");
  }

  @Test
  void pagesAreA4AndRenderToImagesForInspection() throws Exception {
    try (PDDocument dokument = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(dokument);
      assertThat(dokument.getNumberOfPages()).isBetween(3, 5);
      for (int i = 0; i < dokument.getNumberOfPages(); i++) {
        assertThat(dokument.getPage(i).getMediaBox().getWidth()).isCloseTo(595.3f, offset(1f));
        assertThat(dokument.getPage(i).getMediaBox().getHeight()).isCloseTo(841.9f, offset(1f));
        BufferedImage bild = renderer.renderImageWithDPI(i, 110);
        ImageIO.write(bild, "png", UT.resolve("PM Rotel I KS 2025-1513 sida " + (i + 1) + ".png").toFile());
        assertThat(andelMorkt(bild)).as("sidan %d har text", i + 1).isGreaterThan(0.01);
      }
      String sida1 = PdfInnehall.text(pdf).lines().findFirst().orElseThrow();
      assertThat(sida1).contains("Sida 1 (" + dokument.getNumberOfPages() + ")");
    }
  }

  @Test
  void htmlIsOneSelfContainedSwedishPage() {
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"sv-SE\" xml:lang=\"sv-SE\">");
    assertThat(html).contains("<style>").contains("@page").doesNotContain("<link").doesNotContain("<!--");
    assertThat(html).doesNotContainPattern("\\sth:[a-z]+=").doesNotContain("xmlns:th");
    assertThat(html).contains("<h1>" + RUBRIK + "</h1>");
    assertThat(html.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
  }

  private static int antal(String text, String del) {
    Matcher m = Pattern.compile(Pattern.quote(del)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static double andelMorkt(BufferedImage bild) {
    long morka = 0;
    for (int y = 0; y < bild.getHeight(); y += 2) {
      for (int x = 0; x < bild.getWidth(); x += 2) {
        int rgb = bild.getRGB(x, y);
        int ljus = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        if (ljus < 128) {
          morka++;
        }
      }
    }
    return morka / ((bild.getWidth() / 2.0) * (bild.getHeight() / 2.0));
  }
}
