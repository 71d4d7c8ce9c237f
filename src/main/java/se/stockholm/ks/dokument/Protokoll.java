package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.List;

/**
 * The protokoll of a meeting of kommunstyrelsen (kommunallagen 5 kap 65–69 §§): organ, day, place,
 * närvarande, justerare and each paragraph with its beslut, särskilda uttalanden (likalydande by
 * reference) and reservationer.
 *
 * @param organ the organ as printed, e.g. {@code Kommunstyrelsen}; required
 * @param sammantradesdatum the meeting day; required
 * @param ort where the meeting was held, e.g. {@code Stockholm}; optional
 * @param narvarande the members and ersättare present, as the secretary entered them; optional
 * @param justerare who justerade; optional
 * @param justeringsdatum the day of justering; null before it (then not printed)
 * @param paragrafer the paragraphs in order; null is taken as none
 */
public record Protokoll(String organ, LocalDate sammantradesdatum, String ort, String narvarande, String justerare,
                        LocalDate justeringsdatum, List<Protokollsparagraf> paragrafer) {

  /**
   * Checks the parts; each is described above.
   *
   * @throws IllegalArgumentException when the organ or day is missing, or the list holds null
   */
  public Protokoll {
    Krav.text(organ, "Organ");
    Krav.varde(sammantradesdatum, "Sammanträdesdatum");
    paragrafer = Krav.lista(paragrafer, "Paragrafer");
  }

  /**
   * A paragraph of the protokoll: a decided ärende (its {@link Protokollsutdrag}, the same the ärende
   * registers) or an ärende bordlagt, återremitterat or avfört at the meeting (a sentence).
   *
   * @param paragraf as printed, {@code § 12}; required
   * @param diarienummer the ärende; required
   * @param rubrik the ärende's rubrik; required
   * @param utfall what the meeting did when it did not decide, e.g. "Ärendet bordlades."; null with a beslut
   * @param beslut the decision, or null when {@code utfall} is given
   */
  public record Protokollsparagraf(String paragraf, String diarienummer, String rubrik, String utfall,
                                   Protokollsutdrag beslut) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException when a required part is missing, or neither or both of utfall and beslut are given
     */
    public Protokollsparagraf {
      Krav.text(paragraf, "Paragraf");
      Krav.text(diarienummer, "Diarienummer");
      Krav.text(rubrik, "Rubrik");
      if ((utfall == null) == (beslut == null)) {
        throw new IllegalArgumentException("Paragraf " + paragraf + ": ange antingen ett beslut eller ett utfall.");
      }
    }
  }
}
