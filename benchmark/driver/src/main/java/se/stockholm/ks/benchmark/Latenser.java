package se.stockholm.ks.benchmark;

import java.util.Arrays;

/**
 * Latencies of one measurement, recorded from several threads, and what is reported of them.
 */
public final class Latenser {

  private long[] nanos = new long[1024];
  private int antal;
  private long startNanos = System.nanoTime();
  private long slutNanos;

  /** Restarts the wall clock of the measurement. */
  public synchronized void borja() {
    startNanos = System.nanoTime();
  }

  /** Stops the wall clock of the measurement. */
  public synchronized void sluta() {
    slutNanos = System.nanoTime();
  }

  /** @param n one latency in nanoseconds */
  public synchronized void lagg(long n) {
    if (antal == nanos.length) {
      nanos = Arrays.copyOf(nanos, antal * 2);
    }
    nanos[antal++] = n;
  }

  /**
   * What is reported.
   *
   * @param antal requests
   * @param sekunder the measurement's wall time
   * @param perSekund requests per second
   * @param p50 median latency, ms
   * @param p99 99th percentile latency, ms
   * @param max the largest latency, ms
   */
  public record Sammanfattning(int antal, double sekunder, double perSekund, double p50, double p99, double max) {
  }

  /** @return the summary (nearest-rank percentiles) */
  public synchronized Sammanfattning sammanfattning() {
    long[] s = Arrays.copyOf(nanos, antal);
    Arrays.sort(s);
    double sek = ((slutNanos == 0 ? System.nanoTime() : slutNanos) - startNanos) / 1e9;
    return new Sammanfattning(antal, sek, antal / sek, percentil(s, 50), percentil(s, 99),
        antal == 0 ? 0 : s[antal - 1] / 1e6);
  }

  private static double percentil(long[] sorterade, double p) {
    if (sorterade.length == 0) {
      return 0;
    }
    int rang = (int) Math.ceil(p / 100.0 * sorterade.length);
    return sorterade[Math.max(0, Math.min(sorterade.length - 1, rang - 1))] / 1e6;
  }
}
