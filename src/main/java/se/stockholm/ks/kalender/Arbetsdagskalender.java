package se.stockholm.ks.kalender;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import org.springframework.stereotype.Component;

/**
 * The Swedish working-day calendar of the process. All dates are calendar dates in
 * Europe/Stockholm (no time of day).
 *
 * <p>A working day (arbetsdag) is Monday to Friday, except
 * <ul>
 *   <li>the public holidays (allmänna helgdagar, lagen (1989:253) om allmänna helgdagar, and
 *       första maj, which that law puts on a par with them) as jollyday's Swedish calendar gives
 *       them ({@link HolidayType#PUBLIC_HOLIDAY}), and</li>
 *   <li>midsommarafton, julafton and nyårsafton: not public holidays by law, but days off in
 *       practice and treated as holidays by lag (1930:173) om beräkning av lagstadgad tid, 2 §.
 *       Jollyday 2.19 lists them too; the calendar adds them by rule anyway (midsommarafton is
 *       the Friday between 19 and 25 June, julafton 24 December, nyårsafton 31 December) so
 *       that a library release that drops or reclassifies them does not change our deadlines.</li>
 * </ul>
 *
 * <p>The holidays of a year are computed once and cached; the methods are cheap and thread-safe.
 */
@Component
public class Arbetsdagskalender {

  static final Locale SVENSKA = Locale.forLanguageTag("sv-SE");
  static final String MIDSOMMARAFTON = "Midsommarafton";
  static final String JULAFTON = "Julafton";
  static final String NYARSAFTON = "Nyårsafton";

  private final HolidayManager helgdagar;
  private final Map<Integer, Map<LocalDate, String>> helgdagarPerAr = new ConcurrentHashMap<>();

  /** Creates the calendar on jollyday's Swedish holiday calendar. */
  public Arbetsdagskalender() {
    this.helgdagar = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
  }

  /**
   * @param dag a date
   * @return true when {@code dag} is Monday to Friday and neither a public holiday nor
   *     midsommarafton, julafton or nyårsafton
   */
  public boolean arArbetsdag(LocalDate dag) {
    Objects.requireNonNull(dag, "dag");
    DayOfWeek veckodag = dag.getDayOfWeek();
    return veckodag != DayOfWeek.SATURDAY
        && veckodag != DayOfWeek.SUNDAY
        && !helgdagarAr(dag.getYear()).containsKey(dag);
  }

  /**
   * The Swedish name of the holiday on a date.
   *
   * @param dag a date
   * @return e.g. {@code "Långfredag"}, {@code "Midsommarafton"}, {@code "Julafton"}; empty on any
   *     other day, including ordinary Saturdays and Sundays
   */
  public Optional<String> helgdag(LocalDate dag) {
    Objects.requireNonNull(dag, "dag");
    return Optional.ofNullable(helgdagarAr(dag.getYear()).get(dag));
  }

