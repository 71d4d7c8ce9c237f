package se.stockholm.ks.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * Camunda's own database identity provider, except that an empty (or blank) password never
 * authenticates. Camunda accepts a user whose stored password is empty when the empty password is
 * given; every door (engine REST's HTTP Basic, the webapps' login, {@code /api}) asks
 * {@code IdentityService.checkPassword}, which asks this provider. Set by {@link AdministratorPlugin}.
 */
public class IdentitetsleverantorUtanTommaLosenord extends DbIdentityServiceProvider {

  /**
   * @param userId the user
   * @param password the password given
   * @return false for a null, empty or blank password; otherwise Camunda's check (which also counts
   *     failed attempts and locks)
   */
  @Override
  public boolean checkPassword(String userId, String password) {
    if (password == null || password.isBlank()) {
      return false;
    }
    return super.checkPassword(userId, password);
  }
}
