package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sections that do not apply are left out, heading and all, in HTML and in PDF. */
class UtelamnadeAvsnittTest {

  private static final DokumentRenderer RENDERER = DokumentRenderer.medInbyggdaMallar();
  private static final String SIDHUVUD = "PM Rotel I (Dnr KS 2025/1513)";

  @Test
  void aPromemoriaWithNothingButWhatIsRequiredHasNoOptionalSection() throws Exception {
    Arendedokument minsta = ArendeFixtur.minsta();
    String html = kropp(RENDERER.arendedokumentHtml(minsta));
    List<String> rader = PdfInnehall.rader(RENDERER.arendedokumentPdf(minsta), SIDHUVUD);

    assertThat(rader).containsExactly(
        ArendeFixtur.RUBRIK.substring(0, ArendeFixtur.RUBRIK.indexOf(" Mayor") + 6),
        ArendeFixtur.RUBRIK.substring(ArendeFixtur.RUBRIK.indexOf(" Mayor") + 7),
        "Skrivelse från Jan Jönsson (L)",
        "Förslag till beslut",
        "Föredragande borgarrådet föreslår att kommunstyrelsen beslutar följande.",
        "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria",
        "Föredragande borgarrådet Karin Wanngård");
    assertThat(html).doesNotContain("Sammanfattning av ärendet", "Beredning", "synpunkter", "Bilaga",
        "Borgarrådsberedningen", "Särskilt uttalande", "Reservation", "<h2>Kommunstyrelsen</h2>",
        "<h2>Ärendet</h2>", "Remissammanställning", "remitterats", "<h3", "<ul", " den ");
  }

  @Test
  void beforeBorgarradsberedningenTheProposalIsTheBorgarradsAndNoBrbSectionIsPrinted() {
    String html = kropp(RENDERER.arendedokumentHtml(ArendeFixtur.ks20251513().utanBrb().utanKs().bygg()));

    assertThat(html).contains("Föredragande borgarrådet föreslår att kommunstyrelsen beslutar följande.");
    assertThat(html).doesNotContain("Borgarrådsberedningen", "Särskilt uttalande", "<h2>Kommunstyrelsen</h2>");
    assertThat(html).contains("<h2>Ärendet</h2>", "<h2>Remissammanställning</h2>");
  }

  @Test
  void aReturnedOrPostponedArendeReadsAsNotYetTreatedByBorgarradsberedningen() {
    for (Utfall utfall : List.of(Utfall.ATERREMISS, Utfall.BORDLAGGNING)) {
      BrbBehandling brb = new BrbBehandling(ArendeFixtur.BRB_DATUM, utfall,
          List.of(SarskiltUttalande.medText(ArendeFixtur.JAN_JONSSON_BORGARRAD, "Ett uttalande.")));
      String html = kropp(RENDERER.arendedokumentHtml(ArendeFixtur.ks20251513().brb(brb).utanKs().bygg()));

      assertThat(html).as(utfall.name())
          .contains("Föredragande borgarrådet föreslår att kommunstyrelsen beslutar följande.")
          .doesNotContain("Borgarrådsberedningen", "Särskilt uttalande", "Ett uttalande.");
    }
  }

  @Test
  void tillstyrktWithoutStatementsHasTheSentenceButNoStatementHeading() {
    BrbBehandling brb = new BrbBehandling(ArendeFixtur.BRB_DATUM, Utfall.TILLSTYRKER, null);
    String html = kropp(RENDERER.arendedokumentHtml(ArendeFixtur.ks20251513().brb(brb).utanKs().bygg()));

    assertThat(html).contains("Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
        "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.");
    assertThat(html).doesNotContain("Särskilt uttalande", "<h3 class=\"uttalande\"");
  }

  @Test
  void aDecisionWithoutStatementsOrReservationsHasNoKommunstyrelsenSection() {
    KsBehandling ks = new KsBehandling(ArendeFixtur.KS_DATUM, "§ 12", ArendeFixtur.BESLUT, List.of(), null,
        null, null);
    Arendedokument arende = ArendeFixtur.ks20251513().ks(ks).bygg();

    assertThat(arende.harKommunstyrelseavsnitt()).isFalse();
    assertThat(kropp(RENDERER.arendedokumentHtml(arende))).doesNotContain("<h2>Kommunstyrelsen</h2>");
  }

