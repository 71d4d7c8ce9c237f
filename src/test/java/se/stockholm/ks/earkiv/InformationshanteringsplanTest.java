package se.stockholm.ks.earkiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.stockholm.ks.diarium.Handlingstyp;

/** The plan's wording: "bevaras" or "gallras efter N år", anything else refused with the line named. */
class InformationshanteringsplanTest {

  @Test
  void bothFormsAreRead() {
    assertThat(Informationshanteringsplan.tolka(Handlingstyp.SKRIVELSE, "bevaras").gallrasEfterAr()).isNull();
    assertThat(Informationshanteringsplan.tolka(Handlingstyp.REMISS, " Gallras  efter 10 år ").gallrasEfterAr())
        .isEqualTo(10);
    assertThat(Informationshanteringsplan.tolka(Handlingstyp.REMISS, "gallras efter 2 år").text())
        .isEqualTo("REMISS: gallras efter 2 år");
  }

  @Test
  void anythingElseIsRefusedWithTheLineNamed() {
    for (String fel : new String[] {"", "gallras", "gallras efter 0 år", "gallras efter två år", "gallras vid inaktualitet",
        "bevaras efter 2 år"}) {
      assertThatThrownBy(() -> Informationshanteringsplan.tolka(Handlingstyp.FORLANGNING, fel)).as(fel)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ks.earkiv.informationshanteringsplan.FORLANGNING")
          .hasMessageContaining("\"bevaras\" eller \"gallras efter N år\"");
    }
  }

  @Test
  void aHandlingstypWithoutALineIsKept() {
    Informationshanteringsplan plan = new Informationshanteringsplan(new EarkivInstallningar("o", "1", "k", "1",
        java.nio.file.Path.of("x"), true, java.util.Map.of(Handlingstyp.REMISS, "gallras efter 3 år"), "Planen", null));
    assertThat(plan.rad(Handlingstyp.SKRIVELSE).gallrasEfterAr()).isNull();
    assertThat(plan.rad(Handlingstyp.REMISS).gallrasEfterAr()).isEqualTo(3);
    assertThat(plan.gallringsrader()).containsOnlyKeys(Handlingstyp.REMISS);
  }
}
