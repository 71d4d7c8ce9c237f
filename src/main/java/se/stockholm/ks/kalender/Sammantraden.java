package se.stockholm.ks.kalender;

import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * Finds the meeting an ärende goes to, from the {@link Sammantradesplan} and the lead times in
 * {@link FristInstallningar}. All dates are calendar dates in Europe/Stockholm; lead times are
 * working days ({@link Arbetsdagskalender}).
 *
 * <p>The plan is the only source: a date it does not cover (after the body's last meeting,
 * before the plan's first date in either list, or an empty list) raises {@link SammantradeSaknasException} with a message that names
 * the configuration key to complete. There is no fallback rule such as "every other Wednesday".
 */
@Component
public class Sammantraden {

  static final String BRB = "borgarrådsberedningen";
  static final String KS = "kommunstyrelsen";

  private final NavigableSet<LocalDate> brb;
  private final NavigableSet<LocalDate> ks;
  /** The plan's first date, either body: the plan says nothing about the time before it. */
  private final LocalDate planensBorjan;
  private final FristInstallningar frister;
  private final Arbetsdagskalender kalender;

  /**
   * @param plan the meeting dates
   * @param frister the lead times brbFramforhallning and ksFramforhallning
   * @param kalender the working-day calendar the lead times are counted in
   */
  public Sammantraden(Sammantradesplan plan, FristInstallningar frister,
                      Arbetsdagskalender kalender) {
    this.brb = new TreeSet<>(plan.borgarradsberedningen());
    this.ks = new TreeSet<>(plan.kommunstyrelsen());
    TreeSet<LocalDate> alla = new TreeSet<>(brb);
    alla.addAll(ks);
    this.planensBorjan = alla.isEmpty() ? null : alla.first();
    this.frister = frister;
    this.kalender = kalender;
  }

  /**
   * The first borgarrådsberedningen meeting an ärende can go to: the first meeting on or after
   * {@code redo} plus {@code ks.frister.brb-framforhallning} working days. Example: promemoria
   * 2026-03-04, 3 working days → 2026-03-09 or later → meeting 2026-03-11.
   *
   * @param redo the date the promemoria was finished
   * @return the date of the meeting
   * @throws SammantradeSaknasException when the plan has no such meeting or does not cover the
   *     date
   */
  public LocalDate forstaBrbSammantrade(LocalDate redo) {
    Objects.requireNonNull(redo, "redo");
    int framforhallning = frister.brbFramforhallning();
    LocalDate tidigast = kalender.laggTillArbetsdagar(redo, framforhallning);
    return forstaPaEllerEfter(brb, BRB, "borgarradsberedningen", tidigast,
        " (ärendet redo " + redo + " och " + framforhallning + " arbetsdagars framförhållning)");
  }

  /**
   * The next borgarrådsberedningen meeting strictly after a meeting (bordläggning).
   *
   * @param efter the date of the meeting that postponed the ärende
   * @return the date of the next meeting
   * @throws SammantradeSaknasException when the plan has no later meeting or does not cover the
   *     date
   */
  public LocalDate nastaBrbSammantrade(LocalDate efter) {
    Objects.requireNonNull(efter, "efter");
    return nastaEfter(brb, BRB, "borgarradsberedningen", efter);
  }

  /**
   * The first kommunstyrelsen meeting after a borgarrådsberedningen meeting: the first meeting on
   * or after {@code brbSammantrade} plus {@code ks.frister.ks-framforhallning} working days.
   * Example: borgarrådsberedningen 2026-03-11, 3 working days → meeting 2026-03-18.
   *
   * @param brbSammantrade the date of the borgarrådsberedningen meeting that handled the ärende
   * @return the date of the kommunstyrelsen meeting
   * @throws SammantradeSaknasException when the plan has no such meeting or does not cover the
   *     date
   */
  public LocalDate forstaKsSammantrade(LocalDate brbSammantrade) {
    Objects.requireNonNull(brbSammantrade, "brbSammantrade");
    int framforhallning = frister.ksFramforhallning();
    LocalDate tidigast = kalender.laggTillArbetsdagar(brbSammantrade, framforhallning);
    return forstaPaEllerEfter(ks, KS, "kommunstyrelsen", tidigast,
        " (borgarrådsberedningen " + brbSammantrade + " och " + framforhallning
            + " arbetsdagars framförhållning)");
  }

  /**
   * The next kommunstyrelsen meeting strictly after a meeting (bordläggning).
   *
   * @param efter the date of the meeting that postponed the ärende
   * @return the date of the next meeting
   * @throws SammantradeSaknasException when the plan has no later meeting or does not cover the
   *     date
   */
  public LocalDate nastaKsSammantrade(LocalDate efter) {
    Objects.requireNonNull(efter, "efter");
    return nastaEfter(ks, KS, "kommunstyrelsen", efter);
  }

  private LocalDate forstaPaEllerEfter(NavigableSet<LocalDate> plan, String organ,
                                       String nyckel, LocalDate tidigast, String varfor) {
    kravTackning(plan, organ, nyckel, tidigast);
    LocalDate mote = plan.ceiling(tidigast);
    if (mote == null) {
      throw new SammantradeSaknasException(organ, tidigast, "Sammanträdesplanen för " + organ
          + " har inget sammanträde den " + tidigast + " eller senare" + varfor
          + ". Sista sammanträdet i planen är " + plan.last() + ". " + laggTill(nyckel));
    }
    return mote;
  }

  private LocalDate nastaEfter(NavigableSet<LocalDate> plan, String organ, String nyckel,
                               LocalDate efter) {
    kravTackning(plan, organ, nyckel, efter);
    LocalDate mote = plan.higher(efter);
    if (mote == null) {
      throw new SammantradeSaknasException(organ, efter, "Sammanträdesplanen för " + organ
          + " har inget sammanträde efter " + efter + ". " + laggTill(nyckel));
    }
    return mote;
  }

  /**
   * The body's list must not be empty, and the plan must start on or before the date, or it
   * cannot tell which meeting comes next. The start is the first date in either list, since
   * borgarrådsberedningen meets before kommunstyrelsen: a look-up from the first
   * borgarrådsberedningen meeting lies before the first kommunstyrelsen meeting and is covered.
   */
  private void kravTackning(NavigableSet<LocalDate> plan, String organ, String nyckel,
                            LocalDate datum) {
    if (plan.isEmpty()) {
      throw new SammantradeSaknasException(organ, datum, "Sammanträdesplanen för " + organ
          + " är tom. " + laggTill(nyckel));
    }
    if (datum.isBefore(planensBorjan)) {
      throw new SammantradeSaknasException(organ, datum, "Sammanträdesplanen börjar "
          + planensBorjan + " och täcker inte " + datum
          + ". Lägg till tidigare datum i ks.sammantradesplan." + nyckel + ".");
    }
  }

  private static String laggTill(String nyckel) {
    return "Lägg till datum i ks.sammantradesplan." + nyckel + ".";
  }
}
