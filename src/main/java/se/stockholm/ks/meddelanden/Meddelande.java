package se.stockholm.ks.meddelanden;

import java.util.List;

import se.stockholm.ks.diarium.Diarienummer;

/**
 * One message to send, as the templates made it.
 *
 * @param nyckel what makes it this message and no other: kind, process instance, round and recipient
 *     (a retry or another node builds the same key, and the message is sent once)
 * @param dnr the ärende
 * @param typ the kind
 * @param mottagare the recipient's e-mail address
 * @param mottagareNamn the recipient as people say it (e.g. {@code Stadsledningskontoret})
 * @param amne the subject
 * @param text the plain-text body
 * @param html the HTML body (the same text)
 * @param bilagor the attachments
 * @param dokumentnummer the handling the message expedierar or concerns, or null
 */
public record Meddelande(String nyckel, Diarienummer dnr, Meddelandetyp typ, String mottagare, String mottagareNamn,
                         String amne, String text, String html, List<Bilaga> bilagor, String dokumentnummer) {

  /**
   * An attachment.
   *
   * @param filnamn the file name the recipient sees
   * @param mediatyp its media type
   * @param innehall its bytes
   */
  public record Bilaga(String filnamn, String mediatyp, byte[] innehall) {
  }
}
