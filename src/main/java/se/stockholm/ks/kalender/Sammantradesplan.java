package se.stockholm.ks.kalender;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sammanträdesplan ({@code ks.sammantradesplan.*}, in {@code kalender.yaml}): the dates of
 * the meetings of borgarrådsberedningen and kommunstyrelsen, as calendar dates in
 * Europe/Stockholm (ISO, {@code 2026-03-18}). The kansli adds the coming year's dates when the
 * plan is decided; {@link Sammantraden} reports a date the plan does not cover instead of
 * guessing. The lists are sorted and freed of duplicates here, whatever order the file has; an
 * empty list is allowed (every look-up then fails with a message), a blank entry is not.
 * Unknown keys under {@code ks.sammantradesplan} stop the application at start.
 *
 * @param borgarradsberedningen the dates of borgarrådsberedningen's meetings
 * @param kommunstyrelsen the dates of kommunstyrelsen's meetings
 */
@Validated
@ConfigurationProperties(prefix = "ks.sammantradesplan", ignoreUnknownFields = false)
public record Sammantradesplan(List<LocalDate> borgarradsberedningen,
                               List<LocalDate> kommunstyrelsen) {

  /**
   * Sorts the dates and removes duplicates.
   *
   * @throws IllegalArgumentException when a list holds an empty date
   */
  public Sammantradesplan {
    borgarradsberedningen = sorterade(borgarradsberedningen, "borgarradsberedningen");
    kommunstyrelsen = sorterade(kommunstyrelsen, "kommunstyrelsen");
  }

  private static List<LocalDate> sorterade(List<LocalDate> datum, String nyckel) {
    if (datum == null) {
      return List.of();
    }
    if (datum.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("ks.sammantradesplan." + nyckel
          + " innehåller ett tomt datum. Ange varje sammanträde som ÅÅÅÅ-MM-DD.");
    }
    return datum.stream().distinct().sorted().toList();
  }
}
