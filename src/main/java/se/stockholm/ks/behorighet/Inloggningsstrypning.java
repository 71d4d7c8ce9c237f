package se.stockholm.ks.behorighet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The login throttle: failed logins are counted per source (the client's IP address) and user
 * within a short window; a source that fails too often for a user, or for users in general, is
 * refused for the rest of the window, also with the right password. Nothing is stored on the
 * user: no account is ever locked, so nobody can lock out the {@code integration} service account or
 * an official by guessing passwords from elsewhere (Camunda's own lock, which counts per user and
 * after {@code loginMaxAttempts} locks for good, is not used: see
 * {@link se.stockholm.ks.security.IdentitetsleverantorUtanTommaLosenord}).
 *
 * <p>Limits (per application node, in memory): {@link #PER_ANVANDARE} failures per source and
 * user and {@link #PER_KALLA} failures per source (any users) within {@link #FONSTER}. A successful
 * login clears the source's failures for that user. The source of the current request is set by
 * {@link InloggningsstrypningFilter}; calls without a request (the engine's own) count as source
 * {@code intern}.
 */
public final class Inloggningsstrypning {

  /** Failed logins per source and user within the window before the source is refused. */
  public static final int PER_ANVANDARE = 5;
  /** Failed logins per source (any user) within the window before the source is refused. */
  public static final int PER_KALLA = 30;
  /** The window. */
  public static final Duration FONSTER = Duration.ofMinutes(1);

  private static final ThreadLocal<String> KALLA = new ThreadLocal<>();
  private static final Map<String, Deque<Instant>> MISSLYCKADE = new ConcurrentHashMap<>();
  private static volatile Clock klocka = Clock.systemUTC();

  private Inloggningsstrypning() {
  }

  /** @param kalla the source of the current request (IP address), or null to clear */
  static void sattKalla(String kalla) {
    if (kalla == null) {
      KALLA.remove();
    } else {
      KALLA.set(kalla);
    }
  }

  private static String kalla() {
    String k = KALLA.get();
    return k == null ? "intern" : k;
  }

  /**
   * @param anvandare the user id tried
   * @return how long the current source is still refused for this user; zero when it may try
   */
  public static Duration sparrad(String anvandare) {
    return sparrad(kalla(), anvandare);
  }

  static Duration sparrad(String kalla, String anvandare) {
    Instant nu = klocka.instant();
    Duration a = vantan(nyckel(kalla, anvandare), PER_ANVANDARE, nu);
    Duration b = vantan(kalla, PER_KALLA, nu);
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Records the outcome of a password check from the current source.
   *
   * @param anvandare the user id tried
   * @param lyckades whether the password was right
   */
  public static void registrera(String anvandare, boolean lyckades) {
    String kalla = kalla();
    if (lyckades) {
      MISSLYCKADE.remove(nyckel(kalla, anvandare));
      return;
    }
    Instant nu = klocka.instant();
    for (String nyckel : new String[] {nyckel(kalla, anvandare), kalla}) {
      Deque<Instant> d = MISSLYCKADE.computeIfAbsent(nyckel, k -> new ArrayDeque<>());
      synchronized (d) {
        rensa(d, nu);
        d.addLast(nu);
        while (d.size() > PER_KALLA) {
          d.removeFirst();
        }
      }
    }
    if (MISSLYCKADE.size() > 100_000) {
      MISSLYCKADE.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          rensa(e.getValue(), nu);
          return e.getValue().isEmpty();
        }
      });
    }
  }

  /** @param ny the clock the window is measured by (tests) */
  static void sattKlocka(Clock ny) {
    klocka = ny;
  }

  /** Forgets every failure (tests). */
  static void glomAllt() {
    MISSLYCKADE.clear();
  }

  private static Duration vantan(String nyckel, int grans, Instant nu) {
    Deque<Instant> d = MISSLYCKADE.get(nyckel);
    if (d == null) {
      return Duration.ZERO;
    }
    synchronized (d) {
      rensa(d, nu);
      if (d.size() < grans) {
        return Duration.ZERO;
      }
      // refused until enough failures have left the window
      Instant nyckelTid = d.stream().skip(d.size() - grans).findFirst().orElse(nu);
      return Duration.between(nu, nyckelTid.plus(FONSTER));
    }
  }

  private static void rensa(Deque<Instant> d, Instant nu) {
    while (!d.isEmpty() && !d.peekFirst().plus(FONSTER).isAfter(nu)) {
      d.removeFirst();
    }
  }

  private static String nyckel(String kalla, String anvandare) {
    return kalla + "|" + (anvandare == null ? "" : anvandare.toLowerCase(Locale.ROOT));
  }
}
