package se.stockholm.ks.identitet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's identity provider in the {@code oidc} profile: users and their groups come from the tokens
 * ({@link Anvandarregister}), groups and authorizations stay in the engine's tables as in every profile
 * (created by {@link se.stockholm.ks.security.AuthorizationSetup}). So Tasklist's filters, candidate groups
 * and the engine's authorizations work unchanged, and Camunda's user and membership tables are not used.
 *
 * <ul>
 *   <li>No password is checked or stored: {@link #checkPassword} is always false (the webapps' login form
 *       and HTTP Basic let no one in), and users and memberships cannot be created here; the city's
 *       directory owns them.</li>
 *   <li>A user query answers from the users that have signed in since the node started (id, names,
 *       e-mail, groups), without authorization checks: any signed-in official may see a colleague's name,
 *       as Tasklist shows it on an assigned task.</li>
 *   <li>A group query for a user's groups ({@code groupMember}) answers with the groups of the user's
 *       latest token that exist in the engine; every other group query goes to the engine's tables.</li>
 * </ul>
 */
public class TokenIdentitetsleverantor extends DbIdentityServiceProvider {

  /** Always false: no one signs in with a password in the {@code oidc} profile. */
  @Override
  public boolean checkPassword(String userId, String password) {
    return false;
  }

  /**
   * @param userId a user id
   * @return the user as its latest token described it, or null if it has not signed in since the node started
   */
  @Override
  public UserEntity findUserById(String userId) {
    return Anvandarregister.hamta(userId).map(TokenIdentitetsleverantor::entitet).orElse(null);
  }

  @Override
  public long findUserCountByQueryCriteria(DbUserQueryImpl query) {
    return traffar(query).count();
  }

  @Override
  public List<User> findUserByQueryCriteria(DbUserQueryImpl query) {
    Stream<Tokenanvandare> traffar = traffar(query).sorted(Comparator.comparing(Tokenanvandare::id));
    return sida(traffar.map(a -> (User) entitet(a)).toList(), query.getFirstResult(), query.getMaxResults());
  }

  @Override
  public long findGroupCountByQueryCriteria(DbGroupQueryImpl query) {
    if (query.getUserId() == null) {
      return super.findGroupCountByQueryCriteria(query);
    }
    return anvandarensGrupper(query).size();
  }

  @Override
  public List<Group> findGroupByQueryCriteria(DbGroupQueryImpl query) {
    if (query.getUserId() == null) {
      return super.findGroupByQueryCriteria(query);
    }
    return sida(anvandarensGrupper(query), query.getFirstResult(), query.getMaxResults());
  }

  /** Refused: users are the city directory's. */
  @Override
  public UserEntity createNewUser(String userId) {
    throw katalogensSak();
  }

  /** Refused: users are the city directory's. */
  @Override
  public IdentityOperationResult saveUser(User user) {
    throw katalogensSak();
  }

  /** Refused: group memberships come from the tokens. */
  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    throw katalogensSak();
  }

  private static ProcessEngineException katalogensSak() {
    return new ProcessEngineException("Användare och gruppmedlemskap hanteras i stadens katalog (inloggning med "
        + "OpenID Connect), inte i processmotorn.");
  }

  private Stream<Tokenanvandare> traffar(DbUserQueryImpl q) {
    Set<String> ids = q.getIds() == null ? null : Set.of(q.getIds());
    return Anvandarregister.alla().stream()
        .filter(a -> q.getId() == null || q.getId().equals(a.id()))
        .filter(a -> ids == null || ids.contains(a.id()))
        .filter(a -> q.getFirstName() == null || q.getFirstName().equals(a.fornamn()))
        .filter(a -> q.getLastName() == null || q.getLastName().equals(a.efternamn()))
        .filter(a -> q.getEmail() == null || q.getEmail().equalsIgnoreCase(a.epost()))
        .filter(a -> like(q.getFirstNameLike(), a.fornamn()))
        .filter(a -> like(q.getLastNameLike(), a.efternamn()))
        .filter(a -> like(q.getEmailLike(), a.epost()))
        .filter(a -> q.getGroupId() == null || a.grupper().contains(q.getGroupId()))
        .filter(a -> q.getTenantId() == null);
  }

  /** The user's groups that exist in the engine and meet the query's other criteria. */
  private List<Group> anvandarensGrupper(DbGroupQueryImpl q) {
    Set<String> grupper = new LinkedHashSet<>(
        Anvandarregister.hamta(q.getUserId()).map(Tokenanvandare::grupper).orElse(List.of()));
    if (q.getId() != null) {
      grupper.retainAll(Set.of(q.getId()));
    }
    if (q.getIds() != null) {
      grupper.retainAll(Set.of(q.getIds()));
    }
    if (grupper.isEmpty() || q.getTenantId() != null) {
      return List.of();
    }
    DbGroupQueryImpl urval = new DbGroupQueryImpl();
    urval.groupIdIn(grupper.toArray(String[]::new));
    if (q.getName() != null) {
      urval.groupName(q.getName());
    }
    if (q.getNameLike() != null) {
      urval.groupNameLike(q.getNameLike());
    }
    if (q.getType() != null) {
      urval.groupType(q.getType());
    }
    List<Group> traffar = new ArrayList<>(super.findGroupByQueryCriteria(urval));
    traffar.sort(Comparator.comparing(Group::getId));
    return traffar;
  }

  private static boolean like(String monster, String varde) {
    if (monster == null) {
      return true;
    }
    if (varde == null) {
      return false;
    }
    String regex = java.util.regex.Pattern.quote(monster).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
    return varde.toLowerCase(java.util.Locale.ROOT).matches(regex.toLowerCase(java.util.Locale.ROOT));
  }

  private static <T> List<T> sida(List<T> alla, int forsta, int antal) {
    int fran = Math.min(Math.max(forsta, 0), alla.size());
    int till = (int) Math.min((long) fran + Math.max(antal, 0), alla.size());
    return alla.subList(fran, till);
  }

  private static UserEntity entitet(Tokenanvandare anvandare) {
    UserEntity user = new UserEntity(anvandare.id());
    user.setFirstName(anvandare.fornamn());
    user.setLastName(anvandare.efternamn());
    user.setEmail(anvandare.epost());
    return user;
  }
}
