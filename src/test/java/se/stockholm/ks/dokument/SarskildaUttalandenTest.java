package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stockholm.ks.dokument.ArendeFixtur.JAN_JONSSON;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Kommunstyrelsen with two särskilda uttalanden (one likalydande, one with its own text) and two
 * reservationer (one with, one without a motivation), in the ärende document and in the
 * protokollsutdrag.
 */
class SarskildaUttalandenTest {

  private static final DokumentRenderer RENDERER = DokumentRenderer.medInbyggdaMallar();
  private static final Person ASA = new Person("Åsa Öberg", "C", null);
  private static final Person ERIK = new Person("Erik Ängström", "M", "oppositionsborgarrådet");
  private static final Person LARS = new Person("Lars Östlund", "SD", null);
  private static final String ASAS_TEXT = """
      Centerpartiet delar uppfattningen att staden ska prioritera sitt internationella arbete.

      Vi anser dock att beslutet borde ha föregåtts av en dialog med oppositionen.""";
  private static final String ERIKS_TEXT = "Vi föreslog att staden skulle sända en representant till Paris.";
  private static final String BRB_TEXT_I_UTDRAGET = "Liberalernas text, upprepad i protokollet.";

  private static String arendeHtml;
  private static String arendePdf;
  private static String utdragHtml;
  private static String utdragPdf;
  private static byte[] utdragPdfBytes;

  @BeforeAll
  static void rendera() throws Exception {
    KsBehandling ks = new KsBehandling(ArendeFixtur.KS_DATUM, "§ 12", ArendeFixtur.BESLUT,
        List.of(
            new SarskiltUttalande(JAN_JONSSON, BRB_TEXT_I_UTDRAGET, true, "Liberalerna"),
            SarskiltUttalande.medText(ASA, ASAS_TEXT)),
        List.of(new Reservation(ERIK, ERIKS_TEXT), new Reservation(LARS, null)),
        ArendeFixtur.JUSTERAT, ArendeFixtur.ANSLAGET);
    Arendedokument arende = ArendeFixtur.ks20251513().ks(ks).bygg();
    Protokollsutdrag utdrag = Protokollsutdrag.fran(arende, "Stockholm");

    arendeHtml = RENDERER.arendedokumentHtml(arende);
    arendePdf = PdfInnehall.brodtext(RENDERER.arendedokumentPdf(arende), "PM Rotel I (Dnr KS 2025/1513)");
    utdragHtml = RENDERER.protokollsutdragHtml(utdrag);
    utdragPdfBytes = RENDERER.protokollsutdragPdf(utdrag);
    utdragPdf = PdfInnehall.brodtext(utdragPdfBytes,
        "Protokollsutdrag, kommunstyrelsen 18 mars 2026 § 12 (Dnr KS 2025/1513)");
  }

  @Test
  void arendedokumentWritesEachStatementAndReservationUnderKommunstyrelsen() {
    Ordning.iOrdning(arendePdf, List.of(
        "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.",
        "Särskilt uttalande av borgarrådet Jan Jönsson (L) enligt följande.",
        "Kommunstyrelsen",
        "Reservation av oppositionsborgarrådet Erik Ängström (M) enligt följande.",
        ERIKS_TEXT,
        "Lars Östlund (SD) reserverade sig mot beslutet.",
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
            + "borgarrådsberedningen.",
        "Särskilt uttalande av Åsa Öberg (C) enligt följande.",
        "Centerpartiet delar uppfattningen att staden ska prioritera sitt internationella arbete.",
        "Vi anser dock att beslutet borde ha föregåtts av en dialog med oppositionen.",
        "Ärendet"));
  }

  @Test
  void arendedokumentDoesNotRepeatTheTextOfALikalydandeStatement() {
    // The borgarrådsberedning statement is printed above it already.
    assertThat(arendePdf).doesNotContain(BRB_TEXT_I_UTDRAGET);
    assertThat(arendeHtml).doesNotContain(BRB_TEXT_I_UTDRAGET);
  }

  @Test
  void paragraphsOfAStatementStayParagraphs() {
    assertThat(arendeHtml).contains(
        "<p class=\"text\">Centerpartiet delar uppfattningen att staden ska prioritera sitt internationella arbete.</p>");
    assertThat(arendeHtml).contains(
        "<p class=\"text\">Vi anser dock att beslutet borde ha föregåtts av en dialog med oppositionen.</p>");
  }

  @Test
  void protokollsutdragWritesTheDecisionThenEachReservationAndStatement() {
    Ordning.iOrdning(utdragPdf, List.of(
        "Protokollsutdrag",
        "Kommunstyrelsen",
        "Sammanträde i Stockholm den 18 mars 2026",
        "§ 12",
        ArendeFixtur.RUBRIK,
        "Dnr KS 2025/1513",
        "Beslut",
        ArendeFixtur.BESLUT,
        "Reservation av oppositionsborgarrådet Erik Ängström (M) enligt följande.",
        ERIKS_TEXT,
        "Lars Östlund (SD) reserverade sig mot beslutet.",
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
            + "borgarrådsberedningen.",
        BRB_TEXT_I_UTDRAGET,
        "Särskilt uttalande av Åsa Öberg (C) enligt följande.",
        "Centerpartiet delar uppfattningen",
        "Vi anser dock att beslutet borde ha föregåtts av en dialog med oppositionen.",
        "Justerat den 25 mars 2026",
        "Anslaget den 26 mars 2026"));
  }

  @Test
  void bothFormatsCarryTheSameSentences() {
    for (String mening : List.of(
        "Reservation av oppositionsborgarrådet Erik Ängström (M) enligt följande.",
        "Lars Östlund (SD) reserverade sig mot beslutet.",
        "Särskilt uttalande av Åsa Öberg (C) enligt följande.",
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
            + "borgarrådsberedningen.")) {
      assertThat(arendeHtml).contains(mening);
      assertThat(utdragHtml).contains(mening);
    }
  }

  @Test
  void protokollsutdragIsValidPdfA2a() throws Exception {
    assertThat(PdfAValidering.fel(utdragPdfBytes, PDFAFlavour.PDFA_2_A)).isEmpty();
    assertThat(PdfAValidering.fel(utdragPdfBytes, PDFAFlavour.PDFUA_1)).isEmpty();
  }
}
