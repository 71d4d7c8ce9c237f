package se.stockholm.ks.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import se.stockholm.ks.behorighet.Inloggningsstrypning;

/**
 * Camunda's own database identity provider, except that an empty (or blank) password never
 * authenticates. Camunda accepts a user whose stored password is empty when the empty password is
 * given; every door (engine REST's HTTP Basic, the webapps' login, {@code /api}) asks
 * {@code IdentityService.checkPassword}, which asks this provider. Set by {@link AdministratorPlugin}.
 *
 * <p>Failed attempts are throttled per source and time ({@link Inloggningsstrypning}), never by
 * locking the user: Camunda's own counter ({@code loginMaxAttempts}, after which an account stays
 * locked until an administrator unlocks it) lets anyone lock out any account, the integration's
 * service account too, by sending wrong passwords.
 */
public class IdentitetsleverantorUtanTommaLosenord extends DbIdentityServiceProvider {

  /**
   * @param userId the user
   * @param password the password given
   * @return false for a null, empty or blank password, and while the request's source is throttled
   *     for this user; otherwise whether the password matches the stored hash (the outcome is counted
   *     for the source, nothing is written on the user)
   */
  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || !Inloggningsstrypning.sparrad(userId).isZero()) {
      return false;
    }
    UserEntity user = findUserById(userId);
    boolean ok = user != null && password != null && !password.isBlank() && matchPassword(password, user);
    Inloggningsstrypning.registrera(userId, ok);
    return ok;
  }
}
