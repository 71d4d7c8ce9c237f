package se.stockholm.ks.identitet;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users and clients that have signed in with a token since this node started, as their latest token
 * described them: what the engine's identity provider ({@link TokenIdentitetsleverantor}) answers about
 * users and their groups. Each request with a session or a token writes its user again, so a node that
 * restarted, or another node, learns a user at the user's next request. Kept in memory, per node (the
 * engine's identity provider is created by the engine, not by Spring, hence the static holder).
 */
public final class Anvandarregister {

  private static final Map<String, Tokenanvandare> ANVANDARE = new ConcurrentHashMap<>();
  private static volatile Map<String, String> grupper = Map.of();

  private Anvandarregister() {
  }

  /** @param anvandare the user as the latest token described it */
  public static void registrera(Tokenanvandare anvandare) {
    if (anvandare != null && anvandare.id() != null) {
      ANVANDARE.put(anvandare.id(), anvandare);
    }
  }

  /**
   * @param id a user id
   * @return the user, if it has signed in since this node started
   */
  public static Optional<Tokenanvandare> hamta(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(ANVANDARE.get(id));
  }

  /** @return every user known to this node */
  public static Collection<Tokenanvandare> alla() {
    return ANVANDARE.values();
  }

  /** @param processensGrupper the process's groups: id and display name (set at start) */
  public static void grupper(Map<String, String> processensGrupper) {
    grupper = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(processensGrupper));
  }

  /** @return the process's groups: id and display name */
  public static Map<String, String> grupper() {
    return grupper;
  }

  /** Forgets every user (tests that start a new application in the same JVM). */
  public static void tom() {
    ANVANDARE.clear();
  }
}
