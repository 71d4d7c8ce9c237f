package se.stockholm.ks.kalender;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SammantradenTest {

  private static final Arbetsdagskalender KALENDER = new Arbetsdagskalender();

  /** Lead times of 3 working days to borgarrådsberedningen and from it to kommunstyrelsen. */
  static FristInstallningar frister(int brbFramforhallning, int ksFramforhallning) {
    return new FristInstallningar(15, 3, 2, 20, brbFramforhallning, ksFramforhallning,
        LocalTime.of(7, 0), 2);
  }

  static List<LocalDate> datum(String... iso) {
    return Arrays.stream(iso).map(LocalDate::parse).toList();
  }

  /** Spring 2026 around the real case (BRB 2026-03-11 → KS 2026-03-18) and Easter. */
  static Sammantradesplan varen2026() {
    return new Sammantradesplan(
        datum("2026-02-18", "2026-03-11", "2026-04-01", "2026-04-15"),
        datum("2026-02-25", "2026-03-18", "2026-04-08", "2026-04-22"));
  }

  private final Sammantraden sammantraden = new Sammantraden(varen2026(), frister(3, 3), KALENDER);

  @Nested
  class ForstaSammantrade {

    @Test
    void promemoria20260304GoesToBrb20260311AndKs20260318() {
      LocalDate brb = sammantraden.forstaBrbSammantrade(parse("2026-03-04"));
      assertThat(brb).isEqualTo(parse("2026-03-11"));
      assertThat(sammantraden.forstaKsSammantrade(brb)).isEqualTo(parse("2026-03-18"));
    }

    @Test
    void promemoriaFinishedExactlyTheLeadTimeBeforeAMeetingStillGoesToIt() {
      // Friday 6 March + 3 working days = Wednesday 11 March
      assertThat(sammantraden.forstaBrbSammantrade(parse("2026-03-06"))).isEqualTo(parse("2026-03-11"));
    }

    @Test
    void promemoriaFinishedTooLateForAMeetingGoesToTheNextOne() {
      // Monday 9 March + 3 working days = Thursday 12 March: too late for 11 March
      assertThat(sammantraden.forstaBrbSammantrade(parse("2026-03-09"))).isEqualTo(parse("2026-04-01"));
    }

    @Test
    void leadTimeToKsIsCountedInWorkingDaysAcrossEaster() {
      // BRB Wednesday 1 April 2026: 2 April, (långfredag, weekend, annandag påsk), 7, 8 April
      assertThat(sammantraden.forstaKsSammantrade(parse("2026-04-01"))).isEqualTo(parse("2026-04-08"));

      Sammantraden medLangreFramforhallning = new Sammantraden(varen2026(), frister(3, 4), KALENDER);
      assertThat(medLangreFramforhallning.forstaKsSammantrade(parse("2026-04-01"))).isEqualTo(parse("2026-04-22"));
    }

    @Test
    void zeroLeadTimeAllowsTheMeetingOnTheSameDay() {
      Sammantraden utanFramforhallning = new Sammantraden(varen2026(), frister(0, 0), KALENDER);
      assertThat(utanFramforhallning.forstaBrbSammantrade(parse("2026-03-11"))).isEqualTo(parse("2026-03-11"));
      assertThat(utanFramforhallning.forstaKsSammantrade(parse("2026-03-18"))).isEqualTo(parse("2026-03-18"));
    }

    @Test
    void dateAfterTheLastMeetingIsAnErrorNamingTheConfigurationKey() {
      // Tuesday 14 April + 3 working days = Friday 17 April: after the last BRB meeting (15 April)
      assertThatThrownBy(() -> sammantraden.forstaBrbSammantrade(parse("2026-04-14")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessage("Sammanträdesplanen för borgarrådsberedningen har inget sammanträde den "
              + "2026-04-17 eller senare (ärendet redo 2026-04-14 och 3 arbetsdagars framförhållning). "
              + "Sista sammanträdet i planen är 2026-04-15. "
              + "Lägg till datum i ks.sammantradesplan.borgarradsberedningen.");
    }

    @Test
    void ksMeetingBeyondThePlanIsAnError() {
      assertThatThrownBy(() -> sammantraden.forstaKsSammantrade(parse("2026-04-20")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessageContaining("kommunstyrelsen har inget sammanträde den 2026-04-23 eller senare")
          .hasMessageEndingWith("Lägg till datum i ks.sammantradesplan.kommunstyrelsen.");
    }

    @Test
    void dateBeforeThePlanStartsIsAnErrorNotTheFirstPlannedMeeting() {
      assertThatThrownBy(() -> sammantraden.forstaBrbSammantrade(parse("2025-11-03")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessage("Sammanträdesplanen börjar 2026-02-18 och täcker inte 2025-11-06. "
              + "Lägg till tidigare datum i ks.sammantradesplan.borgarradsberedningen.");
      assertThatThrownBy(() -> sammantraden.nastaKsSammantrade(parse("2026-02-17")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessageEndingWith("Lägg till tidigare datum i ks.sammantradesplan.kommunstyrelsen.");
    }

    @Test
    void firstKsMeetingIsFoundFromTheFirstBrbMeetingAlthoughItPrecedesTheKsList() {
      // the plan starts with BRB 18 Feb; 18 Feb + 3 working days = 23 Feb, before KS's first date
      assertThat(sammantraden.forstaKsSammantrade(parse("2026-02-18"))).isEqualTo(parse("2026-02-25"));
    }
  }

  @Nested
  class Bordlaggning {

    @Test
    void bordlaggningInBrbMovesTheArendeToTheNextBrbMeeting() {
      assertThat(sammantraden.nastaBrbSammantrade(parse("2026-03-11"))).isEqualTo(parse("2026-04-01"));
    }

    @Test
    void bordlaggningInKsMovesTheArendeToTheNextKsMeeting() {
      assertThat(sammantraden.nastaKsSammantrade(parse("2026-03-18"))).isEqualTo(parse("2026-04-08"));
    }

    @Test
    void nextMeetingIsStrictlyAfterAnyDate() {
      assertThat(sammantraden.nastaBrbSammantrade(parse("2026-03-10"))).isEqualTo(parse("2026-03-11"));
      assertThat(sammantraden.nastaKsSammantrade(parse("2026-03-19"))).isEqualTo(parse("2026-04-08"));
    }

    @Test
    void bordlaggningAtTheLastPlannedMeetingIsAnErrorTheKansliCanActOn() {
      assertThatThrownBy(() -> sammantraden.nastaKsSammantrade(parse("2026-04-22")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessage("Sammanträdesplanen för kommunstyrelsen har inget sammanträde efter 2026-04-22. "
              + "Lägg till datum i ks.sammantradesplan.kommunstyrelsen.")
          .satisfies(e -> {
            SammantradeSaknasException fel = (SammantradeSaknasException) e;
            assertThat(fel.organ()).isEqualTo("kommunstyrelsen");
            assertThat(fel.datum()).isEqualTo(parse("2026-04-22"));
          });
      assertThatThrownBy(() -> sammantraden.nastaBrbSammantrade(parse("2026-04-15")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessage("Sammanträdesplanen för borgarrådsberedningen har inget sammanträde efter "
              + "2026-04-15. Lägg till datum i ks.sammantradesplan.borgarradsberedningen.");
    }
  }

  @Nested
  class Plan {

    @Test
    void emptyPlanIsAnErrorOnEveryLookup() {
      Sammantraden tom = new Sammantraden(new Sammantradesplan(List.of(), null), frister(3, 3), KALENDER);

      assertThatThrownBy(() -> tom.forstaBrbSammantrade(parse("2026-03-04")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessage("Sammanträdesplanen för borgarrådsberedningen är tom. "
              + "Lägg till datum i ks.sammantradesplan.borgarradsberedningen.");
      assertThatThrownBy(() -> tom.nastaBrbSammantrade(parse("2026-03-11")))
          .isInstanceOf(SammantradeSaknasException.class);
      assertThatThrownBy(() -> tom.forstaKsSammantrade(parse("2026-03-11")))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessage("Sammanträdesplanen för kommunstyrelsen är tom. "
              + "Lägg till datum i ks.sammantradesplan.kommunstyrelsen.");
      assertThatThrownBy(() -> tom.nastaKsSammantrade(parse("2026-03-18")))
          .isInstanceOf(SammantradeSaknasException.class);
    }

    @Test
    void planIsSortedAndFreeOfDuplicatesWhateverTheOrderInTheFile() {
      Sammantradesplan plan = new Sammantradesplan(
          datum("2026-04-01", "2026-03-11", "2026-04-01", "2026-02-18"),
          datum("2026-03-18", "2026-02-25"));

      assertThat(plan.borgarradsberedningen()).containsExactlyElementsOf(datum("2026-02-18", "2026-03-11", "2026-04-01"));
      assertThat(plan.kommunstyrelsen()).containsExactlyElementsOf(datum("2026-02-25", "2026-03-18"));

      Sammantraden osorterad = new Sammantraden(plan, frister(3, 3), KALENDER);
      assertThat(osorterad.forstaBrbSammantrade(parse("2026-03-04"))).isEqualTo(parse("2026-03-11"));
      assertThat(osorterad.nastaBrbSammantrade(parse("2026-02-18"))).isEqualTo(parse("2026-03-11"));
    }

    @Test
    void missingListIsAnEmptyPlan() {
      Sammantradesplan plan = new Sammantradesplan(null, null);
      assertThat(plan.borgarradsberedningen()).isEmpty();
      assertThat(plan.kommunstyrelsen()).isEmpty();
    }

    @Test
    void blankDateInThePlanIsRejected() {
      List<LocalDate> medTomtDatum = Arrays.asList(parse("2026-03-11"), null);
      assertThatThrownBy(() -> new Sammantradesplan(medTomtDatum, List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ks.sammantradesplan.borgarradsberedningen innehåller ett tomt datum");
    }

    @Test
    void planListsCannotBeChangedAfterwards() {
      Sammantradesplan plan = varen2026();
      assertThatThrownBy(() -> plan.kommunstyrelsen().add(parse("2026-05-06")))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }
}
