package se.stockholm.ks.diarium;

import java.time.OffsetDateTime;

/**
 * An event in the ärende's history.
 *
 * @param tid when it happened
 * @param handelsetyp what happened
 * @param beskrivning a sentence in Swedish
 * @param aktor who did it (user id), or null for the system
 * @param dokumentnummer the handling it concerns, or null
 */
public record Handelse(OffsetDateTime tid, Handelsetyp handelsetyp, String beskrivning, String aktor,
                       String dokumentnummer) {
}
