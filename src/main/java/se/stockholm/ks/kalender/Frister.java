package se.stockholm.ks.kalender;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import se.stockholm.ks.SkrivelseApplication;

/**
 * The deadlines as the BPMN models ask for them, e.g.
 * {@code camunda:dueDate="${frister.slutetAvDagen(svarsdatum)}"} or a timer
 * {@code ${frister.paminnelsetid(svarsdatum)}}. One place for every rule behind a due date or a
 * timer; the rules themselves live in {@link Arbetsdagskalender}, {@link LagstadgadeFrister},
 * {@link Sammantraden} and {@link FristInstallningar}.
 *
 * <p>Arguments are {@code Object} because process variables come in several shapes: a
 * {@link LocalDate}, a {@link Date} (a Camunda Date variable), or a String (Camunda Forms and
 * REST deliver dates as ISO strings, {@code "2025-12-19"} or {@code "2025-12-19T00:00:00+01:00"});
 * see {@link #datum(Object)}. Dates are returned as ISO strings ({@code "2026-01-12"}), which is
 * what a process variable and a form field hold; points in time as {@link Date} for timers and
 * due dates. Everything is in {@value SkrivelseApplication#TIME_ZONE}.
 *
 * <p>"Today" is the process engine's clock ({@link ClockUtil#getCurrentTime()}), so a process
 * test that moves the engine clock moves the deadlines with it.
 */
@Component("frister")
public class Frister {

  /** The time zone of every business date and timer. */
  public static final ZoneId TIDSZON = ZoneId.of(SkrivelseApplication.TIME_ZONE);

  /** The last second of a day, for due dates: a task due on a day is not overdue during it. */
  static final LocalTime DAGENS_SLUT = LocalTime.of(23, 59, 59);

  /** Camunda's REST date format, {@code 2025-12-19T00:00:00.000+0100}. */
  private static final DateTimeFormatter CAMUNDA_REST =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

  /** How a date string is read, in order; a value with an offset or zone is moved to Stockholm. */
  private static final List<Function<String, LocalDate>> TOLKNINGAR = List.of(
      LocalDate::parse,
      s -> OffsetDateTime.parse(s).atZoneSameInstant(TIDSZON).toLocalDate(),
      s -> ZonedDateTime.parse(s).withZoneSameInstant(TIDSZON).toLocalDate(),
      s -> OffsetDateTime.parse(s, CAMUNDA_REST).atZoneSameInstant(TIDSZON).toLocalDate(),
      s -> LocalDateTime.parse(s).toLocalDate());

  private final Arbetsdagskalender kalender;
  private final LagstadgadeFrister lagstadgade;
  private final Sammantraden sammantraden;
  private final FristInstallningar installningar;

  /**
   * @param kalender the working-day calendar
   * @param lagstadgade the legal periods
   * @param sammantraden the meeting look-up
   * @param installningar the configured deadlines
   */
  public Frister(Arbetsdagskalender kalender, LagstadgadeFrister lagstadgade,
                 Sammantraden sammantraden, FristInstallningar installningar) {
    this.kalender = kalender;
    this.lagstadgade = lagstadgade;
    this.sammantraden = sammantraden;
    this.installningar = installningar;
  }

  /** @return today's date in Europe/Stockholm by the process engine's clock */
  public LocalDate idag() {
    return ClockUtil.getCurrentTime().toInstant().atZone(TIDSZON).toLocalDate();
  }

  /**
   * The proposed svarsdatum of a new remiss: today plus {@code ks.frister.remisstid} working
   * days.
   *
   * @return an ISO date, e.g. {@code "2026-01-19"}
   */
  public String svarsdatumForslag() {
    return kalender.laggTillArbetsdagar(idag(), installningar.remisstid()).toString();
  }

  /**
   * When a date timer fires: the date at {@code ks.frister.timer-klockslag} in Europe/Stockholm.
   *
   * @param datum a date, see {@link #datum(Object)}
   * @return the point in time
   * @throws IllegalArgumentException when {@code datum} is not a date
   */
  public Date tidpunkt(Object datum) {
    return vid(datum(datum), installningar.timerKlockslag());
  }

  /**
   * A task's due date: the date at 23:59:59 in Europe/Stockholm, so that a task due on svarsdatum
   * is not shown as overdue during that day.
   *
   * @param datum a date, see {@link #datum(Object)}
   * @return the point in time
   * @throws IllegalArgumentException when {@code datum} is not a date
   */
  public Date slutetAvDagen(Object datum) {
    return vid(datum(datum), DAGENS_SLUT);
  }

