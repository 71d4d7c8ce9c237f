package se.stockholm.ks.kalender;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * The periods the law sets for the protokoll and the appeal of a kommunstyrelsen decision. All
 * inputs and outputs are calendar dates in Europe/Stockholm.
 *
 * <p>Periods are counted as lag (1930:173) om beräkning av lagstadgad tid says: a period in
 * weeks ends on the day with the same weekday as the day the count starts from (1 §); a period
 * in days ends that many calendar days later; and when the last day falls on a Saturday, a
 * Sunday, another public holiday, midsommarafton, julafton or nyårsafton, the action may be
 * taken on the next working day (2 §), which is then the last day.
 */
@Component
public class LagstadgadeFrister {

  /** Kommunallagen 13 kap 5 §: three weeks for laglighetsprövning. */
  static final int VECKOR_FOR_LAGLIGHETSPROVNING = 3;
  /** Kommunallagen 5 kap 69 § (for nämnder through 6 kap 35 §): justering within 14 days. */
  static final int DAGAR_TILL_JUSTERING = 14;
  /** Kommunallagen 8 kap 12 §: anslag at the latest two days after justering. */
  static final int DAGAR_TILL_ANSLAG = 2;

  private final Arbetsdagskalender kalender;

  /**
   * @param kalender the working-day calendar that decides where a period may end
   */
  public LagstadgadeFrister(Arbetsdagskalender kalender) {
    this.kalender = kalender;
  }

  /**
   * The last day on which an appeal (laglighetsprövning) can reach förvaltningsrätten: three
   * weeks from the day it was announced on the anslagstavla that the protokoll was justerat
   * (kommunallagen 13 kap 5 §), i.e. the same weekday three weeks later, moved to the next
   * working day if that is not one (lag (1930:173) 1–2 §§). Example: anslag Monday 2026-06-01 →
   * Monday 2026-06-22.
   *
   * @param anslagsdatum the date the justering was announced on the anslagstavla
   * @return the last day for laglighetsprövning, a working day
   */
  public LocalDate sistaDagForLaglighetsprovning(LocalDate anslagsdatum) {
    Objects.requireNonNull(anslagsdatum, "anslagsdatum");
    return kalender.arbetsdagSammaEllerNasta(anslagsdatum.plusWeeks(VECKOR_FOR_LAGLIGHETSPROVNING));
  }

  /**
   * The last day to justera the protokoll: 14 calendar days after the meeting (kommunallagen
   * 5 kap 69 §, applied to kommunstyrelsen through 6 kap 35 §), moved to the next working day if
   * that is not one (lag (1930:173) 2 §).
   *
   * @param sammantradesdatum the date of the meeting
   * @return the last day for justering, a working day
   */
  public LocalDate justeringSenast(LocalDate sammantradesdatum) {
    Objects.requireNonNull(sammantradesdatum, "sammantradesdatum");
    return kalender.arbetsdagSammaEllerNasta(sammantradesdatum.plusDays(DAGAR_TILL_JUSTERING));
  }

  /**
   * The last day to announce the justering on the anslagstavla: two calendar days after the
   * justering (kommunallagen 8 kap 12 §), moved to the next working day if that is not one
   * (lag (1930:173) 2 §).
   *
   * @param justeringsdatum the date the protokoll was justerat
   * @return the last day for the anslag, a working day
   */
  public LocalDate anslagSenast(LocalDate justeringsdatum) {
    Objects.requireNonNull(justeringsdatum, "justeringsdatum");
    return kalender.arbetsdagSammaEllerNasta(justeringsdatum.plusDays(DAGAR_TILL_ANSLAG));
  }

  /**
   * The day the decision gains laga kraft when nobody has appealed: the calendar day after
   * {@link #sistaDagForLaglighetsprovning} (it may be a Saturday). An appeal posted in time may
   * still reach the kommun later; this date says only that the period has run out.
   *
   * @param anslagsdatum the date the justering was announced on the anslagstavla
   * @return the first day after the period for laglighetsprövning
   */
  public LocalDate lagaKraftDatum(LocalDate anslagsdatum) {
    return sistaDagForLaglighetsprovning(anslagsdatum).plusDays(1);
  }
}
