package se.stockholm.ks.api;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.stockholm.ks.diarium.Diarium;

/**
 * {@code Idempotency-Key} for creating requests: the first answer to a key (per user) is kept and
 * returned again for a retry with the same request; nothing is created twice. A key whose answer
 * is kept and is reused with a different request is refused (422); a retry while the first request
 * is still running is refused (409).
 *
 * <p>The key's row is locked ({@code select … for update nowait}) in the transaction that does the
 * work, and the answer stored in that same transaction. A committed registration therefore always
 * has its stored answer; a request that fails in any way — an error, the database going away, the
 * client's connection lost, the node killed — ends its transaction, and the database releases the
 * lock with it: the key is free for a retry at once, never bound by a request that did not commit.
 */
@Component
public class Idempotens {

  /** The request header that carries the key. */
  public static final String RUBRIK = "Idempotency-Key";
  /** The answer header that marks a stored answer given again. */
  public static final String SVAR_RUBRIK = "Idempotent-Replayed";

  /**
   * A stored answer.
   *
   * @param status HTTP status
   * @param location the Location header, or null
   * @param innehall the JSON body
   */
  public record Svar(int status, String location, String innehall) {
  }

  /** A key reused with another request (422). */
  public static class AnnanBegaranException extends RuntimeException {
    AnnanBegaranException(String nyckel) {
      super("Idempotency-Key '" + nyckel + "' har redan använts för en annan begäran. Använd en ny nyckel.");
    }
  }

  /** The first request with the key is still running (409). */
  public static class PagarException extends RuntimeException {
    PagarException(String nyckel) {
      super("En begäran med Idempotency-Key '" + nyckel + "' behandlas redan. Försök igen om en stund.");
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;
  private final TransactionTemplate transaction;

  Idempotens(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Runs the work once per key, in one transaction with the key's lock and stored answer.
   *
   * @param nyckel the Idempotency-Key, or null for none (the work simply runs)
   * @param anvandare the authenticated user
   * @param hash a hash of the request
   * @param arbete the work; it joins this transaction and must call {@link #spara} in it before returning
   * @return the stored answer of an earlier request with the key, or empty when the work ran now
   * @throws AnnanBegaranException when the key's stored answer belongs to another request
   * @throws PagarException when the first request with the key is still running
   */
  public Optional<Svar> utfor(String nyckel, String anvandare, String hash, Runnable arbete) {
    if (nyckel == null) {
      arbete.run();
      return Optional.empty();
    }
    if (nyckel.isBlank() || nyckel.length() > 200) {
      throw new se.stockholm.ks.diarium.OgiltigHandlingException("Idempotency-Key",
          "Idempotency-Key måste vara 1–200 tecken.");
    }
    skapaRad(nyckel, anvandare, hash);
    return transaction.execute(status -> {
      Object[] r = las(nyckel, anvandare);
      if ("KLAR".equals(r[1])) {
        if (!hash.equals(r[0])) {
          throw new AnnanBegaranException(nyckel);
        }
        return Optional.of(new Svar((Integer) r[2], (String) r[3], (String) r[4]));
      }
      // never answered: an earlier request with the key failed, or this is the first
      jdbc.sql("update idempotens set begaran_hash = ?, status = 'PAGAR', skapad = ? where anvandare = ? and nyckel = ?")
          .params(hash, Diarium.nu(), anvandare, nyckel).update();
      arbete.run();
      return Optional.<Svar>empty();
    });
  }

  /**
   * Stores the answer; call it inside the transaction that does the work.
   *
   * @param nyckel the key, or null (then nothing is stored)
   * @param anvandare the user
   * @param svar the answer
   */
  public void spara(String nyckel, String anvandare, Svar svar) {
    if (nyckel == null) {
      return;
    }
    jdbc.sql("update idempotens set status = 'KLAR', svar_status = ?, svar_location = ?, svar_innehall = ? "
            + "where anvandare = ? and nyckel = ?")
        .params(svar.status(), svar.location(), svar.innehall(), anvandare, nyckel).update();
  }

  /** The key's row, committed in a short transaction of its own; already there after an earlier request. */
  private void skapaRad(String nyckel, String anvandare, String hash) {
    boolean finns = jdbc.sql("select count(*) from idempotens where anvandare = ? and nyckel = ?")
        .params(anvandare, nyckel).query(Integer.class).single() > 0;
    if (finns) {
      return;
    }
    newTransaction.executeWithoutResult(s -> {
      try {
        jdbc.sql("insert into idempotens (nyckel, anvandare, begaran_hash, status, skapad) values (?, ?, ?, 'PAGAR', ?)")
            .params(nyckel, anvandare, hash, Diarium.nu()).update();
      } catch (DuplicateKeyException samtidigt) {
        // another request with the key created it at the same moment; on PostgreSQL this
        // transaction is spoilt by the failed insert and rolls back, which is all it had to do
        s.setRollbackOnly();
      }
    });
  }

  /**
   * Locks the key's row until the transaction ends, without waiting.
   *
   * @return hash, status, stored status, location and body
   * @throws PagarException when another request holds the lock (is still running)
   */
  private Object[] las(String nyckel, String anvandare) {
    try {
      return jdbc.sql("select begaran_hash, status, svar_status, svar_location, svar_innehall from idempotens "
              + "where anvandare = ? and nyckel = ? for update nowait")
          .params(anvandare, nyckel)
          .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
              rs.getString(5)})
          .single();
    } catch (org.springframework.dao.DataAccessException e) {
      if (upptagen(e)) {
        throw new PagarException(nyckel);
      }
      throw e;
    }
  }

  /** PostgreSQL: 55P03 lock_not_available (not categorised by Spring); H2: its lock timeout. */
  private static boolean upptagen(org.springframework.dao.DataAccessException e) {
    if (e instanceof PessimisticLockingFailureException || e instanceof org.springframework.dao.QueryTimeoutException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException s && "55P03".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
