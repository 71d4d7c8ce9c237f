package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.List;

/**
 * The föredragningslista of a meeting of borgarrådsberedningen or kommunstyrelsen: the ärenden in
 * order with numbers, dnr, rubrik, föredragande borgarråd and förslag till beslut.
 *
 * @param organ the organ as printed, e.g. {@code Kommunstyrelsen}; required
 * @param sammantradesdatum the meeting day; required
 * @param ort where the meeting is held; optional
 * @param punkter the ärenden in order; null is taken as none
 */
public record Foredragningslista(String organ, LocalDate sammantradesdatum, String ort, List<Punkt> punkter) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when the organ or day is missing, or the list holds null
   */
  public Foredragningslista {
    Krav.text(organ, "Organ");
    Krav.varde(sammantradesdatum, "Sammanträdesdatum");
    punkter = Krav.lista(punkter, "Ärenden");
  }

  /**
   * An ärende on the list.
   *
   * @param nummer its number on the list, from 1
   * @param diarienummer the ärende; required
   * @param rubrik the ärende's rubrik; required
   * @param foredragande the föredragande borgarråd; optional
   * @param forslagTillBeslut the promemoria's förslag till beslut; optional
   */
  public record Punkt(int nummer, String diarienummer, String rubrik, String foredragande, String forslagTillBeslut) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException when the dnr or rubrik is missing
     */
    public Punkt {
      Krav.text(diarienummer, "Diarienummer");
      Krav.text(rubrik, "Rubrik");
    }
  }
}
