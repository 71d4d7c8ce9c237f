package se.stockholm.ks.diarium;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An ärende as registered in the diarium.
 *
 * @param id internal id
 * @param diarienummer the diarienummer, e.g. {@code KS 2025/1513}
 * @param arendetyp the kind of ärende, e.g. {@code SKRIVELSE}
 * @param rubrik the short description (OSL 5 kap 2 §: "kortfattat vad handlingen rör")
 * @param status the status
 * @param inkomDatum the date received, Europe/Stockholm
 * @param inkomTid the instant received
 * @param avslutadDatum the date closed (avslutat or återkallat), or null
 * @param avsandare the sender
 * @param foredragandeBorgarrad the föredragande borgarråd, once fördelat
 * @param rotel the rotel id, e.g. {@code rotel-i}, once fördelat
 * @param processInstanceId the process instance carrying the ärende
 * @param registreradTid when it was registered
 * @param registreradAv who registered it (user id), or null for the system
 */
public record Arende(
    long id,
    Diarienummer diarienummer,
    String arendetyp,
    String rubrik,
    Arendestatus status,
    LocalDate inkomDatum,
    OffsetDateTime inkomTid,
    LocalDate avslutadDatum,
    Avsandare avsandare,
    String foredragandeBorgarrad,
    String rotel,
    String processInstanceId,
    OffsetDateTime registreradTid,
    String registreradAv) {
}
