package se.stockholm.ks.diarium;

import java.time.OffsetDateTime;

/**
 * An ärende to register.
 *
 * @param arendetyp the kind, e.g. {@code SKRIVELSE}
 * @param rubrik short description
 * @param inkom when it was received; the year of its date in Europe/Stockholm is the
 *     diarienummer's year
 * @param avsandare the sender
 * @param registreradAv user id, or null for the system
 */
public record NyttArende(String arendetyp, String rubrik, OffsetDateTime inkom, Avsandare avsandare,
                         String registreradAv) {
}
