package se.stockholm.ks.dokument;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;

/** Assertions that texts appear in a given order. */
final class Ordning {

  private Ordning() {
  }

  /**
   * Fails unless each fragment occurs in {@code text} after the previous one.
   *
   * @param text the text searched
   * @param fragment the fragments, in the order expected
   */
  static void iOrdning(String text, List<String> fragment) {
    int fran = 0;
    for (String f : fragment) {
      int index = text.indexOf(f, fran);
      if (index < 0) {
        String var = text.indexOf(f) >= 0 ? "finns, men före det som skulle komma före" : "saknas";
        fail("\"" + f + "\" " + var + ".\nEfter position " + fran + ": "
            + text.substring(fran, Math.min(text.length(), fran + 300)));
      }
      fran = index + f.length();
    }
  }

  /**
   * Fails unless each expected line is one of {@code rader}, after the previous one.
   *
   * @param rader the lines searched
   * @param forvantade the lines, in the order expected
   */
  static void raderIOrdning(List<String> rader, List<String> forvantade) {
    int fran = 0;
    for (String rad : forvantade) {
      int index = rader.subList(fran, rader.size()).indexOf(rad);
      if (index < 0) {
        fail("Raden \"" + rad + "\" saknas efter rad " + fran + " i " + rader);
      }
      fran += index + 1;
    }
  }
}
