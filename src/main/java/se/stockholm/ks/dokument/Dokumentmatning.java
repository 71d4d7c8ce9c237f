package se.stockholm.ks.dokument;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The timer of document generation for operations ({@code ks_dokument_generering_seconds} in
 * {@code /actuator/prometheus}, README "Drift"): how long one generated document (template to PDF/A)
 * takes, per template.
 */
final class Dokumentmatning {

  /** The metric's name (Micrometer; Prometheus writes it {@code ks_dokument_generering_seconds}). */
  static final String NAMN = "ks.dokument.generering";

  private Dokumentmatning() {
  }

  /**
   * @param registry the application's meter registry
   * @param mall the template ({@link DokumentRenderer#MALL_ARENDEDOKUMENT}, …), the tag {@code mall}
   * @return the timer for that template (one per registry and template)
   */
  static Timer timer(MeterRegistry registry, String mall) {
    return Timer.builder(NAMN)
        .description("Tid för att skapa ett dokument (mall till PDF/A)")
        .tag("mall", mall)
        .publishPercentileHistogram()
        .register(registry);
  }
}
