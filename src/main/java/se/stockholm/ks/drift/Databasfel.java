package se.stockholm.ks.drift;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Tells an error caused by the database being away (stopped, restarting, unreachable, or the pool
 * without a free connection within its timeout) from any other error. Such an error is answered
 * with 503 and {@code Retry-After}: nothing was registered, and the same request may be sent
 * again (with the same {@code Idempotency-Key}).
 */
public final class Databasfel {

  /** How long a client should wait before trying again ({@code Retry-After}, seconds). */
  public static final Duration FORSOK_IGEN = Duration.ofSeconds(5);

  /** The problem type of a 503. */
  public static final String TYP = "https://stockholm.se/ks/problem/databasen-otillganglig";

  private Databasfel() {
  }

  /**
   * @param fel an error, with its causes
   * @return whether it (or one of its causes) says the database could not be reached or dropped
   *     the connection: SQL states of class 08 (connection exception) and 57P (operator
   *     intervention: shutdown, restart, cannot connect now), the pool's timeout, a refused or
   *     broken socket
   */
  public static boolean arOtillganglig(Throwable fel) {
    int djup = 0;
    for (Throwable t = fel; t != null && djup < 30; t = t.getCause(), djup++) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof DataAccessResourceFailureException
          || t instanceof ConnectException || t instanceof SocketTimeoutException
          || t instanceof SocketException) {
        return true;
      }
      if (t instanceof SQLException s && s.getMessage() != null
          && s.getMessage().toLowerCase(java.util.Locale.ROOT).matches(".*connection (is|has been) closed.*")) {
        // the pool's or the driver's word for a connection the database ended (rolling back on it fails)
        return true;
      }
      for (Throwable undertryckt : t.getSuppressed()) {
        if (undertryckt != t && arOtillganglig(undertryckt)) {
          return true;
        }
      }
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          String state = n.getSQLState();
          if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
          }
          if (n.getNextException() == n) {
            break;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * @param instans the request's path, or null
   * @return the problem detail of a 503: the database is away, nothing was registered, try again
   */
  public static ProblemDetail problem(String instans) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "Databasen svarar inte just nu; inget har registrerats. Försök igen om " + FORSOK_IGEN.toSeconds()
            + " sekunder, med samma Idempotency-Key.");
    p.setType(java.net.URI.create(TYP));
    p.setTitle("Tjänsten är tillfälligt otillgänglig");
    if (instans != null) {
      try {
        p.setInstance(java.net.URI.create(instans));
      } catch (IllegalArgumentException e) {
        // not a URI: left out
      }
    }
    return p;
  }
}
