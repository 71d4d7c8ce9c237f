package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The case's own texts: escaped, split into paragraphs, Swedish letters kept. */
class TexterTest {

  private static final DokumentRenderer RENDERER = DokumentRenderer.medInbyggdaMallar();

  @Test
  void htmlAndScriptInTheCasesTextAreEscapedNeverMarkup() throws Exception {
    String farlig = "<script>alert('x')</script> & <b>fet</b> \"citat\"";
    Arendedokument arende = ArendeFixtur.ks20251513().synpunkter(farlig).bygg();

    String html = RENDERER.arendedokumentHtml(arende);
    assertThat(html).doesNotContain("<script>", "<b>fet</b>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt; &quot;citat&quot;");
    assertThat(PdfInnehall.text(RENDERER.arendedokumentPdf(arende))).contains(farlig);
  }

  @Test
  void blankLinesSeparateParagraphsAndSingleLineBreaksStayInside() {
    Arendedokument arende = ArendeFixtur.ks20251513()
        .synpunkter("Första stycket.\r\n\r\n  \nAndra stycket, rad ett.\nRad två.\n\n\n").bygg();

    String html = RENDERER.arendedokumentHtml(arende);
    assertThat(html).contains("<p class=\"text\">Första stycket.</p>");
    assertThat(html).contains("<p class=\"text\">Andra stycket, rad ett.\nRad två.</p>");
  }

  @Test
  void swedishLettersSurviveInThePdfText() throws Exception {
    String rubrik = "Skrivelse om Åre, Älvsjö och Östermalm – idéer för ett café på Årstaängsvägen";
    Arendedokument arende = new Arendedokument("KS 2026/7", "Rotel I", rubrik,
        new Person("Åsa Ärlig-Öhrn", "MP", null), "Skrivelsen anses besvarad.",
        new Person("Örjan Åström", "S", null),
        "Å Ä Ö å ä ö é É ü – ”citat” § 12", null, null, "Stockholm", ArendeFixtur.PM_DATUM, "Örjan Åström",
        List.of(new Bilaga("Skrivelse från Åsa Ärlig-Öhrn", "KS 2026/7-1")), null, null, null, null,
        List.of(Remissvar.besvarad("Miljöförvaltningen", ArendeFixtur.TU_DATUM, "Förvaltningen tillstyrker.")));

    String text = PdfInnehall.text(RENDERER.arendedokumentPdf(arende));
    String ihop = PdfInnehall.ihop(text);

    assertThat(ihop).contains(rubrik, "Skrivelse från Åsa Ärlig-Öhrn (MP)", "Föredragande borgarrådet Örjan Åström",
        "Å Ä Ö å ä ö é É ü – ”citat” § 12", "Ärendet har remitterats till miljöförvaltningen.",
        "Miljöförvaltningens tjänsteutlåtande daterat den 11 december 2025", "Stockholm den 4 mars 2026");
    assertThat(text).doesNotContain("?", "#", "\uFFFD");
  }

  @Test
  void severalBilagorAreNumberedUnderBilagor() {
    Arendedokument arende = new Arendedokument("KS 2025/1513", "Rotel I", ArendeFixtur.RUBRIK,
        ArendeFixtur.JAN_JONSSON, "Förslaget.", ArendeFixtur.KARIN_WANNGARD, null, null, null, null, null,
        null, List.of(new Bilaga("Skrivelsen", "KS 2025/1513-1"), new Bilaga("Karta", null)),
        null, null, null, null, null);

    String html = RENDERER.arendedokumentHtml(arende);
    assertThat(html).contains("<h2>Bilagor</h2>", "1. Skrivelsen, dnr KS 2025/1513-1", "2. Karta</p>");
  }

  @Test
  void questionsGetAnIntroductionWhenTheBodyDoesNotEndWithOne() {
    Arendedokument arende = new Arendedokument("KS 2025/1513", "Rotel I", ArendeFixtur.RUBRIK,
        ArendeFixtur.JAN_JONSSON, "Förslaget.", ArendeFixtur.KARIN_WANNGARD, null, null, null, null, null,
        null, null, null, null, "Jan Jönsson (L) frågar om konferensen.", List.of("Varför?", "När?"), null);

    String html = RENDERER.arendedokumentHtml(arende);
    assertThat(html).containsSubsequence("<h2>Ärendet</h2>", "Jan Jönsson (L) frågar om konferensen.",
        "I skrivelsen ställs följande frågor:", "<li>Varför?</li>", "<li>När?</li>");
  }
}
