package se.stockholm.ks.earkiv;

import java.util.Optional;

import se.stockholm.ks.diarium.Handling;

/**
 * Where a handling's secrecy mark (sekretessmarkering, OSL 5 kap. 5 §) comes from. The diarium has
 * no secrecy field yet (issue 18 adds it); until then the default bean finds none, and a bean of
 * this type that reads the diarium's field replaces it.
 */
public interface Sekretessmarkeringar {

  /**
   * @param handling a handling
   * @return its secrecy mark, or empty if it has none
   */
  Optional<Sekretessmarkering> markering(Handling handling);

  /**
   * A secrecy mark.
   *
   * @param bestammelse the provision, e.g. {@code OSL 21 kap. 7 §}
   * @param forklaring an explanation, or null
   */
  record Sekretessmarkering(String bestammelse, String forklaring) {
  }
}