  /**
   * The reminder before svarsdatum: {@code ks.frister.paminnelse-fore} working days before
   * svarsdatum, at the timer hour.
   *
   * @param svarsdatum the remiss' svarsdatum, see {@link #datum(Object)}
   * @return the point in time
   * @throws IllegalArgumentException when {@code svarsdatum} is not a date
   */
  public Date paminnelsetid(Object svarsdatum) {
    LocalDate dag = kalender.dragIfranArbetsdagar(datum(svarsdatum), installningar.paminnelseFore());
    return vid(dag, installningar.timerKlockslag());
  }

  /**
   * When a missed svarsdatum is escalated: the first working day after svarsdatum at the timer
   * hour (the remissinstans has all of svarsdatum to answer).
   *
   * @param svarsdatum the remiss' svarsdatum, see {@link #datum(Object)}
   * @return the point in time
   * @throws IllegalArgumentException when {@code svarsdatum} is not a date
   */
  public Date svarsdatumPasserat(Object svarsdatum) {
    return vid(kalender.laggTillArbetsdagar(datum(svarsdatum), 1), installningar.timerKlockslag());
  }

  /**
   * The last day to hand in a särskilt uttalande: {@code ks.frister.sarskilt-uttalande-fore}
   * working days before the kommunstyrelsen meeting.
   *
   * @param ksSammantrade the date of the kommunstyrelsen meeting, see {@link #datum(Object)}
   * @return an ISO date
   * @throws IllegalArgumentException when {@code ksSammantrade} is not a date
   */
  public String sarskiltUttalandeSistaDag(Object ksSammantrade) {
    return kalender.dragIfranArbetsdagar(datum(ksSammantrade),
        installningar.sarskiltUttalandeFore()).toString();
  }

  /**
   * When a task of KS kansli created today is due ("Fördela ärendet", "Hantera försenat remissvar",
   * "Ange sammanträde för BRB/KS"): today plus {@code ks.frister.kansli} working days.
   *
   * @return an ISO date
   */
  public String kansliSenast() {
    return kalender.laggTillArbetsdagar(idag(), installningar.kansli()).toString();
  }

  /**
   * When the promemoria is due: today plus {@code ks.frister.promemoriatid} working days.
   *
   * @return an ISO date
   */
  public String promemoriaSenast() {
    return kalender.laggTillArbetsdagar(idag(), installningar.promemoriatid()).toString();
  }

  /**
   * When the period for laglighetsprövning has run out and the case may close:
   * {@link LagstadgadeFrister#lagaKraftDatum} at the timer hour.
   *
   * @param anslagsdatum the date of the anslag, see {@link #datum(Object)}
   * @return the point in time
   * @throws IllegalArgumentException when {@code anslagsdatum} is not a date
   */
  public Date laglighetsprovningUtgangen(Object anslagsdatum) {
    return vid(lagstadgade.lagaKraftDatum(datum(anslagsdatum)), installningar.timerKlockslag());
  }

  /**
   * The last day for laglighetsprövning, for the protokollsutdrag and the task
   * ({@link LagstadgadeFrister#sistaDagForLaglighetsprovning}, kommunallagen 13 kap 5 §).
   *
   * @param anslagsdatum the date of the anslag, see {@link #datum(Object)}
   * @return an ISO date
   * @throws IllegalArgumentException when {@code anslagsdatum} is not a date
   */
  public String sistaDagForLaglighetsprovning(Object anslagsdatum) {
    return lagstadgade.sistaDagForLaglighetsprovning(datum(anslagsdatum)).toString();
  }

  /**
   * The last day for justering ({@link LagstadgadeFrister#justeringSenast}, kommunallagen 5 kap
   * 69 §).
   *
   * @param sammantradesdatum the date of the meeting, see {@link #datum(Object)}
   * @return an ISO date
   * @throws IllegalArgumentException when {@code sammantradesdatum} is not a date
   */
  public String justeringSenast(Object sammantradesdatum) {
    return lagstadgade.justeringSenast(datum(sammantradesdatum)).toString();
  }

  /**
   * The last day for the anslag ({@link LagstadgadeFrister#anslagSenast}, kommunallagen 8 kap
   * 12 §).
   *
   * @param justeringsdatum the date of the justering, see {@link #datum(Object)}
   * @return an ISO date
   * @throws IllegalArgumentException when {@code justeringsdatum} is not a date
   */
  public String anslagSenast(Object justeringsdatum) {
    return lagstadgade.anslagSenast(datum(justeringsdatum)).toString();
  }

