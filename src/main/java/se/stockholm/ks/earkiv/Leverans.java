package se.stockholm.ks.earkiv;

import java.nio.file.Path;

/**
 * The outcome of a delivery to the e-arkiv's folder.
 *
 * @param fil the package's file in the delivery folder ({@code <paketId>.zip})
 * @param sha256 the package's SHA-256, lower-case hex (as recorded in the event log)
 * @param ny true when this call delivered it; false when it was delivered before and nothing was
 *     built, written or logged
 */
public record Leverans(Path fil, String sha256, boolean ny) {
}
