package se.stockholm.ks.bevakning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Median, nearest-rank percentile and the end of the week, by hand. */
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
}
