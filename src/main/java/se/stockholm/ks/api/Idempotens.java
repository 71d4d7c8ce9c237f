package se.stockholm.ks.api;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.stockholm.ks.diarium.Diarium;

/**
 * {@code Idempotency-Key} for creating requests: the first answer to a key (per user) is kept and
 * returned again for a retry with the same request; nothing is created twice. A key reused with a
 * different request is refused (422); a retry while the first request is still running is refused
 * (409). The answer is stored in the same transaction as the work, so a committed case always has
 * its stored answer; a request that fails frees its key.
 */
@Component
public class Idempotens {

  /** The request header that carries the key. */
  public static final String RUBRIK = "Idempotency-Key";
  /** The answer header that marks a stored answer given again. */
  public static final String SVAR_RUBRIK = "Idempotent-Replayed";

  /** A first request older than this, still marked as running, is taken to have died. */
  static final java.time.Duration OVERGIVEN = java.time.Duration.ofMinutes(5);

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

  Idempotens(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Runs the work once per key.
   *
   * @param nyckel the Idempotency-Key, or null for none (the work simply runs)
   * @param anvandare the authenticated user
   * @param hash a hash of the request
   * @param arbete the work; it must call {@link #spara} in its own transaction before returning
   * @return the stored answer of an earlier request with the key, or empty when the work ran now
   * @throws AnnanBegaranException when the key was used for another request
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
    Optional<Svar> tidigare = reservera(nyckel, anvandare, hash);
    if (tidigare.isPresent()) {
      return tidigare;
    }
    try {
      arbete.run();
      return Optional.empty();
    } catch (RuntimeException e) {
      newTransaction.executeWithoutResult(s -> jdbc.sql("delete from idempotens where anvandare = ? and nyckel = ? and status = 'PAGAR'")
          .params(anvandare, nyckel).update());
      throw e;
    }
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

  private Optional<Svar> reservera(String nyckel, String anvandare, String hash) {
    Supplier<Boolean> insert = () -> newTransaction.execute(s -> {
      try {
        jdbc.sql("insert into idempotens (nyckel, anvandare, begaran_hash, status, skapad) values (?, ?, ?, 'PAGAR', ?)")
            .params(nyckel, anvandare, hash, Diarium.nu()).update();
        return true;
      } catch (DuplicateKeyException e) {
        return false;
      }
    });
    if (insert.get()) {
      return Optional.empty();
    }
    var rad = jdbc.sql("select begaran_hash, status, svar_status, svar_location, svar_innehall, skapad from idempotens "
            + "where anvandare = ? and nyckel = ?")
        .params(anvandare, nyckel)
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getString(5), rs.getObject(6, OffsetDateTime.class)})
        .optional();
    if (rad.isEmpty()) {
      return reservera(nyckel, anvandare, hash); // freed meanwhile
    }
    Object[] r = rad.get();
    if (!hash.equals(r[0])) {
      throw new AnnanBegaranException(nyckel);
    }
    if ("KLAR".equals(r[1])) {
      return Optional.of(new Svar((Integer) r[2], (String) r[3], (String) r[4]));
    }
    if (((OffsetDateTime) r[5]).isBefore(Diarium.nu().minus(OVERGIVEN))) {
      newTransaction.executeWithoutResult(s -> jdbc.sql("delete from idempotens where anvandare = ? and nyckel = ? and status = 'PAGAR'")
          .params(anvandare, nyckel).update());
      return reservera(nyckel, anvandare, hash);
    }
    throw new PagarException(nyckel);
  }
}
