package se.stockholm.ks.sammantrade;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ks.sammantrade.*}: how kommunstyrelsen's protokoll numbers its paragraphs.
 *
 * @param paragrafnumrering {@link Paragrafnumrering#PER_AR} (Stockholm: § 1 at the year's first
 *     meeting, consecutive through the year) or {@link Paragrafnumrering#PER_SAMMANTRADE} (§ 1 at
 *     every meeting)
 * @param forstaParagraf with {@code PER_AR}: the first paragraph of a year when the series continues
 *     from the earlier system (as {@code ks.diarium.forsta-lopnummer}), e.g. {@code 2026: 12}; a year
 *     not listed starts at 1
 * @param foredragningslistaFore the secretary fixes the föredragningslista this many working days
 *     before the meeting (the task's due date; {@code kalender.yaml})
 */
@Validated
@ConfigurationProperties(prefix = "ks.sammantrade", ignoreUnknownFields = false)
public record SammantradeInstallningar(@NotNull Paragrafnumrering paragrafnumrering,
                                       Map<Integer, Integer> forstaParagraf,
                                       @NotNull @Min(0) @Max(60) Integer foredragningslistaFore) {

  /** How paragraphs are numbered. */
  public enum Paragrafnumrering {
    /** Consecutively through the calendar year, across the organ's meetings. */
    PER_AR,
    /** From § 1 at each meeting. */
    PER_SAMMANTRADE
  }

  /** Defaults: per year, no continued series. */
  public SammantradeInstallningar {
    forstaParagraf = forstaParagraf == null ? Map.of() : Map.copyOf(forstaParagraf);
  }

  /**
   * @param ar a calendar year
   * @return the first paragraph of that year under {@code PER_AR}
   */
  public int forstaParagraf(int ar) {
    return forstaParagraf.getOrDefault(ar, 1);
  }
}
