package se.stockholm.ks.identitet;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The process's groups of a signed-in user or client, from the claims of its token through the mapping
 * table ({@link OidcInstallningar#gruppmappning()}). Values that no row names give nothing: the city's
 * groups are not ours, and only what the table names reaches the engine.
 */
public class Gruppmappning {

  private final List<String> claims;
  private final Map<String, Set<String>> tabell = new LinkedHashMap<>();

  /** @param installningar the claims to read and the mapping table */
  public Gruppmappning(OidcInstallningar installningar) {
    this.claims = installningar.gruppClaims();
    for (OidcInstallningar.Mappning rad : installningar.gruppmappning()) {
      if (rad.fran() != null && rad.grupper() != null) {
        tabell.computeIfAbsent(rad.fran().trim(), k -> new LinkedHashSet<>()).addAll(rad.grupper());
      }
    }
  }

  /**
   * @param tokenClaims the token's claims (ID token and user info, or the access token)
   * @return the process's groups, in the table's order; empty when no value is mapped
   */
  public List<String> grupper(Map<String, Object> tokenClaims) {
    Set<String> grupper = new LinkedHashSet<>();
    for (String claim : claims) {
      for (String varde : varden(tokenClaims.get(claim))) {
        grupper.addAll(tabell.getOrDefault(varde, Set.of()));
      }
    }
    return List.copyOf(grupper);
  }

  /** @return the mapping table: a token value and the groups it gives */
  public Map<String, Set<String>> tabell() {
    return java.util.Collections.unmodifiableMap(tabell);
  }

  private static List<String> varden(Object claim) {
    if (claim instanceof Collection<?> lista) {
      return lista.stream().filter(v -> v != null).map(Object::toString).toList();
    }
    if (claim instanceof String text) {
      return List.of(text.trim().split("\\s+"));
    }
    return List.of();
  }
}
