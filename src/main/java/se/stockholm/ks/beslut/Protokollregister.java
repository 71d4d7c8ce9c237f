package se.stockholm.ks.beslut;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The protokoll of each KS sammanträde: its process, status, justering and anslag. An ärende that
 * joins the protokoll and the announcement of the anslag both take the meeting's row lock, so an
 * ärende either joins before the anslag (and is told) or finds the protokoll already anslaget.
 */
@Repository
@Transactional
public class Protokollregister {

  /** Status: open, waiting for justering. */
  public static final String OPPET = "OPPET";
  /** Status: justerat, waiting for anslag. */
  public static final String JUSTERAT = "JUSTERAT";
  /** Status: anslaget. */
  public static final String ANSLAGET = "ANSLAGET";

  /**
   * A protokoll.
   *
   * @param sammantrade the meeting
   * @param processInstanceId its protokoll process, or null before it is started
   * @param status {@link #OPPET}, {@link #JUSTERAT} or {@link #ANSLAGET}
   * @param justeringsdatum when justerat, or null
   * @param justerare who justerade, or null
   * @param anslagsdatum when anslaget, or null
   */
  public record Protokoll(LocalDate sammantrade, String processInstanceId, String status,
                          LocalDate justeringsdatum, String justerare, LocalDate anslagsdatum) {
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;

  Protokollregister(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The meeting's protokoll, created if missing, locked until the caller's transaction ends.
   *
   * @param sammantrade the meeting
   * @return the protokoll
   */
  public Protokoll las(LocalDate sammantrade) {
    if (jdbc.sql("select count(*) from ks_protokoll where sammantrade = ?").param(sammantrade)
        .query(Integer.class).single() == 0) {
      try {
        newTransaction.executeWithoutResult(s -> jdbc
            .sql("insert into ks_protokoll (sammantrade, status) values (?, ?)").params(sammantrade, OPPET).update());
      } catch (DuplicateKeyException createdByAnother) {
        // another ärende of the same meeting created it first
      }
    }
    return jdbc.sql("select * from ks_protokoll where sammantrade = ? for update").param(sammantrade)
        .query((rs, i) -> new Protokoll(rs.getObject("sammantrade", LocalDate.class), rs.getString("process_instance_id"),
            rs.getString("status"), rs.getObject("justeringsdatum", LocalDate.class), rs.getString("justerare"),
            rs.getObject("anslagsdatum", LocalDate.class)))
        .single();
  }

  /**
   * @param sammantrade the meeting
   * @return the protokoll, or empty
   */
  @Transactional(readOnly = true)
  public Optional<Protokoll> hitta(LocalDate sammantrade) {
    return jdbc.sql("select * from ks_protokoll where sammantrade = ?").param(sammantrade)
        .query((rs, i) -> new Protokoll(rs.getObject("sammantrade", LocalDate.class), rs.getString("process_instance_id"),
            rs.getString("status"), rs.getObject("justeringsdatum", LocalDate.class), rs.getString("justerare"),
            rs.getObject("anslagsdatum", LocalDate.class)))
        .optional();
  }

  /**
   * @param sammantrade the meeting
   * @param processInstanceId its protokoll process
   */
  public void kopplaProcess(LocalDate sammantrade, String processInstanceId) {
    jdbc.sql("update ks_protokoll set process_instance_id = ? where sammantrade = ?")
        .params(processInstanceId, sammantrade).update();
  }

  /**
   * @param sammantrade the meeting
   * @param justeringsdatum the day of justering
   * @param justerare who justerade, may be null
   */
  public void justera(LocalDate sammantrade, LocalDate justeringsdatum, String justerare) {
    jdbc.sql("update ks_protokoll set status = ?, justeringsdatum = ?, justerare = ? where sammantrade = ?")
        .params(JUSTERAT, justeringsdatum, justerare, sammantrade).update();
  }

  /**
   * @param sammantrade the meeting
   * @param anslagsdatum the day the anslag was published
   */
  public void ansla(LocalDate sammantrade, LocalDate anslagsdatum) {
    jdbc.sql("update ks_protokoll set status = ?, anslagsdatum = ? where sammantrade = ?")
        .params(ANSLAGET, anslagsdatum, sammantrade).update();
  }
}
