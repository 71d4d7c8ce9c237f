package se.stockholm.ks.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one app measured in a run. Each measure is a list with one value per repetition (in the
 * order they ran; a measure taken once has one value), so that the report can pair the apps'
 * values of the same repetition — taken minutes apart, alternating — into ratios. The raw latency
 * summaries are kept too, for target/benchmark/resultat.json.
 */
public final class Resultat {

  /** The app's name in the report. */
  public String namn;
  /** Short name. */
  public String kortnamn;
  /** The error that ended the app's run early, or null. */
  public String fel;
  /** Measures by name, one value per repetition. */
  public Map<String, List<Double>> matt = new LinkedHashMap<>();
  /** Latency summaries by measure, one per repetition. */
  public Map<String, List<Latenser.Sammanfattning>> latenser = new LinkedHashMap<>();
  /** Failed job executions by the driver (not optimistic locking). */
  public int jobbfel;

  /**
   * Adds one repetition's value of a measure.
   *
   * @param namn the measure
   * @param varde its value
   */
  public synchronized void lagg(String namn, double varde) {
    matt.computeIfAbsent(namn, k -> new ArrayList<>()).add(varde);
  }

  /**
   * Adds one repetition's latency summary, and its rate, p50 and p99 as measures
   * {@code namn.perSek}, {@code namn.p50} and {@code namn.p99}.
   *
   * @param namn the measure
   * @param s the summary
   */
  public synchronized void lagg(String namn, Latenser.Sammanfattning s) {
    latenser.computeIfAbsent(namn, k -> new ArrayList<>()).add(s);
    lagg(namn + ".perSek", s.perSekund());
    lagg(namn + ".p50", s.p50());
    lagg(namn + ".p99", s.p99());
  }

  /**
   * @param namn a measure
   * @return its values, empty when not measured
   */
  public synchronized List<Double> varden(String namn) {
    return matt.getOrDefault(namn, List.of());
  }
}
