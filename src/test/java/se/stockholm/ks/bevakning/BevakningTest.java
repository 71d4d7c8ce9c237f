package se.stockholm.ks.bevakning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import se.stockholm.ks.kalender.Arbetsdagskalender;

/** Median, nearest-rank percentile, the end of the week by hand, and the fast working-day count against the calendar's. */
class BevakningTest {

  @Test
  void medianAndPercentile() {
    assertThat(Bevakning.median(List.of())).isNull();
    assertThat(Bevakning.percentil(List.of(), 90)).isNull();
    assertThat(Bevakning.median(List.of(7))).isEqualTo(7.0);
    assertThat(Bevakning.percentil(List.of(7), 90)).isEqualTo(7);
    assertThat(Bevakning.median(List.of(1, 2, 3, 4))).isEqualTo(2.5);
    assertThat(Bevakning.median(List.of(1, 2, 9))).isEqualTo(2.0);
    // nearest rank: ceil(0.9 * 10) = 9th value
    assertThat(Bevakning.percentil(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).isEqualTo(9);
    // ceil(0.9 * 11) = 10th value
    assertThat(Bevakning.percentil(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90)).isEqualTo(10);
  }

  @Test
  void theWeekEndsAtMidnightAfterSundayInStockholm() {
    // Wednesday 2026-03-04 10:00 in Stockholm
    assertThat(Bevakning.veckansSlut(OffsetDateTime.parse("2026-03-04T10:00:00+01:00")).toString())
        .isEqualTo("2026-03-09T00:00+01:00[Europe/Stockholm]");
    // Sunday 23:30 UTC is already Monday in Stockholm: next week's end
    assertThat(Bevakning.veckansSlut(OffsetDateTime.parse("2026-03-08T23:30:00Z")).toString())
        .isEqualTo("2026-03-16T00:00+01:00[Europe/Stockholm]");
  }

  @Test
  void theWorkingDayCounterCountsAsTheCalendar() {
    Arbetsdagskalender kalender = new Arbetsdagskalender();
    LocalDate bas = LocalDate.of(2025, 11, 1);
    Bevakning.Arbetsdagsraknare raknare = new Bevakning.Arbetsdagsraknare(kalender, bas);
    // inkom Wednesday 2025-11-26 to avslutat 2026-04-17: 94 working days (BevakningIT counts them by hand)
    assertThat(raknare.mellan(LocalDate.of(2025, 11, 26), LocalDate.of(2026, 4, 17))).isEqualTo(94);
    // julafton, juldagen, annandag jul, a weekend: Monday 2025-12-29 is the first working day after the 23rd
    assertThat(raknare.mellan(LocalDate.of(2025, 12, 23), LocalDate.of(2025, 12, 29))).as("jul").isEqualTo(1);
    Random r = new Random(20);
    for (int i = 0; i < 2_000; i++) {
      LocalDate a = bas.plusDays(r.nextInt(4_000) - 30);
      LocalDate b = a.plusDays(r.nextInt(800) - 100);
      assertThat(raknare.mellan(a, b)).as(a + " – " + b).isEqualTo(kalender.arbetsdagarMellan(a, b));
    }
  }

  @Test
  void theMilestoneIndexHoldsTheMilestonesEvents() {
    List<String> typer = java.util.Arrays.stream(Bevakning.Milstolpe.values()).map(m -> m.handelse().name()).toList();
    assertThat(db.migration.V18__Bevakningsindex.MILSTOLPAR).as("V18's partial index").isEqualTo(typer);
    // the types are written into the statement as the index's condition lists them
    assertThat(Bevakning.LEDTIDER_HANDELSER).contains("h.handelsetyp in ('FORDELAT', 'REMITTERAT', "
        + "'PROMEMORIA_UPPRATTAD', 'BRB_TILLSTYRKT', 'KS_BESLUT', 'AVSLUTAT')");
  }
}
