package se.stockholm.ks.kalender;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArbetsdagskalenderTest {

  private final Arbetsdagskalender kalender = new Arbetsdagskalender();

  @Nested
  class Helgdagar {

    @ParameterizedTest(name = "{0} är {1}")
    @CsvSource({
        // 2025: påskdagen 20 april
        "2025-01-01, Nyårsdagen",
        "2025-01-06, Trettondedag jul",
        "2025-04-18, Långfredag",
        "2025-04-20, Påskdagen",
        "2025-04-21, Annandag påsk",
        "2025-05-01, Första maj",
        "2025-05-29, Kristi himmelfärdsdag",
        "2025-06-06, Sveriges nationaldag",
        "2025-06-08, Pingstdagen",
        "2025-06-20, Midsommarafton",
        "2025-06-21, Midsommardagen",
        "2025-11-01, Alla helgons dag",
        "2025-12-24, Julafton",
        "2025-12-25, Juldagen",
        "2025-12-26, Annandag jul",
        "2025-12-31, Nyårsafton",
        // 2026: påskdagen 5 april
        "2026-01-01, Nyårsdagen",
        "2026-01-06, Trettondedag jul",
        "2026-04-03, Långfredag",
        "2026-04-05, Påskdagen",
        "2026-04-06, Annandag påsk",
        "2026-05-01, Första maj",
        "2026-05-14, Kristi himmelfärdsdag",
        "2026-05-24, Pingstdagen",
        "2026-06-06, Sveriges nationaldag",
        "2026-06-19, Midsommarafton",
        "2026-06-20, Midsommardagen",
        "2026-10-31, Alla helgons dag",
        "2026-12-24, Julafton",
        "2026-12-25, Juldagen",
        "2026-12-26, Annandag jul",
        "2026-12-31, Nyårsafton",
        // 2027: påskdagen 28 mars, midsommarafton så sent som möjligt (25 juni)
        "2027-01-01, Nyårsdagen",
        "2027-01-06, Trettondedag jul",
        "2027-03-26, Långfredag",
        "2027-03-28, Påskdagen",
        "2027-03-29, Annandag påsk",
        "2027-05-01, Första maj",
        "2027-05-06, Kristi himmelfärdsdag",
        "2027-05-16, Pingstdagen",
        "2027-06-06, Sveriges nationaldag",
        "2027-06-25, Midsommarafton",
        "2027-06-26, Midsommardagen",
        "2027-11-06, Alla helgons dag",
        "2027-12-24, Julafton",
        "2027-12-25, Juldagen",
        "2027-12-26, Annandag jul",
        "2027-12-31, Nyårsafton",
    })
    void swedishHolidayIsNamedInSwedishAndIsNoWorkingDay(LocalDate dag, String namn) {
      assertThat(kalender.helgdag(dag)).contains(namn);
      assertThat(kalender.arArbetsdag(dag)).isFalse();
    }

    @Test
    void eachYearHasExactlyTheSwedishHolidaysAndTheThreeEves() {
      for (int ar = 2025; ar <= 2027; ar++) {
        long antal = LocalDate.of(ar, 1, 1).datesUntil(LocalDate.of(ar + 1, 1, 1))
            .filter(d -> kalender.helgdag(d).isPresent())
            .count();
        // the 12 named allmänna helgdagar (påskdagen and pingstdagen included), första maj and
        // the three eves: nothing more (no annandag pingst, no trettondagsafton)
        assertThat(antal).as("helgdagar %d", ar).isEqualTo(16);
      }
    }

    @ParameterizedTest(name = "{0} är en vanlig arbetsdag")
    @ValueSource(strings = {
        "2026-01-05", // trettondagsafton
        "2026-04-02", // skärtorsdagen
        "2026-04-30", // valborgsmässoafton
        "2026-05-25", // annandag pingst: inte helgdag sedan 2005
        "2026-05-15", // klämdagen efter Kristi himmelfärd
        "2026-06-18", // dagen före midsommarafton
        "2026-10-30", // fredagen före alla helgons dag
        "2026-12-23", // dagen före julafton
        "2026-12-30",
        "2027-01-05",
        "2027-12-27", // måndag efter annandag jul (som är en söndag)
    })
    void dayOffOnlyByCustomIsAWorkingDay(LocalDate dag) {
      assertThat(kalender.arArbetsdag(dag)).isTrue();
      assertThat(kalender.helgdag(dag)).isEmpty();
    }

    @Test
    void ordinaryWeekendIsNoWorkingDayButHasNoHolidayName() {
      assertThat(kalender.arArbetsdag(parse("2026-03-14"))).isFalse(); // lördag
      assertThat(kalender.arArbetsdag(parse("2026-03-15"))).isFalse(); // söndag
      assertThat(kalender.helgdag(parse("2026-03-14"))).isEmpty();
      assertThat(kalender.arArbetsdag(parse("2026-03-16"))).isTrue(); // måndag
    }

    @Test
    void jollydaySwedishCalendarItselfYieldsMidsommaraftonJulaftonAndNyarsafton() {
      HolidayManager manager =
          HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
      Map<LocalDate, String> helgdagar = manager.getHolidays(Year.of(2026), HolidayType.PUBLIC_HOLIDAY)
          .stream()
          .collect(Collectors.toMap(Holiday::getDate, Holiday::getPropertiesKey));

      assertThat(helgdagar)
          .containsEntry(parse("2026-06-19"), "MIDSUMMER_EVE")
          .containsEntry(parse("2026-12-24"), "CHRISTMAS_EVE")
          .containsEntry(parse("2026-12-31"), "NEW_YEARS_EVE");
    }

    @Test
    void deFactoHolidayRuleGivesMidsommaraftonAsTheFridayBetween19And25June() {
      assertThat(Arbetsdagskalender.deFactoHelgdagar(2025)).containsEntry(parse("2025-06-20"), "Midsommarafton");
      assertThat(Arbetsdagskalender.deFactoHelgdagar(2026)).containsEntry(parse("2026-06-19"), "Midsommarafton");
      assertThat(Arbetsdagskalender.deFactoHelgdagar(2027)).containsEntry(parse("2027-06-25"), "Midsommarafton");
      assertThat(Arbetsdagskalender.deFactoHelgdagar(2030)).containsEntry(parse("2030-06-21"), "Midsommarafton");
      assertThat(Arbetsdagskalender.deFactoHelgdagar(2026))
          .containsEntry(parse("2026-12-24"), "Julafton")
          .containsEntry(parse("2026-12-31"), "Nyårsafton")
          .hasSize(3);
    }

    @Test
    void calendarAgreesWithTheDeFactoRuleForManyYears() {
      for (int ar = 2020; ar <= 2040; ar++) {
        Arbetsdagskalender.deFactoHelgdagar(ar).forEach((dag, namn) -> {
          assertThat(kalender.helgdag(dag)).as("%s", dag).contains(namn);
          assertThat(kalender.arArbetsdag(dag)).as("%s", dag).isFalse();
        });
      }
    }
  }

  @Nested
  class LaggTillArbetsdagar {

    @Test
    void remissSent20251219With10WorkingDaysIsDue20260112() {
      // 22, 23 dec; 29, 30 dec; 2 jan; 5 jan; 7, 8, 9 jan; 12 jan (julafton–annandag jul,
      // nyårsafton, nyårsdagen and trettondedag jul are not counted)
      assertThat(kalender.laggTillArbetsdagar(parse("2025-12-19"), 10)).isEqualTo(parse("2026-01-12"));
    }

    @Test
    void oneWorkingDayAfterFridayIsMonday() {
      assertThat(kalender.laggTillArbetsdagar(parse("2026-03-13"), 1)).isEqualTo(parse("2026-03-16"));
    }

    @Test
    void oneWorkingDayAfterSkartorsdagenIsTheTuesdayAfterEaster() {
      assertThat(kalender.laggTillArbetsdagar(parse("2026-04-02"), 1)).isEqualTo(parse("2026-04-07"));
      assertThat(kalender.laggTillArbetsdagar(parse("2027-03-25"), 1)).isEqualTo(parse("2027-03-30"));
      assertThat(kalender.laggTillArbetsdagar(parse("2025-04-17"), 1)).isEqualTo(parse("2025-04-22"));
    }

    @Test
    void oneWorkingDayAfterTheDayBeforeMidsommaraftonIsTheMondayAfter() {
      assertThat(kalender.laggTillArbetsdagar(parse("2026-06-18"), 1)).isEqualTo(parse("2026-06-22"));
      assertThat(kalender.laggTillArbetsdagar(parse("2027-06-24"), 1)).isEqualTo(parse("2027-06-28"));
    }

    @Test
    void countingStartsTheDayAfterEvenWhenStartIsAHoliday() {
      // from julafton 2026 (Thursday): 25, 26 dec holidays, 27 Sunday, 28 dec = 1st
      assertThat(kalender.laggTillArbetsdagar(parse("2026-12-24"), 1)).isEqualTo(parse("2026-12-28"));
    }

    @Test
    void zeroWorkingDaysIsTheSameDayOrTheNextWorkingDay() {
      assertThat(kalender.laggTillArbetsdagar(parse("2026-03-16"), 0)).isEqualTo(parse("2026-03-16"));
      assertThat(kalender.laggTillArbetsdagar(parse("2026-03-14"), 0)).isEqualTo(parse("2026-03-16"));
      assertThat(kalender.laggTillArbetsdagar(parse("2025-12-24"), 0)).isEqualTo(parse("2025-12-29"));
    }

    @Test
    void negativeWorkingDaysAreRejected() {
      assertThatThrownBy(() -> kalender.laggTillArbetsdagar(parse("2026-03-16"), -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
      assertThatThrownBy(() -> kalender.dragIfranArbetsdagar(parse("2026-03-16"), -1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingThenCountingGivesBackTheSameNumberOfWorkingDays() {
      LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2028, 1, 1))
          .filter(kalender::arArbetsdag)
          .forEach(fran -> {
            for (int n = 0; n <= 25; n += 5) {
              LocalDate till = kalender.laggTillArbetsdagar(fran, n);
              assertThat(kalender.arArbetsdag(till)).isTrue();
              assertThat(kalender.arbetsdagarMellan(fran, till)).as("%s + %d", fran, n).isEqualTo(n);
              assertThat(kalender.dragIfranArbetsdagar(till, n)).as("%s - %d", till, n).isEqualTo(fran);
            }
          });
    }
  }

  @Nested
  class DragIfranArbetsdagar {

    @Test
    void threeWorkingDaysBefore20260112Is20260107() {
      // 9, 8, 7 jan
      assertThat(kalender.dragIfranArbetsdagar(parse("2026-01-12"), 3)).isEqualTo(parse("2026-01-07"));
    }

    @Test
    void threeWorkingDaysBefore20260107SkipTrettondedagNyarsdagenAndNyarsafton() {
      // 5 jan, 2 jan, 30 dec
      assertThat(kalender.dragIfranArbetsdagar(parse("2026-01-07"), 3)).isEqualTo(parse("2025-12-30"));
    }

    @Test
    void oneWorkingDayBeforeTheTuesdayAfterEasterIsSkartorsdagen() {
      assertThat(kalender.dragIfranArbetsdagar(parse("2026-04-07"), 1)).isEqualTo(parse("2026-04-02"));
    }

    @Test
    void zeroWorkingDaysIsTheSameDayOrThePreviousWorkingDay() {
      assertThat(kalender.dragIfranArbetsdagar(parse("2026-03-16"), 0)).isEqualTo(parse("2026-03-16"));
      assertThat(kalender.dragIfranArbetsdagar(parse("2026-03-15"), 0)).isEqualTo(parse("2026-03-13"));
      assertThat(kalender.arbetsdagSammaEllerForegaende(parse("2026-06-21"))).isEqualTo(parse("2026-06-18"));
    }
  }

  @Nested
  class ArbetsdagarMellan {

    @Test
    void year2026Has251WorkingDays() {
      // 261 weekdays; on weekdays fall nyårsdagen, trettondedag jul, långfredag, annandag påsk,
      // första maj, Kristi himmelfärd, midsommarafton, julafton, juldagen and nyårsafton
      assertThat(kalender.arbetsdagarMellan(parse("2025-12-31"), parse("2026-12-31"))).isEqualTo(251);
    }

    @Test
    void startIsExcludedAndEndIncluded() {
      assertThat(kalender.arbetsdagarMellan(parse("2026-03-16"), parse("2026-03-16"))).isZero();
      assertThat(kalender.arbetsdagarMellan(parse("2026-03-16"), parse("2026-03-17"))).isEqualTo(1);
      assertThat(kalender.arbetsdagarMellan(parse("2026-03-13"), parse("2026-03-16"))).isEqualTo(1);
    }

    @Test
    void endBeforeStartGivesTheNegativeCount() {
      assertThat(kalender.arbetsdagarMellan(parse("2026-01-12"), parse("2025-12-19"))).isEqualTo(-10);
    }
  }

  @Test
  void sameOrNextWorkingDayMovesPastWholeChristmas() {
    assertThat(kalender.arbetsdagSammaEllerNasta(parse("2025-12-24"))).isEqualTo(parse("2025-12-29"));
    assertThat(kalender.arbetsdagSammaEllerNasta(parse("2025-12-31"))).isEqualTo(parse("2026-01-02"));
    assertThat(kalender.arbetsdagSammaEllerNasta(parse("2026-06-19"))).isEqualTo(parse("2026-06-22"));
    assertThat(kalender.arbetsdagSammaEllerNasta(parse("2026-03-18"))).isEqualTo(parse("2026-03-18"));
  }
}
