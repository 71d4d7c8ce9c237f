package se.stockholm.ks.earkiv;

import java.nio.file.Path;

/**
 * A built and validated E-ARK SIP as a ZIP file.
 *
 * @param paketId the package's id (the root folder's name and the METS OBJID)
 * @param zip the ZIP file
 * @param sha256 the ZIP's SHA-256, lower-case hex
 * @param storlek the ZIP's size in bytes
 */
public record Arkivpaket(String paketId, Path zip, String sha256, long storlek) {
}
