package se.stockholm.ks.diarium;

import java.time.LocalDate;

/**
 * A handling to register: a text, a file, or both (the file is then the handling's content and
 * the text a transcript of it).
 *
 * @param handlingstyp the kind of handling
 * @param rubrik short description, required
 * @param datum date received or drawn up, required
 * @param status inkommen, upprättad or expedierad
 * @param avsandare sender (inkommen), or null
 * @param mottagare recipient (expedierad), or null
 * @param text the text, or null
 * @param fil the file's bytes, or null
 * @param filnamn the file's name as given, or null
 * @param struktur structured parts as JSON, or null
 * @param hanvisarTill dokumentnummer of an identical handling (likalydande), or null
 * @param kallaNyckel idempotency key: a second registration with the same key returns the first
 *     handling and registers nothing; null for none
 * @param registreradAv user id, or null for the system
 */
public record NyHandling(
    Handlingstyp handlingstyp,
    String rubrik,
    LocalDate datum,
    HandlingStatus status,
    String avsandare,
    String mottagare,
    String text,
    byte[] fil,
    String filnamn,
    String struktur,
    String hanvisarTill,
    String kallaNyckel,
    String registreradAv) {

  /**
   * A text-only handling.
   *
   * @param typ the kind
   * @param status the status
   * @param rubrik short description
   * @param datum date
   * @param text the text
   * @return the new handling, to be refined with the {@code with…} methods
   */
  public static NyHandling text(Handlingstyp typ, HandlingStatus status, String rubrik, LocalDate datum,
                                String text) {
    return new NyHandling(typ, rubrik, datum, status, null, null, text, null, null, null, null, null, null);
  }

  /** @param namn sender @return a copy with the sender */
  public NyHandling withAvsandare(String namn) {
    return new NyHandling(handlingstyp, rubrik, datum, status, namn, mottagare, text, fil, filnamn,
        struktur, hanvisarTill, kallaNyckel, registreradAv);
  }

  /** @param namn recipient @return a copy with the recipient */
  public NyHandling withMottagare(String namn) {
    return new NyHandling(handlingstyp, rubrik, datum, status, avsandare, namn, text, fil, filnamn,
        struktur, hanvisarTill, kallaNyckel, registreradAv);
  }

  /**
   * @param bytes the file's content
   * @param namn the file's name
   * @return a copy with the file
   */
  public NyHandling withFil(byte[] bytes, String namn) {
    return new NyHandling(handlingstyp, rubrik, datum, status, avsandare, mottagare, text, bytes, namn,
        struktur, hanvisarTill, kallaNyckel, registreradAv);
  }

  /** @param json structured parts @return a copy with them */
  public NyHandling withStruktur(String json) {
    return new NyHandling(handlingstyp, rubrik, datum, status, avsandare, mottagare, text, fil, filnamn,
        json, hanvisarTill, kallaNyckel, registreradAv);
  }

  /** @param dokumentnummer the identical handling @return a copy referring to it */
  public NyHandling withHanvisarTill(String dokumentnummer) {
    return new NyHandling(handlingstyp, rubrik, datum, status, avsandare, mottagare, text, fil, filnamn,
        struktur, dokumentnummer, kallaNyckel, registreradAv);
  }

  /** @param nyckel idempotency key @return a copy with it */
  public NyHandling withKallaNyckel(String nyckel) {
    return new NyHandling(handlingstyp, rubrik, datum, status, avsandare, mottagare, text, fil, filnamn,
        struktur, hanvisarTill, nyckel, registreradAv);
  }

  /** @param userId who registers @return a copy with it */
  public NyHandling withRegistreradAv(String userId) {
    return new NyHandling(handlingstyp, rubrik, datum, status, avsandare, mottagare, text, fil, filnamn,
        struktur, hanvisarTill, kallaNyckel, userId);
  }
}
