package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The input records: required parts, lists never null and not changeable, file names. */
class IndataTest {

  @Test
  void listsAreNeverNullAndCannotBeChanged() {
    Arendedokument minsta = ArendeFixtur.minsta();
    assertThat(minsta.bilagor()).isEmpty();
    assertThat(minsta.fragor()).isEmpty();
    assertThat(minsta.remissvar()).isEmpty();
    assertThat(new BrbBehandling(null, Utfall.TILLSTYRKER, null).sarskildaUttalanden()).isEmpty();

    List<String> fragor = new ArrayList<>(List.of("Varför?"));
    Arendedokument arende = new Arendedokument("KS 2025/1513", "Rotel I", "Rubrik", ArendeFixtur.JAN_JONSSON,
        "Förslag", ArendeFixtur.KARIN_WANNGARD, null, null, null, null, null, null, null, null, null, null,
        fragor, null);
    fragor.add("När?");
    assertThat(arende.fragor()).containsExactly("Varför?");
    assertThatThrownBy(() -> arende.fragor().add("Hur?")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredPartsAreChecked() {
    assertThatThrownBy(() -> new Arendedokument(" ", "Rotel I", "Rubrik", ArendeFixtur.JAN_JONSSON, "Förslag",
        ArendeFixtur.KARIN_WANNGARD, null, null, null, null, null, null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Diarienummer");
    assertThatThrownBy(() -> new Person(null, "L", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Remissvar("Stadsledningskontoret", LocalDate.now(), " ", true, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Stadsledningskontoret");
    assertThatThrownBy(() -> SarskiltUttalande.medText(ArendeFixtur.JAN_JONSSON, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SarskiltUttalande.likalydande(ArendeFixtur.JAN_JONSSON, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KsBehandling(LocalDate.now(), "§ 12", "Beslut",
        Arrays.asList((SarskiltUttalande) null), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Protokollsutdrag.fran(ArendeFixtur.minsta(), "Stockholm"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProtokollsutdragOfAnArendeCarriesTheDecision() {
    Arendedokument arende = ArendeFixtur.ks20251513().bygg();
    Protokollsutdrag utdrag = Protokollsutdrag.fran(arende, "Stockholm");

    assertThat(utdrag.diarienummer()).isEqualTo("KS 2025/1513");
    assertThat(utdrag.rubrik()).isEqualTo(ArendeFixtur.RUBRIK);
    assertThat(utdrag.paragraf()).isEqualTo("§ 12");
    assertThat(utdrag.sammantradesdatum()).isEqualTo(ArendeFixtur.KS_DATUM);
    assertThat(utdrag.sarskildaUttalanden()).isEqualTo(arende.kommunstyrelsen().sarskildaUttalanden());
    assertThat(utdrag.justeringsdatum()).isEqualTo(ArendeFixtur.JUSTERAT);
    assertThat(utdrag.anslagsdatum()).isEqualTo(ArendeFixtur.ANSLAGET);
    assertThat(utdrag.ort()).isEqualTo("Stockholm");
  }

  @Test
  void fileNamesAreReadableAndSafe() {
    Arendedokument arende = ArendeFixtur.ks20251513().bygg();

    assertThat(DokumentRenderer.filnamn(arende, Dokumentformat.PDF)).isEqualTo("PM Rotel I KS 2025-1513.pdf");
    assertThat(DokumentRenderer.filnamn(arende, Dokumentformat.HTML)).isEqualTo("PM Rotel I KS 2025-1513.html");
    assertThat(DokumentRenderer.filnamn(Protokollsutdrag.fran(arende, null), Dokumentformat.PDF))
        .isEqualTo("Protokollsutdrag KS 2025-1513 § 12.pdf");
    Arendedokument konstigt = new Arendedokument("KS 2025/1513", "Rotel: I*?\"<>|\\", "R",
        ArendeFixtur.JAN_JONSSON, "F", ArendeFixtur.KARIN_WANNGARD, null, null, null, null, null, null, null,
        null, null, null, null, null);
    assertThat(DokumentRenderer.filnamn(konstigt, Dokumentformat.PDF)).isEqualTo("PM Rotel I KS 2025-1513.pdf");
    assertThat(Dokumentformat.PDF.mediatyp()).isEqualTo("application/pdf");
    assertThat(Dokumentformat.HTML.mediatyp()).isEqualTo("text/html");
    assertThat(arende.dokumentbeteckning()).isEqualTo("PM Rotel I (Dnr KS 2025/1513)");
  }
}
