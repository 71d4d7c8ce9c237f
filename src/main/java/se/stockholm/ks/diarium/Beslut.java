package se.stockholm.ks.diarium;

import java.time.LocalDate;

/**
 * A decision on an ärende, as recorded in the diarium.
 *
 * @param organ {@code KS} for kommunstyrelsen
 * @param sammantrade the meeting's date
 * @param paragraf the paragraph in the protokoll, e.g. {@code § 12}
 * @param beslutstext the decision's wording
 */
public record Beslut(String organ, LocalDate sammantrade, String paragraf, String beslutstext) {
}