  /**
   * @param dag a date
   * @return {@code dag} itself when it is a working day, otherwise the next working day after it
   */
  public LocalDate arbetsdagSammaEllerNasta(LocalDate dag) {
    Objects.requireNonNull(dag, "dag");
    LocalDate d = dag;
    while (!arArbetsdag(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /**
   * @param dag a date
   * @return {@code dag} itself when it is a working day, otherwise the last working day before it
   */
  public LocalDate arbetsdagSammaEllerForegaende(LocalDate dag) {
    Objects.requireNonNull(dag, "dag");
    LocalDate d = dag;
    while (!arArbetsdag(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /**
   * Adds working days: the n-th working day after {@code fran}, counting from the day after
   * {@code fran} ({@code fran} itself is day 0 whatever it is). Example: from Friday 2025-12-19,
   * 10 working days is Monday 2026-01-12.
   *
   * @param fran the start date (need not be a working day)
   * @param arbetsdagar n, in working days, at least 0; 0 gives {@link #arbetsdagSammaEllerNasta}
   * @return a working day
   * @throws IllegalArgumentException when {@code arbetsdagar} is negative
   */
  public LocalDate laggTillArbetsdagar(LocalDate fran, int arbetsdagar) {
    Objects.requireNonNull(fran, "fran");
    kravIckeNegativ(arbetsdagar);
    if (arbetsdagar == 0) {
      return arbetsdagSammaEllerNasta(fran);
    }
    LocalDate d = fran;
    int kvar = arbetsdagar;
    while (kvar > 0) {
      d = d.plusDays(1);
      if (arArbetsdag(d)) {
        kvar--;
      }
    }
    return d;
  }

  /**
   * Subtracts working days: the n-th working day before {@code fran}, counting from the day
   * before {@code fran}.
   *
   * @param fran the start date (need not be a working day)
   * @param arbetsdagar n, in working days, at least 0; 0 gives
   *     {@link #arbetsdagSammaEllerForegaende}
   * @return a working day
   * @throws IllegalArgumentException when {@code arbetsdagar} is negative
   */
  public LocalDate dragIfranArbetsdagar(LocalDate fran, int arbetsdagar) {
    Objects.requireNonNull(fran, "fran");
    kravIckeNegativ(arbetsdagar);
    if (arbetsdagar == 0) {
      return arbetsdagSammaEllerForegaende(fran);
    }
    LocalDate d = fran;
    int kvar = arbetsdagar;
    while (kvar > 0) {
      d = d.minusDays(1);
      if (arArbetsdag(d)) {
        kvar--;
      }
    }
    return d;
  }

  /**
   * Counts the working days d with {@code franExklusive < d <= tillInklusive}. For a working day
   * {@code fran}, {@code arbetsdagarMellan(fran, laggTillArbetsdagar(fran, n)) == n}.
   *
   * @param franExklusive the first date, not counted
   * @param tillInklusive the last date, counted
   * @return the number of working days; negative (the count the other way round) when
   *     {@code tillInklusive} is before {@code franExklusive}
   */
  public int arbetsdagarMellan(LocalDate franExklusive, LocalDate tillInklusive) {
    Objects.requireNonNull(franExklusive, "franExklusive");
    Objects.requireNonNull(tillInklusive, "tillInklusive");
    if (tillInklusive.isBefore(franExklusive)) {
      return -arbetsdagarMellan(tillInklusive, franExklusive);
    }
    int antal = 0;
    for (LocalDate d = franExklusive.plusDays(1); !d.isAfter(tillInklusive); d = d.plusDays(1)) {
      if (arArbetsdag(d)) {
        antal++;
      }
    }
    return antal;
  }

  private Map<LocalDate, String> helgdagarAr(int ar) {
    return helgdagarPerAr.computeIfAbsent(ar, this::beraknaHelgdagar);
  }

  private Map<LocalDate, String> beraknaHelgdagar(int ar) {
    Map<LocalDate, String> resultat = new TreeMap<>();
    for (Holiday helgdag : helgdagar.getHolidays(Year.of(ar), HolidayType.PUBLIC_HOLIDAY)) {
      resultat.merge(helgdag.getDate(), helgdag.getDescription(SVENSKA), (a, b) -> a + ", " + b);
    }
    deFactoHelgdagar(ar).forEach(resultat::putIfAbsent);
    return Map.copyOf(resultat);
  }

  /**
   * The days that lag (1930:173) 2 § treats like holidays without being allmänna helgdagar:
   * midsommarafton (the Friday between 19 and 25 June), julafton and nyårsafton.
   */
  static Map<LocalDate, String> deFactoHelgdagar(int ar) {
    LocalDate midsommarafton = LocalDate.of(ar, Month.JUNE, 19)
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    return Map.of(
        midsommarafton, MIDSOMMARAFTON,
        LocalDate.of(ar, Month.DECEMBER, 24), JULAFTON,
        LocalDate.of(ar, Month.DECEMBER, 31), NYARSAFTON);
  }

  private static void kravIckeNegativ(int arbetsdagar) {
    if (arbetsdagar < 0) {
      throw new IllegalArgumentException(
          "Antalet arbetsdagar får inte vara negativt: " + arbetsdagar);
    }
  }
}
