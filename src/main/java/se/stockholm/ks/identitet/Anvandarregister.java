package se.stockholm.ks.identitet;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users and clients that have signed in with a token, as their latest token described them, in the
 * table {@code kand_anvandare} (Flyway V15): what the engine's identity provider
 * ({@link TokenIdentitetsleverantor}) answers about users and their groups, the same on every node and
 * after a restart. No password is kept: the table has none.
 *
 * <p>Written at login ({@link #registrera(Tokenanvandare)}) and on requests with a session or a token
 * ({@link #sett(Tokenanvandare)}): a node writes a user again when the token says something new (a name, an
 * e-mail address, a group) or when it last wrote {@link #INTERVALL} ago, so {@code senast_sedd} is right to
 * within that interval and a request costs no write. Several nodes may write the same user at once: the
 * row is updated, or inserted once.
 */
@Component
@Profile(SpringSecurityBaraMedOidc.OIDC)
public class Anvandarregister {

  /** How often at most a node writes a user it has already written unchanged (its last seen time). */
  public static final Duration INTERVALL = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Anvandarregister.class);

  private final JdbcClient jdbc;
  /** What this node last wrote for each user, and when. */
  private final Map<String, Skrivet> skrivna = new ConcurrentHashMap<>();
  private volatile Map<String, String> grupper = Map.of();

  private record Skrivet(Tokenanvandare anvandare, Instant nar) {
  }

  /** @param jdbc the application's database (the table {@code kand_anvandare}) */
  public Anvandarregister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the user now (a login).
   *
   * @param anvandare the user as the latest token described it; ignored without an id or without groups
   * @throws DataAccessException when the database does not answer
   */
  public void registrera(Tokenanvandare anvandare) {
    if (anvandare == null || anvandare.id() == null || anvandare.grupper().isEmpty()) {
      return;
    }
    Instant nu = Instant.now();
    OffsetDateTime sedd = nu.atOffset(ZoneOffset.UTC);
    String grupperna = String.join(",", anvandare.grupper());
    int rader = uppdatera(anvandare, grupperna, sedd);
    if (rader == 0) {
      try {
        jdbc.sql("insert into kand_anvandare (id, fornamn, efternamn, epost, grupper, senast_sedd) "
                + "values (:id, :fornamn, :efternamn, :epost, :grupper, :sedd)")
            .param("id", anvandare.id()).param("fornamn", anvandare.fornamn())
            .param("efternamn", anvandare.efternamn()).param("epost", anvandare.epost())
            .param("grupper", grupperna).param("sedd", sedd).update();
      } catch (DuplicateKeyException e) {
        // another node inserted it in between
        uppdatera(anvandare, grupperna, sedd);
      }
    }
    skrivna.put(anvandare.id(), new Skrivet(anvandare, nu));
  }

  /**
   * A request by the user: written when it is new to this node, changed, or last written
   * {@link #INTERVALL} ago. A database that does not answer is logged, not thrown: the request itself
   * will meet it if it needs the database.
   *
   * @param anvandare the user as the request's token (or session) describes it
   */
  public void sett(Tokenanvandare anvandare) {
    if (anvandare == null || anvandare.id() == null || anvandare.grupper().isEmpty()) {
      return;
    }
    Skrivet senast = skrivna.get(anvandare.id());
    if (senast != null && senast.anvandare().equals(anvandare)
        && senast.nar().isAfter(Instant.now().minus(INTERVALL))) {
      return;
    }
    try {
      registrera(anvandare);
    } catch (DataAccessException e) {
      LOG.warn("Kunde inte skriva {} i kand_anvandare: {}", anvandare.id(), e.getMessage());
    }
  }

  /**
   * @param id a user id
   * @return the user as its latest token described it, if it has ever signed in
   */
  public Optional<Tokenanvandare> hamta(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return jdbc.sql("select id, fornamn, efternamn, epost, grupper from kand_anvandare where id = :id")
        .param("id", id).query((rs, n) -> rad(rs)).optional();
  }

  /** @return every user that has ever signed in, by id */
  public List<Tokenanvandare> alla() {
    return jdbc.sql("select id, fornamn, efternamn, epost, grupper from kand_anvandare order by id")
        .query((rs, n) -> rad(rs)).list();
  }

  /**
   * @param id a user id
   * @return when the user was last seen (to within {@link #INTERVALL}), if ever
   */
  public Optional<OffsetDateTime> senastSedd(String id) {
    return jdbc.sql("select senast_sedd from kand_anvandare where id = :id").param("id", id)
        .query(OffsetDateTime.class).optional();
  }

  /** @param processensGrupper the process's groups: id and display name (set at start) */
  public void grupper(Map<String, String> processensGrupper) {
    grupper = Collections.unmodifiableMap(new LinkedHashMap<>(processensGrupper));
  }

  /** @return the process's groups: id and display name */
  public Map<String, String> grupper() {
    return grupper;
  }

  private int uppdatera(Tokenanvandare anvandare, String grupperna, OffsetDateTime sedd) {
    return jdbc.sql("update kand_anvandare set fornamn = :fornamn, efternamn = :efternamn, epost = :epost, "
            + "grupper = :grupper, senast_sedd = :sedd where id = :id")
        .param("id", anvandare.id()).param("fornamn", anvandare.fornamn())
        .param("efternamn", anvandare.efternamn()).param("epost", anvandare.epost())
        .param("grupper", grupperna).param("sedd", sedd).update();
  }

  private static Tokenanvandare rad(java.sql.ResultSet rs) throws java.sql.SQLException {
    String grupperna = rs.getString("grupper");
    List<String> lista = grupperna == null || grupperna.isBlank() ? List.of()
        : Arrays.stream(grupperna.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
    return new Tokenanvandare(rs.getString("id"), rs.getString("fornamn"), rs.getString("efternamn"),
        rs.getString("epost"), lista);
  }
}
