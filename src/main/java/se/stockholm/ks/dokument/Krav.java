package se.stockholm.ks.dokument;

import java.util.List;

/** Argument checks shared by the input records. */
final class Krav {

  private Krav() {
  }

  /**
   * @param varde a text that the document cannot do without
   * @param falt the field's name, for the message
   * @return the text, unchanged
   * @throws IllegalArgumentException when the text is null or blank
   */
  static String text(String varde, String falt) {
    if (varde == null || varde.isBlank()) {
      throw new IllegalArgumentException(falt + " saknas");
    }
    return varde;
  }

  /**
   * @param varde a value that the document cannot do without
   * @param falt the field's name, for the message
   * @return the value, unchanged
   * @throws IllegalArgumentException when the value is null
   */
  static <T> T varde(T varde, String falt) {
    if (varde == null) {
      throw new IllegalArgumentException(falt + " saknas");
    }
    return varde;
  }

  /**
   * @param lista a list, possibly null
   * @param falt the field's name, for the message
   * @return an unmodifiable copy; an empty list for null
   * @throws IllegalArgumentException when the list holds null
   */
  static <T> List<T> lista(List<T> lista, String falt) {
    if (lista == null) {
      return List.of();
    }
    if (lista.stream().anyMatch(e -> e == null)) {
      throw new IllegalArgumentException(falt + " innehåller null");
    }
    return List.copyOf(lista);
  }
}
