package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextformatTest {

  private final Textformat txt = new Textformat();

  @Test
  void datesAreWrittenOutWithSwedishMonthNames() {
    assertThat(txt.datum(LocalDate.of(2026, 3, 4))).isEqualTo("4 mars 2026");
    assertThat(txt.datum(LocalDate.of(2025, 12, 11))).isEqualTo("11 december 2025");
    assertThat(txt.datum(LocalDate.of(2026, 8, 1))).isEqualTo("1 augusti 2026");
    assertThat(txt.datum(null)).isEmpty();
  }

  @Test
  void personsAreWrittenWithRoleNameAndParty() {
    assertThat(txt.person(new Person("Jan Jönsson", "L", "borgarrådet"))).isEqualTo("borgarrådet Jan Jönsson (L)");
    assertThat(txt.person(new Person("Jan Jönsson", "L", null))).isEqualTo("Jan Jönsson (L)");
    assertThat(txt.person(new Person("Jan Jönsson", " ", " "))).isEqualTo("Jan Jönsson");
    assertThat(txt.namnOchParti(new Person("Jan Jönsson", "L", "borgarrådet"))).isEqualTo("Jan Jönsson (L)");
    assertThat(txt.versal(txt.person(new Person("Jan Jönsson", "L", "borgarrådet"))))
        .isEqualTo("Borgarrådet Jan Jönsson (L)");
  }

  @Test
  void genitiveFollowsSwedishRules() {
    assertThat(txt.genitiv("Liberalerna")).isEqualTo("Liberalernas");
    assertThat(txt.genitiv("Stadsledningskontoret")).isEqualTo("Stadsledningskontorets");
    assertThat(txt.genitiv("Kristdemokraterna")).isEqualTo("Kristdemokraternas");
    assertThat(txt.genitiv("Östermalms stadsdelsnämnd")).isEqualTo("Östermalms stadsdelsnämnds");
    assertThat(txt.genitiv("Trafikverkets")).isEqualTo("Trafikverkets");
    assertThat(txt.genitiv("Stockholm Vatten och Avfall AB")).isEqualTo("Stockholm Vatten och Avfall AB:s");
    assertThat(txt.genitiv("SLK")).isEqualTo("SLK:s");
  }

  @Test
  void municipalBodiesGetASmallInitialInRunningTextOthersKeepTheirName() {
    assertThat(txt.iLopandeText("Stadsledningskontoret")).isEqualTo("stadsledningskontoret");
    assertThat(txt.iLopandeText("Socialförvaltningen")).isEqualTo("socialförvaltningen");
    assertThat(txt.iLopandeText("Trafiknämnden")).isEqualTo("trafiknämnden");
    assertThat(txt.iLopandeText("Trafikverket")).isEqualTo("Trafikverket");
    assertThat(txt.iLopandeText("Östermalms stadsdelsnämnd")).isEqualTo("Östermalms stadsdelsnämnd");
    assertThat(txt.iLopandeText("Rinkeby-Kista stadsdelsförvaltning")).isEqualTo("Rinkeby-Kista stadsdelsförvaltning");
    assertThat(txt.iLopandeText("Stockholm Vatten och Avfall AB")).isEqualTo("Stockholm Vatten och Avfall AB");
  }

  @Test
  void enumerationsUseCommasAndOch() {
    assertThat(txt.uppraknad(List.of())).isEmpty();
    assertThat(txt.uppraknad(List.of("a"))).isEqualTo("a");
    assertThat(txt.uppraknad(List.of("a", "b"))).isEqualTo("a och b");
    assertThat(txt.uppraknad(List.of("a", "b", "c"))).isEqualTo("a, b och c");
    assertThat(txt.remissinstanser(List.of(
        Remissvar.obesvarad("Stadsledningskontoret"), Remissvar.obesvarad("Socialförvaltningen"),
        Remissvar.obesvarad("Stadsledningskontoret")))).isEqualTo("stadsledningskontoret och socialförvaltningen");
  }

  @Test
  void paragraphsAreSeparatedByBlankLines() {
    assertThat(txt.stycken(null)).isEmpty();
    assertThat(txt.stycken(" \n\n ")).isEmpty();
    assertThat(txt.stycken("Ett.\n\nTvå,\nrad två.\r\n\r\nTre.")).containsExactly("Ett.", "Två,\nrad två.", "Tre.");
    assertThat(txt.inlederLista("I skrivelsen ställs följande frågor: ")).isTrue();
    assertThat(txt.inlederLista("Inga frågor.")).isFalse();
  }
}
