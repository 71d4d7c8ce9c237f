package se.stockholm.ks.kalender;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FristerTest {

  private static final Arbetsdagskalender KALENDER = new Arbetsdagskalender();

  /** remisstid 15, påminnelse 3, särskilt uttalande 2, promemoria 20, lead times 3 + 3, 07:00. */
  private static final FristInstallningar INSTALLNINGAR =
      new FristInstallningar(15, 3, 2, 20, 3, 3, LocalTime.of(7, 0), 2);

  private final Frister frister = new Frister(KALENDER, new LagstadgadeFrister(KALENDER),
      new Sammantraden(SammantradenTest.varen2026(), INSTALLNINGAR, KALENDER), INSTALLNINGAR);

  /** A point in time written as Stockholm local time, e.g. {@code 2026-01-12T07:00}. */
  private static Date stockholm(String lokalTid) {
    return Date.from(LocalDateTime.parse(lokalTid).atZone(Frister.TIDSZON).toInstant());
  }

  private static void klockanAr(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  @AfterEach
  void aterstallKlockan() {
    ClockUtil.reset();
  }

  @Nested
  class Idag {

    @Test
    void svarsdatumIsProposedFifteenWorkingDaysFromTheEngineClock() {
      klockanAr("2025-12-19T09:00:00Z");
      // 22, 23, 29, 30 dec, 2, 5, 7, 8, 9, 12, 13, 14, 15, 16, 19 jan
      assertThat(frister.svarsdatumForslag()).isEqualTo("2026-01-19");
    }

    @Test
    void todayIsTheStockholmDateNotTheUtcDate() {
      // 23:30 UTC on 18 December is 00:30 on 19 December in Stockholm
      klockanAr("2025-12-18T23:30:00Z");
      assertThat(frister.idag()).isEqualTo(parse("2025-12-19"));
      assertThat(frister.svarsdatumForslag()).isEqualTo("2026-01-19");

      // 21:30 UTC on 18 June is 23:30 the same day in Stockholm (summer time, UTC+2)
      klockanAr("2026-06-18T21:30:00Z");
      assertThat(frister.idag()).isEqualTo(parse("2026-06-18"));
    }

    @Test
    void movingTheEngineClockMovesTheProposal() {
      klockanAr("2026-03-02T08:00:00Z");
      String forst = frister.svarsdatumForslag();
      klockanAr("2026-03-03T08:00:00Z");
      assertThat(frister.svarsdatumForslag()).isEqualTo("2026-03-24").isNotEqualTo(forst);
    }

    @Test
    void promemoriaStartedOn20260204IsDueTwentyWorkingDaysLaterOn20260304() {
      klockanAr("2026-02-04T08:00:00Z");
      assertThat(frister.promemoriaSenast()).isEqualTo("2026-03-04");
    }
  }

  @Nested
  class Tidpunkter {

    @Test
    void timerFiresOnTheDateAtTheConfiguredHourInStockholm() {
      assertThat(frister.tidpunkt("2026-01-12")).isEqualTo(stockholm("2026-01-12T07:00"));
      assertThat(frister.tidpunkt("2026-01-12").toInstant()).isEqualTo(Instant.parse("2026-01-12T06:00:00Z"));
      // summer time
      assertThat(frister.tidpunkt(parse("2026-06-22")).toInstant()).isEqualTo(Instant.parse("2026-06-22T05:00:00Z"));
    }

    @Test
    void taskDueOnSvarsdatumIsDueAtTheLastSecondOfThatDay() {
      assertThat(frister.slutetAvDagen(parse("2026-01-12"))).isEqualTo(stockholm("2026-01-12T23:59:59"));
      assertThat(frister.slutetAvDagen("2026-01-12T00:00:00+01:00")).isEqualTo(stockholm("2026-01-12T23:59:59"));
    }

    @Test
    void reminderFiresThreeWorkingDaysBeforeSvarsdatumAtSevenInTheMorning() {
      assertThat(frister.paminnelsetid("2026-01-12")).isEqualTo(stockholm("2026-01-07T07:00"));
    }

    @Test
    void reminderBeforeAnEarlyJanuarySvarsdatumSkipsTheHolidays() {
      // svarsdatum 7 Jan 2026: 5 Jan, (trettondedag), 2 Jan, (nyårsdagen, nyårsafton), 30 Dec
      assertThat(frister.paminnelsetid(parse("2026-01-07"))).isEqualTo(stockholm("2025-12-30T07:00"));
    }

    @Test
    void escalationFiresOnTheFirstWorkingDayAfterSvarsdatumNotOnSvarsdatum() {
      Date svarsdatumsSlut = frister.slutetAvDagen("2026-01-12");
      Date eskalering = frister.svarsdatumPasserat("2026-01-12");

      assertThat(eskalering).isEqualTo(stockholm("2026-01-13T07:00"));
      assertThat(eskalering).isAfter(svarsdatumsSlut);
    }

    @Test
    void escalationAfterASvarsdatumBeforeChristmasFiresAfterTheHolidays() {
      Date svarsdatum = stockholm("2025-12-23T00:00");
      assertThat(frister.svarsdatumPasserat(svarsdatum)).isEqualTo(stockholm("2025-12-29T07:00"));
    }

    @Test
    void caseClosesTheMorningAfterTheLastDayForLaglighetsprovning() {
      // anslag 1 June 2026 → last day 22 June → closes 23 June 07:00 (summer time)
      assertThat(frister.laglighetsprovningUtgangen("2026-06-01")).isEqualTo(stockholm("2026-06-23T07:00"));
    }

    @Test
    void configuredHourIsUsedForEveryTimer() {
      FristInstallningar klockanNio = new FristInstallningar(15, 3, 2, 20, 3, 3, LocalTime.of(9, 30), 2);
      Frister nio = new Frister(KALENDER, new LagstadgadeFrister(KALENDER),
          new Sammantraden(SammantradenTest.varen2026(), klockanNio, KALENDER), klockanNio);

      assertThat(nio.tidpunkt("2026-01-12")).isEqualTo(stockholm("2026-01-12T09:30"));
      assertThat(nio.paminnelsetid("2026-01-12")).isEqualTo(stockholm("2026-01-07T09:30"));
      assertThat(nio.svarsdatumPasserat("2026-01-12")).isEqualTo(stockholm("2026-01-13T09:30"));
      assertThat(nio.laglighetsprovningUtgangen("2026-06-01")).isEqualTo(stockholm("2026-06-23T09:30"));
    }
  }

  @Nested
  class Datum {

    @Test
    void sarskiltUttalandeIsDueTwoWorkingDaysBeforeTheKsMeeting() {
      assertThat(frister.sarskiltUttalandeSistaDag("2026-03-18")).isEqualTo("2026-03-16");
      // KS 31 March 2027: 30 March, (annandag påsk, weekend, långfredag), 25 March
      assertThat(frister.sarskiltUttalandeSistaDag(parse("2027-03-31"))).isEqualTo("2027-03-25");
    }

    @Test
    void legalPeriodsAreGivenAsIsoDates() {
      assertThat(frister.justeringSenast("2026-03-18")).isEqualTo("2026-04-01");
      assertThat(frister.anslagSenast("2026-04-01")).isEqualTo("2026-04-07");
      assertThat(frister.sistaDagForLaglighetsprovning("2026-06-01")).isEqualTo("2026-06-22");
    }

    @Test
    void meetingsOfTheRealCaseAreFoundFromStrings() {
      String brb = frister.forstaBrbSammantrade("2026-03-04");
      assertThat(brb).isEqualTo("2026-03-11");
      assertThat(frister.forstaKsSammantrade(brb)).isEqualTo("2026-03-18");
      assertThat(frister.nastaBrbSammantrade(brb)).isEqualTo("2026-04-01");
      assertThat(frister.nastaKsSammantrade("2026-03-18")).isEqualTo("2026-04-08");
    }

    @Test
    void meetingOutsideThePlanReachesTheModelAsSammantradeSaknas() {
      assertThatThrownBy(() -> frister.nastaKsSammantrade("2026-04-22"))
          .isInstanceOf(SammantradeSaknasException.class)
          .hasMessageContaining("ks.sammantradesplan.kommunstyrelsen");
    }
  }

  @Nested
  class Tolkning {

    @ParameterizedTest(name = "\"{0}\" är 2025-12-19")
    @ValueSource(strings = {
        "2025-12-19",
        "  2025-12-19 ",
        "2025-12-19T00:00:00+01:00",
        "2025-12-19T23:59:59+01:00",
        "2025-12-18T23:00:00Z",
        "2025-12-18T23:00:00.000Z",
        "2025-12-19T00:00:00.000+0100",
        "2025-12-19T00:00+01:00[Europe/Stockholm]",
        "2025-12-19T10:15",
        "2025-12-19T10:15:30",
    })
    void isoStringsAreReadAsTheStockholmDate(String text) {
      assertThat(frister.datum(text)).isEqualTo(parse("2025-12-19"));
    }

    @Test
    void utcMidnightIsStillTheSameDayInStockholm() {
      assertThat(frister.datum("2025-12-19T00:00:00Z")).isEqualTo(parse("2025-12-19"));
      assertThat(frister.datum("2025-12-19T23:30:00Z")).isEqualTo(parse("2025-12-20"));
    }

    @Test
    void javaTimeAndDateValuesAreReadInStockholm() {
      assertThat(frister.datum(parse("2025-12-19"))).isEqualTo(parse("2025-12-19"));
      assertThat(frister.datum(Date.from(Instant.parse("2025-12-18T23:30:00Z")))).isEqualTo(parse("2025-12-19"));
      assertThat(frister.datum(java.sql.Date.valueOf("2025-12-19"))).isEqualTo(parse("2025-12-19"));
      assertThat(frister.datum(Instant.parse("2025-12-18T23:30:00Z"))).isEqualTo(parse("2025-12-19"));
      assertThat(frister.datum(OffsetDateTime.parse("2025-12-18T23:30:00Z"))).isEqualTo(parse("2025-12-19"));
      assertThat(frister.datum(ZonedDateTime.parse("2025-12-18T23:30:00Z"))).isEqualTo(parse("2025-12-19"));
      assertThat(frister.datum(LocalDateTime.parse("2025-12-19T23:30"))).isEqualTo(parse("2025-12-19"));
    }

    @Test
    void everyMethodAcceptsStringDateAndLocalDateAlike() {
      Date somDate = stockholm("2026-01-12T00:00");
      assertThat(frister.paminnelsetid(somDate))
          .isEqualTo(frister.paminnelsetid("2026-01-12"))
          .isEqualTo(frister.paminnelsetid(parse("2026-01-12")));
      assertThat(frister.sarskiltUttalandeSistaDag(stockholm("2026-03-18T00:00")))
          .isEqualTo(frister.sarskiltUttalandeSistaDag("2026-03-18T00:00:00+01:00"));
    }

    @ParameterizedTest(name = "\"{0}\" är inget datum")
    @ValueSource(strings = {"19/12/2025", "2025-02-30", "i morgon", "20251219", "2025-12-19T25:00"})
    void textThatIsNoDateIsRejectedWithASwedishMessageNamingIt(String text) {
      assertThatThrownBy(() -> frister.datum(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Kan inte tolka \"" + text + "\" som ett datum. "
              + "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-12-19.");
    }

    @Test
    void blankNullAndOtherTypesAreRejected() {
      assertThatThrownBy(() -> frister.datum(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Kan inte tolka \"\" som ett datum.");
      assertThatThrownBy(() -> frister.datum(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Datum saknas");
      assertThatThrownBy(() -> frister.datum(20251219))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Kan inte tolka \"20251219\" (Integer) som ett datum.");
    }

    @Test
    void timerWithAnUnreadableDateFailsInsteadOfGuessing() {
      assertThatThrownBy(() -> frister.paminnelsetid("snart"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"snart\"");
    }
  }
}
