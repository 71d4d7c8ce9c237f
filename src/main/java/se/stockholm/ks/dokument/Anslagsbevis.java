package se.stockholm.ks.dokument;

import java.time.LocalDate;

/**
 * The anslagsbevis of a protokoll (kommunallagen 8 kap 12 §): the notice on the anslagstavla that
 * the protokoll is justerat, where it is kept, the day of anslag and the last day for överklagande
 * (laglighetsprövning, 13 kap 5 §: three weeks from the anslag).
 *
 * @param organ the organ as printed, e.g. {@code Kommunstyrelsen}; required
 * @param sammantradesdatum the meeting day; required
 * @param paragrafer the protokoll's paragraphs, e.g. {@code §§ 12–15}; optional
 * @param justeringsdatum the day of justering; required
 * @param anslagsdatum the day the notice is put up; required
 * @param sistaDagForOverklagande the last day to appeal (the notice is taken down the day after); required
 * @param forvaringsplats where the protokoll is kept; required
 */
public record Anslagsbevis(String organ, LocalDate sammantradesdatum, String paragrafer, LocalDate justeringsdatum,
                           LocalDate anslagsdatum, LocalDate sistaDagForOverklagande, String forvaringsplats) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when a required part is missing
   */
  public Anslagsbevis {
    Krav.text(organ, "Organ");
    Krav.varde(sammantradesdatum, "Sammanträdesdatum");
    Krav.varde(justeringsdatum, "Justeringsdatum");
    Krav.varde(anslagsdatum, "Anslagsdatum");
    Krav.varde(sistaDagForOverklagande, "Sista dag för överklagande");
    Krav.text(forvaringsplats, "Förvaringsplats");
  }
}
