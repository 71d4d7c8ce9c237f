package se.stockholm.ks.kalender;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LagstadgadeFristerTest {

  private final LagstadgadeFrister frister = new LagstadgadeFrister(new Arbetsdagskalender());

  @Nested
  class Laglighetsprovning {

    @Test
    void anslag20260601GivesLastDay20260622AndLagaKraft20260623() {
      // three weeks from Monday 1 June is Monday 22 June (lag 1930:173 1 §), a working day
      assertThat(parse("2026-06-22").getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
      assertThat(frister.sistaDagForLaglighetsprovning(parse("2026-06-01"))).isEqualTo(parse("2026-06-22"));
      assertThat(frister.lagaKraftDatum(parse("2026-06-01"))).isEqualTo(parse("2026-06-23"));
    }

    @Test
    void periodEndingOnMidsommarafton2026EndsOnTheNextWorkingDay() {
      // anslag Friday 29 May → three weeks = midsommarafton 19 June → Monday 22 June (2 §)
      assertThat(frister.sistaDagForLaglighetsprovning(parse("2026-05-29"))).isEqualTo(parse("2026-06-22"));
      assertThat(frister.lagaKraftDatum(parse("2026-05-29"))).isEqualTo(parse("2026-06-23"));
    }

    @Test
    void periodEndingOnJulaftonEndsAfterTheChristmasHolidays() {
      // anslag Wednesday 3 Dec 2025 → 24 Dec; 25, 26 holidays, 27, 28 weekend → 29 Dec
      assertThat(frister.sistaDagForLaglighetsprovning(parse("2025-12-03"))).isEqualTo(parse("2025-12-29"));
    }

    @Test
    void periodEndingOnNyarsaftonEndsOnTheSecondOfJanuary() {
      assertThat(frister.sistaDagForLaglighetsprovning(parse("2025-12-10"))).isEqualTo(parse("2026-01-02"));
    }

    @Test
    void lagaKraftIsTheCalendarDayAfterTheLastDayEvenOnASaturday() {
      // last day Friday 2 Jan 2026 → laga kraft Saturday 3 Jan
      assertThat(frister.lagaKraftDatum(parse("2025-12-10"))).isEqualTo(parse("2026-01-03"));
    }

    @Test
    void periodEndingOnTrettondedagJulEndsTheDayAfter() {
      assertThat(frister.sistaDagForLaglighetsprovning(parse("2025-12-16"))).isEqualTo(parse("2026-01-07"));
    }

    @Test
    void anslagOnASaturdayEndsThreeWeeksLaterOnTheMonday() {
      // three weeks from Saturday 7 March is Saturday 28 March → Monday 30 March
      assertThat(frister.sistaDagForLaglighetsprovning(parse("2026-03-07"))).isEqualTo(parse("2026-03-30"));
    }
  }

  @Nested
  class Justering {

    @Test
    void justeringIsDueFourteenDaysAfterTheMeeting() {
      assertThat(frister.justeringSenast(parse("2026-03-18"))).isEqualTo(parse("2026-04-01"));
    }

    @Test
    void justeringDeadlineOnLangfredagMovesPastEasterToTuesday() {
      // meeting Friday 20 March 2026 → 3 April långfredag → 7 April (annandag påsk 6 April)
      assertThat(frister.justeringSenast(parse("2026-03-20"))).isEqualTo(parse("2026-04-07"));
    }

    @Test
    void justeringDeadlineOnAnnandagPaskMovesToTuesday() {
      // meeting Monday 15 March 2027 → 29 March annandag påsk → 30 March
      assertThat(frister.justeringSenast(parse("2027-03-15"))).isEqualTo(parse("2027-03-30"));
    }

    @Test
    void justeringDeadlineOnMidsommaraftonMovesToMonday() {
      assertThat(frister.justeringSenast(parse("2026-06-05"))).isEqualTo(parse("2026-06-22"));
    }

    @Test
    void justeringDeadlineOnKristiHimmelfardMovesToFriday() {
      // meeting Thursday 15 May 2025 → 29 May Kristi himmelfärd → Friday 30 May
      assertThat(frister.justeringSenast(parse("2025-05-15"))).isEqualTo(parse("2025-05-30"));
    }
  }

  @Nested
  class Anslag {

    @Test
    void anslagIsDueTwoDaysAfterJustering() {
      assertThat(frister.anslagSenast(parse("2026-03-30"))).isEqualTo(parse("2026-04-01"));
    }

    @Test
    void anslagDeadlineOnJulaftonMovesToTheMondayAfterChristmas() {
      assertThat(frister.anslagSenast(parse("2025-12-22"))).isEqualTo(parse("2025-12-29"));
    }

    @Test
    void anslagDeadlineOnLangfredagMovesToTheTuesdayAfterEaster() {
      assertThat(frister.anslagSenast(parse("2026-04-01"))).isEqualTo(parse("2026-04-07"));
    }

    @Test
    void anslagDeadlineOnASundayMovesToMonday() {
      assertThat(frister.anslagSenast(parse("2026-03-13"))).isEqualTo(parse("2026-03-16"));
    }
  }
}