  /**
   * The borgarrådsberedningen meeting a finished promemoria goes to
   * ({@link Sammantraden#forstaBrbSammantrade}).
   *
   * @param redo the date the promemoria was finished, see {@link #datum(Object)}
   * @return an ISO date
   * @throws SammantradeSaknasException when the sammanträdesplan does not cover the date
   * @throws IllegalArgumentException when {@code redo} is not a date
   */
  public String forstaBrbSammantrade(Object redo) {
    return sammantraden.forstaBrbSammantrade(datum(redo)).toString();
  }

  /**
   * The borgarrådsberedningen meeting after a bordläggning
   * ({@link Sammantraden#nastaBrbSammantrade}).
   *
   * @param efter the meeting that postponed the ärende, see {@link #datum(Object)}
   * @return an ISO date
   * @throws SammantradeSaknasException when the sammanträdesplan does not cover the date
   * @throws IllegalArgumentException when {@code efter} is not a date
   */
  public String nastaBrbSammantrade(Object efter) {
    return sammantraden.nastaBrbSammantrade(datum(efter)).toString();
  }

  /**
   * The kommunstyrelsen meeting after a borgarrådsberedningen meeting
   * ({@link Sammantraden#forstaKsSammantrade}).
   *
   * @param brbSammantrade the borgarrådsberedningen meeting, see {@link #datum(Object)}
   * @return an ISO date
   * @throws SammantradeSaknasException when the sammanträdesplan does not cover the date
   * @throws IllegalArgumentException when {@code brbSammantrade} is not a date
   */
  public String forstaKsSammantrade(Object brbSammantrade) {
    return sammantraden.forstaKsSammantrade(datum(brbSammantrade)).toString();
  }

  /**
   * The kommunstyrelsen meeting after a bordläggning ({@link Sammantraden#nastaKsSammantrade}).
   *
   * @param efter the meeting that postponed the ärende, see {@link #datum(Object)}
   * @return an ISO date
   * @throws SammantradeSaknasException when the sammanträdesplan does not cover the date
   * @throws IllegalArgumentException when {@code efter} is not a date
   */
  public String nastaKsSammantrade(Object efter) {
    return sammantraden.nastaKsSammantrade(datum(efter)).toString();
  }

  /**
   * Reads a date from a process variable. Accepted: {@link LocalDate}; {@link Date} (also
   * {@code java.sql.Date}), {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime} (the
   * date in Europe/Stockholm of that instant); {@link LocalDateTime} (its date); and Strings:
   * {@code 2025-12-19}, {@code 2025-12-19T00:00:00+01:00}, {@code 2025-12-18T23:00:00Z},
   * {@code 2025-12-19T00:00:00.000+0100} (Camunda REST) and {@code 2025-12-19T10:00} (local
   * time, its date). Surrounding blanks are ignored.
   *
   * @param value the variable's value
   * @return the calendar date in Europe/Stockholm
   * @throws IllegalArgumentException (Swedish message naming the value) when the value is null,
   *     blank, of another type, or a String that is none of the forms above
   */
  public static LocalDate datum(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("Datum saknas: värdet är tomt (null). "
          + "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-12-19.");
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(TIDSZON).toLocalDate();
    }
    if (value instanceof Instant i) {
      return i.atZone(TIDSZON).toLocalDate();
    }
    if (value instanceof OffsetDateTime t) {
      return t.atZoneSameInstant(TIDSZON).toLocalDate();
    }
    if (value instanceof ZonedDateTime t) {
      return t.withZoneSameInstant(TIDSZON).toLocalDate();
    }
    if (value instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (value instanceof CharSequence text) {
      String s = text.toString().strip();
      for (Function<String, LocalDate> tolkning : TOLKNINGAR) {
        try {
          return tolkning.apply(s);
        } catch (DateTimeParseException ignored) {
          // try the next form
        }
      }
      throw new IllegalArgumentException("Kan inte tolka \"" + text + "\" som ett datum. "
          + "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-12-19.");
    }
    throw new IllegalArgumentException("Kan inte tolka \"" + value + "\" ("
        + value.getClass().getSimpleName() + ") som ett datum. "
        + "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-12-19.");
  }

  private static Date vid(LocalDate dag, LocalTime klockslag) {
    return Date.from(ZonedDateTime.of(dag, klockslag, TIDSZON).toInstant());
  }
}
