package se.stockholm.ks.drift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of Prometheus's text format, for the tests. */
final class Prometheustext {

  private Prometheustext() {
  }

  /**
   * @param text the body of {@code /actuator/prometheus}
   * @param namn the sample's name, e.g. {@code ks_arenden_oppna}
   * @param etiketter labels it must have, e.g. {@code fas="remiss"}
   * @return its value, or NaN when there is no such sample
   */
  static double varde(String text, String namn, String... etiketter) {
    Pattern rad = Pattern.compile("^" + Pattern.quote(namn) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
    Matcher m = rad.matcher(text);
    while (m.find()) {
      String etikett = m.group(1) == null ? "" : m.group(1);
      boolean alla = true;
      for (String e : etiketter) {
        alla &= etikett.contains(e);
      }
      if (alla) {
        return Double.parseDouble(m.group(2));
      }
    }
    return Double.NaN;
  }
}
