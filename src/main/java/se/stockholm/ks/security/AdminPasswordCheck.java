package se.stockholm.ks.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without an administrator password. The password comes from
 * {@code KS_ADMIN_PASSWORD} (or {@code camunda.bpm.admin-user.password}); only the local demo
 * profile has a default. Without this check Camunda would create the administrator with a
 * password equal to its user id.
 */
@Component
class AdminPasswordCheck implements InitializingBean {

  private final String password;

  AdminPasswordCheck(@Value("${camunda.bpm.admin-user.password:}") String password) {
    this.password = password;
  }

  @Override
  public void afterPropertiesSet() {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "Inget administratörslösenord: sätt miljövariabeln KS_ADMIN_PASSWORD "
              + "(eller camunda.bpm.admin-user.password) innan applikationen startas.");
    }
  }
}
