package se.stockholm.ks.identitet;

import java.util.List;

/**
 * A user or client as its token describes it.
 *
 * @param id the id in the engine (the configured user claim, else {@code sub})
 * @param fornamn first name ({@code given_name}), or null
 * @param efternamn last name ({@code family_name}), or the full name ({@code name}) when there is no
 *     first name, or null
 * @param epost e-mail address, or null
 * @param grupper the process's groups after the mapping
 */
public record Tokenanvandare(String id, String fornamn, String efternamn, String epost, List<String> grupper) {

  /**
   * @param claims the token's claims
   * @param anvandarClaim the claim holding the user's id
   * @param grupper the groups after the mapping
   * @return the user
   */
  public static Tokenanvandare av(java.util.Map<String, Object> claims, String anvandarClaim, List<String> grupper) {
    String id = text(claims.get(anvandarClaim));
    if (id == null) {
      id = text(claims.get("sub"));
    }
    String fornamn = text(claims.get("given_name"));
    String efternamn = text(claims.get("family_name"));
    if (fornamn == null && efternamn == null) {
      efternamn = text(claims.get("name"));
    }
    return new Tokenanvandare(id, fornamn, efternamn, text(claims.get("email")), List.copyOf(grupper));
  }

  /** @return the name to show: first and last name, or the id */
  public String visningsnamn() {
    String namn = ((fornamn == null ? "" : fornamn) + " " + (efternamn == null ? "" : efternamn)).trim();
    return namn.isEmpty() ? id : namn;
  }

  private static String text(Object varde) {
    return varde == null || varde.toString().isBlank() ? null : varde.toString();
  }
}
