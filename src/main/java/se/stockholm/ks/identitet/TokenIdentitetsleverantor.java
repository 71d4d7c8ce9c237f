package se.stockholm.ks.identitet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import se.stockholm.ks.security.Grupper;

/**
 * The engine's read-only identity provider in the {@code oidc} profile: users and their groups come from the
 * tokens, as the table of users seen keeps them ({@link Anvandarregister}, the same on every node), the groups are the process's groups of the configuration
 * ({@link se.stockholm.ks.security.AuthorizationSetup#groups()} and {@code camunda-admin}); authorizations stay
 * in the engine's tables as in every profile. So Tasklist's filters, candidate groups and the engine's
 * authorizations work unchanged, Camunda's user, group and membership tables are not used, and the webapps
 * neither offer to create users nor ask for a first administrator (the identity service is read-only).
 *
 * <ul>
 *   <li>No password is checked or stored: {@link #checkPassword} is always false (the webapps' login form
 *       and Camunda's own HTTP Basic let no one in; {@link BasicInloggning} checks its own accounts);
 *       users, groups and memberships cannot be created here: the city's
 *       directory owns them.</li>
 *   <li>A user query answers from the users that have ever signed in (id, names, e-mail, groups; filtered
 *       here, as a city's officials are thousands at most), without authorization checks: any signed-in official may see a colleague's name,
 *       as Tasklist shows it on an assigned task.</li>
 *   <li>A group query answers from the process's groups; for a user's groups ({@code groupMember}) with
 *       those of the user's latest token.</li>
 * </ul>
 */
public class TokenIdentitetsleverantor extends DbReadOnlyIdentityServiceProvider {

  private final Anvandarregister register;

  /** @param register the table of users seen, and the process's groups */
  public TokenIdentitetsleverantor(Anvandarregister register) {
    this.register = register;
  }

  /** Always false: no one signs in with a password in the {@code oidc} profile. */
  @Override
  public boolean checkPassword(String userId, String password) {
    return false;
  }

  /**
   * @param userId a user id
   * @return the user as its latest token described it, or null if it has never signed in
   */
  @Override
  public UserEntity findUserById(String userId) {
    return register.hamta(userId).map(TokenIdentitetsleverantor::entitet).orElse(null);
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
  public GroupEntity findGroupById(String groupId) {
    String namn = register.grupper().get(groupId);
    return namn == null ? null : grupp(groupId, namn);
  }

  @Override
  public long findGroupCountByQueryCriteria(DbGroupQueryImpl query) {
    return grupper(query).size();
  }

  @Override
  public List<Group> findGroupByQueryCriteria(DbGroupQueryImpl query) {
    return sida(grupper(query), query.getFirstResult(), query.getMaxResults());
  }

  private Stream<Tokenanvandare> traffar(DbUserQueryImpl q) {
    Set<String> ids = q.getIds() == null ? null : Set.of(q.getIds());
    return register.alla().stream()
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

  /** The process's groups (from the configuration) that meet the query, by id. */
  private List<Group> grupper(DbGroupQueryImpl q) {
    Set<String> ids = q.getIds() == null ? null : Set.of(q.getIds());
    List<String> medlem = q.getUserId() == null ? null
        : register.hamta(q.getUserId()).map(Tokenanvandare::grupper).orElse(List.of());
    List<Group> traffar = new ArrayList<>();
    register.grupper().forEach((id, namn) -> {
      if ((q.getId() == null || q.getId().equals(id)) && (ids == null || ids.contains(id))
          && (q.getName() == null || q.getName().equals(namn)) && like(q.getNameLike(), namn)
          && (q.getType() == null || q.getType().equals(typ(id))) && (medlem == null || medlem.contains(id))
          && q.getTenantId() == null) {
        traffar.add(grupp(id, namn));
      }
    });
    traffar.sort(Comparator.comparing(Group::getId));
    return traffar;
  }

  private static String typ(String id) {
    return Grupper.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW";
  }

  private static GroupEntity grupp(String id, String namn) {
    GroupEntity group = new GroupEntity(id);
    group.setName(namn);
    group.setType(typ(id));
    return group;
  }

  private static boolean like(String monster, String varde) {
    if (monster == null) {
      return true;
    }
    if (varde == null) {
      return false;
    }
    // SQL's LIKE: % any text, _ one character, everything else itself (case-insensitive: Admin's search)
    StringBuilder regex = new StringBuilder();
    monster.codePoints().forEach(c -> regex.append(c == '%' ? ".*" : c == '_' ? "."
        : java.util.regex.Pattern.quote(new String(Character.toChars(c)))));
    return java.util.regex.Pattern.compile(regex.toString(),
        java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE | java.util.regex.Pattern.DOTALL)
        .matcher(varde).matches();
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