  @Test
  void withoutRemissvarThereIsNoRemissammanstallningAndBeredningHasOnlyItsText() {
    String html = kropp(RENDERER.arendedokumentHtml(ArendeFixtur.ks20251513().utanRemissvar().bygg()));

    assertThat(html).doesNotContain("Remissammanställning", "remitterats");
    assertThat(html).contains("<h2>Beredning</h2>", "Stadsledningskontoret hänvisar till");
  }

  @Test
  void withoutRemissvarAndBeredningTextThereIsNoBeredningSection() {
    String html = kropp(RENDERER.arendedokumentHtml(ArendeFixtur.ks20251513().utanRemissvar().beredning(" ").bygg()));

    assertThat(html).doesNotContain("Beredning</h2>");
  }

  @Test
  void anUnansweredRemissIsSaidToBeUnansweredNeverPrintedEmpty() throws Exception {
    Arendedokument arende = ArendeFixtur.ks20251513().remissvar(
        Remissvar.besvarad("Stadsledningskontoret", ArendeFixtur.TU_DATUM, ArendeFixtur.TJANSTEUTLATANDE),
        Remissvar.obesvarad("Socialförvaltningen"),
        Remissvar.besvarad("Stockholm Vatten och Avfall AB", null, "Bolaget har inget att invända.")).bygg();
    String text = PdfInnehall.brodtext(RENDERER.arendedokumentPdf(arende), SIDHUVUD);

    Ordning.iOrdning(text, List.of(
        "Beredning",
        "Ärendet har remitterats till stadsledningskontoret, socialförvaltningen och Stockholm Vatten och Avfall AB.",
        "Remissammanställning",
        "Ärendet har remitterats till stadsledningskontoret, socialförvaltningen och Stockholm Vatten och Avfall AB.",
        "Stadsledningskontoret",
        "Stadsledningskontorets tjänsteutlåtande daterat den 11 december 2025 har i huvudsak följande lydelse.",
        "Socialförvaltningen",
        "Socialförvaltningen har inte besvarat remissen.",
        "Stockholm Vatten och Avfall AB",
        "Stockholm Vatten och Avfall AB:s tjänsteutlåtande har i huvudsak följande lydelse.",
        "Bolaget har inget att invända."));
  }

  @Test
  void withoutJusteringAndAnslagTheProtokollsutdragSaysNeither() throws Exception {
    Protokollsutdrag utdrag = new Protokollsutdrag("KS 2025/1513", ArendeFixtur.RUBRIK, LocalDate.of(2026, 3, 18),
        "§ 12", ArendeFixtur.BESLUT, null, null, null, null, null);
    String html = kropp(RENDERER.protokollsutdragHtml(utdrag));

    assertThat(html).contains("Sammanträde den 18 mars 2026", "<h3>Beslut</h3>");
    assertThat(html).doesNotContain("Justerat", "Anslaget", "Särskilt uttalande", "Reservation",
        "reserverade", "class=\"justering\"");
    assertThat(PdfInnehall.text(RENDERER.protokollsutdragPdf(utdrag))).doesNotContain("Justerat", "Anslaget");
  }

  @Test
  void onlyAJusteringDateIsPrintedAsSoonAsItIsKnown() {
    Protokollsutdrag utdrag = new Protokollsutdrag("KS 2025/1513", ArendeFixtur.RUBRIK, LocalDate.of(2026, 3, 18),
        "§ 12", ArendeFixtur.BESLUT, null, null, LocalDate.of(2026, 3, 25), null, "Stockholm");

    assertThat(kropp(RENDERER.protokollsutdragHtml(utdrag))).contains("Justerat den 25 mars 2026").doesNotContain("Anslaget");
  }

  /** @return the page's body: the stylesheet and metadata use some of the words looked for */
  private static String kropp(String html) {
    return html.substring(html.indexOf("<body>"));
  }
}
