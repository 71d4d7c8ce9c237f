package se.stockholm.ks.support;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares the keys of one of our Swedish locale files (Tasklist, Cockpit, Admin, Welcome) with the
 * webapp jar's English one, for Camunda 7.24 and for Operaton 1.0 alike.
 */
public final class Webbappsetiketter {

  /**
   * The Camunda 8 banner's label: Camunda 7.24's webapps have it (our files set it empty), Operaton's
   * have no banner and no such label. The only key ours may have that the webjar lacks.
   */
  public static final String CAMUNDA8_BANNER = "BANNER_CE_EOL_TEXT";

  private Webbappsetiketter() {
  }

  /**
   * @param svenska a node of our sv.json (e.g. {@code labels} or {@code dateLocales})
   * @param webjarens the same node of the webjar's en.json
   * @return the keys missing from ours and the keys ours has over the webjar's (each prefixed
   *     "saknas: " or "överflödig: "), sorted; empty when they match
   */
  public static Set<String> skillnader(JsonNode svenska, JsonNode webjarens) {
    Set<String> sv = namn(svenska);
    Set<String> en = namn(webjarens);
    if (!en.contains(CAMUNDA8_BANNER)) {
      sv.remove(CAMUNDA8_BANNER);
    }
    Set<String> skillnader = new TreeSet<>();
    en.stream().filter(k -> !sv.contains(k)).forEach(k -> skillnader.add("saknas: " + k));
    sv.stream().filter(k -> !en.contains(k)).forEach(k -> skillnader.add("överflödig: " + k));
    return skillnader;
  }

  private static Set<String> namn(JsonNode node) {
    Set<String> namn = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      namn.add(it.next());
    }
    return namn;
  }
}
