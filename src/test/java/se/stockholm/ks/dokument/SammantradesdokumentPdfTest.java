package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * A meeting's own documents read back from the PDFs: kommunstyrelsen's protokoll of a meeting with
 * an ärende bordlagt, one återremitterat and two decided (a likalydande särskilt uttalande, one of
 * its own, a reservation), and the föredragningslista. Each decided paragraph of the protokoll reads
 * word for word as the ärende's protokollsutdrag.
 */
class SammantradesdokumentPdfTest {

  private static final DokumentRenderer RENDERER = DokumentRenderer.medInbyggdaMallar();
  private static final String SIDHUVUD = "Protokoll, Kommunstyrelsen 18 mars 2026";
  private static final String RUBRIK_B = "Skrivelse om parkeringen vid Årstafältet";

  private static Protokollsutdrag utdrag12;
  private static Protokollsutdrag utdrag15;
  private static byte[] protokoll;
  private static byte[] lista;

  @BeforeAll
  static void rendera() throws Exception {
    utdrag12 = new Protokollsutdrag(ArendeFixtur.DNR, ArendeFixtur.RUBRIK, ArendeFixtur.KS_DATUM, "§ 12",
        ArendeFixtur.BESLUT, List.of(SarskiltUttalande.likalydande(ArendeFixtur.JAN_JONSSON, "Liberalerna")),
        List.of(new Reservation(new Person("Clara Lindblom", "V", null), null)), ArendeFixtur.JUSTERAT, null, "Stockholm");
    utdrag15 = new Protokollsutdrag("KS 2025/1600", RUBRIK_B, ArendeFixtur.KS_DATUM, "§ 15",
        "Skrivelsen anses besvarad.", List.of(SarskiltUttalande.medText(new Person("Anna König Jerlmyr", "M", null),
            "Det är bra att staden ser över parkeringen.")), List.of(), ArendeFixtur.JUSTERAT, null, "Stockholm");
    Protokoll p = new Protokoll("kommunstyrelsen", ArendeFixtur.KS_DATUM, "Stockholm",
        "Karin Wanngård (S), ordförande; Jan Jönsson (L); Clara Lindblom (V)", "Jan Jönsson (L)", ArendeFixtur.JUSTERAT,
        List.of(new Protokoll.Protokollsparagraf("§ 12", ArendeFixtur.DNR, ArendeFixtur.RUBRIK, null, utdrag12),
            new Protokoll.Protokollsparagraf("§ 13", "KS 2025/1598", "Skrivelse om bänkar", 
                "Kommunstyrelsen beslutade att bordlägga ärendet.", null),
            new Protokoll.Protokollsparagraf("§ 14", "KS 2025/1599", "Skrivelse om cykelbanor",
                "Kommunstyrelsen beslutade att återremittera ärendet.", null),
            new Protokoll.Protokollsparagraf("§ 15", "KS 2025/1600", RUBRIK_B, null, utdrag15)));
    protokoll = RENDERER.protokollPdf(p);
    lista = RENDERER.foredragningslistaPdf(new Foredragningslista("kommunstyrelsen", ArendeFixtur.KS_DATUM, "Stockholm",
        List.of(new Foredragningslista.Punkt(1, ArendeFixtur.DNR, ArendeFixtur.RUBRIK, "Karin Wanngård",
                "Skrivelsen besvaras med hänvisning till vad som sägs i promemorian."),
            new Foredragningslista.Punkt(2, "KS 2025/1598", "Skrivelse om bänkar", "Karin Wanngård", null))));
    Files.createDirectories(ArendedokumentPdfTest.UT);
    Files.write(ArendedokumentPdfTest.UT.resolve("Protokoll KS 2026-03-18.pdf"), protokoll);
    Files.write(ArendedokumentPdfTest.UT.resolve("Föredragningslista KS 2026-03-18.pdf"), lista);
  }

  @Test
  void theProtokollHoldsTheMeetingThePresentAndEachParagraphInOrder() throws Exception {
    Ordning.iOrdning(PdfInnehall.brodtext(protokoll, SIDHUVUD), List.of(
        "Protokoll", "Kommunstyrelsen", "Sammanträde i Stockholm den 18 mars 2026",
        "Närvarande: Karin Wanngård (S), ordförande; Jan Jönsson (L); Clara Lindblom (V)",
        "Justerare: Jan Jönsson (L)",
        "§ 12", ArendeFixtur.RUBRIK, "Dnr KS 2025/1513", "Beslut", ArendeFixtur.BESLUT,
        "Clara Lindblom (V) reserverade sig mot beslutet.",
        "Särskilt uttalande av Jan Jönsson (L) som är likalydande med Liberalernas särskilda uttalande i "
            + "borgarrådsberedningen.",
        "§ 13", "Skrivelse om bänkar", "Dnr KS 2025/1598", "Kommunstyrelsen beslutade att bordlägga ärendet.",
        "§ 14", "Skrivelse om cykelbanor", "Kommunstyrelsen beslutade att återremittera ärendet.",
        "§ 15", RUBRIK_B, "Skrivelsen anses besvarad.",
        "Särskilt uttalande av Anna König Jerlmyr (M) enligt följande.", "Det är bra att staden ser över parkeringen.",
        "Justerat den 25 mars 2026"));
    assertThat(PdfAValidering.fel(protokoll, PDFAFlavour.PDFA_2_A)).isEmpty();
  }

  @Test
  void eachDecidedParagraphReadsAsTheArendesProtokollsutdrag() throws Exception {
    String text = PdfInnehall.brodtext(protokoll, SIDHUVUD);
    for (Protokollsutdrag u : List.of(utdrag12, utdrag15)) {
      String utdragHuvud = "Protokollsutdrag, kommunstyrelsen 18 mars 2026 " + u.paragraf() + " (Dnr " + u.diarienummer() + ")";
      String utdragText = PdfInnehall.brodtext(RENDERER.protokollsutdragPdf(u), utdragHuvud);
      // the utdrag's paragraph: from "§ n" up to its justering line
      String paragraf = utdragText.substring(utdragText.indexOf(u.paragraf()), utdragText.indexOf("Justerat den")).strip();
      assertThat(text).contains(paragraf);
    }
  }

  @Test
  void theForedragningslistaHoldsTheArendenInOrderWithNumbersAndProposals() throws Exception {
    Ordning.iOrdning(PdfInnehall.brodtext(lista, "Föredragningslista, Kommunstyrelsen 18 mars 2026"), List.of(
        "Föredragningslista", "Kommunstyrelsen", "Sammanträde i Stockholm den 18 mars 2026",
        "1. " + ArendeFixtur.RUBRIK, "Dnr KS 2025/1513", "Föredragande borgarråd: Karin Wanngård",
        "Förslag till beslut", "Skrivelsen besvaras med hänvisning till vad som sägs i promemorian.",
        "2. Skrivelse om bänkar", "Dnr KS 2025/1598"));
    assertThat(PdfAValidering.fel(lista, PDFAFlavour.PDFA_2_A)).isEmpty();
  }
}
