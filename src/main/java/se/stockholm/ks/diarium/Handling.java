package se.stockholm.ks.diarium;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A handling (allmän handling) registered in an ärende; its content is read separately with
 * {@link Diarium#innehall(String)}.
 *
 * @param lopnummer the number within the ärende, from 1 (the skrivelse itself is 1)
 * @param dokumentnummer e.g. {@code KS 2025/1513-3}
 * @param handlingstyp the kind of handling
 * @param rubrik short description
 * @param datum the date received or drawn up (Europe/Stockholm)
 * @param status inkommen, upprättad or expedierad
 * @param avsandare who sent it (for inkomna handlingar), or null
 * @param mottagare who it was sent to (for expedierade handlingar), or null
 * @param filnamn the file name, or null for a text-only handling
 * @param mediatyp the media type detected from the content, e.g. {@code application/pdf}
 * @param storlek the content's size in bytes
 * @param sha256 the SHA-256 of the content, lower-case hex
 * @param hanvisarTill the dokumentnummer of the handling this one is identical to
 *     (a likalydande särskilt uttalande), or null
 * @param harText whether a text is stored
 * @param harFil whether a file is stored
 * @param registreradTid when it was registered
 * @param registreradAv who registered it, or null for the system
 */
public record Handling(
    int lopnummer,
    String dokumentnummer,
    Handlingstyp handlingstyp,
    String rubrik,
    LocalDate datum,
    HandlingStatus status,
    String avsandare,
    String mottagare,
    String filnamn,
    String mediatyp,
    long storlek,
    String sha256,
    String hanvisarTill,
    boolean harText,
    boolean harFil,
    OffsetDateTime registreradTid,
    String registreradAv) {
}
