package se.stockholm.ks.identitet;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code oidc} profile's settings, {@code ks.oidc.*} (README, "Inloggning med stadens konton (OIDC)";
 * each has an environment variable {@code KS_OIDC_*} in {@code application-oidc.yaml}).
 *
 * @param utfardare the provider's issuer URL (Entra ID: {@code https://login.microsoftonline.com/<tenant>/v2.0},
 *     Keycloak: {@code https://<host>/realms/<realm>}); its discovery document gives every endpoint, and the
 *     bearer tokens' {@code iss} must equal it
 * @param klientId the application's client id at the provider (the officials' login)
 * @param klientHemlighet the client's secret (confidential client; PKCE is used as well)
 * @param omfang the scopes asked for at login
 * @param malgrupp the audience that a bearer token for {@code /api} and {@code /engine-rest} must carry in
 *     {@code aud} (Entra ID: the API's application id URI or client id)
 * @param anvandarClaim the claim whose value is the user's id in the engine, the event log and the
 *     handlingar (falls back to {@code sub} when the token lacks it)
 * @param gruppClaims the claims whose values are mapped to groups: the directory's groups for officials,
 *     the app roles or scopes for integrations (a space-separated {@code scope} string counts as a list)
 * @param gruppmappning the mapping table: a value of one of those claims and the process groups it gives
 * @param utloggningsadress where the provider sends the browser after logout (RP-initiated logout);
 *     {@code {baseUrl}} stands for the application's own address
 * @param basicTillaten whether HTTP Basic is accepted besides the bearer tokens on {@code /api} and
 *     {@code /engine-rest}, for the accounts of {@code basicAnvandare} only (default false: Basic is refused
 *     with 401 on every door; never the webapps, which sign in through the provider)
 * @param basicAnvandare the technical accounts that may use HTTP Basic when {@code basicTillaten}: kept in
 *     the configuration (an environment variable or the city's own config file), never in the database
 */
@ConfigurationProperties("ks.oidc")
public record OidcInstallningar(
    String utfardare,
    String klientId,
    String klientHemlighet,
    @DefaultValue({"openid", "profile", "email"}) List<String> omfang,
    String malgrupp,
    @DefaultValue("preferred_username") String anvandarClaim,
    @DefaultValue({"groups", "roles", "scope"}) List<String> gruppClaims,
    @DefaultValue List<Mappning> gruppmappning,
    @DefaultValue("{baseUrl}/utloggad") String utloggningsadress,
    @DefaultValue("false") boolean basicTillaten,
    @DefaultValue List<BasicKonto> basicAnvandare) {

  /**
   * One row of the group mapping table.
   *
   * @param fran the value in the token (a directory group's name or object id, an app role, a scope)
   * @param grupper the process's groups it gives ({@code ks-kansli}, {@code rotel-i}, {@code integration}, …)
   */
  public record Mappning(String fran, List<String> grupper) {
  }

  /**
   * A technical account that may sign in with HTTP Basic when {@link #basicTillaten()}.
   *
   * @param id the user id in the engine, the diarium and the event log
   * @param losenord the password as Spring Security's password encoders store it, with its algorithm in
   *     braces: {@code {bcrypt}$2a$10$…} (made with e.g. {@code htpasswd -bnBC 10 "" <lösenord>}); a
   *     {@code {noop}} clear text is accepted but not advised
   * @param namn the name shown for it (e.g. in Admin), or null
   * @param grupper the process's groups it has (not mapped: these are already the process's names)
   */
  public record BasicKonto(String id, String losenord, String namn, List<String> grupper) {
  }
}
