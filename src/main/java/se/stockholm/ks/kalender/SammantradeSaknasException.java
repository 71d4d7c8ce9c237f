package se.stockholm.ks.kalender;

import java.time.LocalDate;

/**
 * Thrown when the sammanträdesplan has no meeting for a date: the plan is empty, ends before the
 * date, or starts after it (then the plan cannot tell whether an earlier meeting existed). The
 * message is Swedish and tells the kansli which configuration key to complete; it is meant to be
 * shown as it is (in Tasklist or as an incident in Cockpit).
 */
public class SammantradeSaknasException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String organ;
  private final LocalDate datum;

  /**
   * @param organ the body whose plan lacks the meeting, e.g. {@code borgarrådsberedningen}
   * @param datum the date the look-up was made for
   * @param meddelande the Swedish message for the kansli
   */
  SammantradeSaknasException(String organ, LocalDate datum, String meddelande) {
    super(meddelande);
    this.organ = organ;
    this.datum = datum;
  }

  /** @return the body whose plan lacks the meeting: borgarrådsberedningen or kommunstyrelsen */
  public String organ() {
    return organ;
  }

  /** @return the date the look-up was made for (Europe/Stockholm calendar date) */
  public LocalDate datum() {
    return datum;
  }
}
