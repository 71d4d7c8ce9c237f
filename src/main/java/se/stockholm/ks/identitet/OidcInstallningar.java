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
    @DefaultValue("{baseUrl}/utloggad") String utloggningsadress) {

  /**
   * One row of the group mapping table.
   *
   * @param fran the value in the token (a directory group's name or object id, an app role, a scope)
   * @param grupper the process's groups it gives ({@code ks-kansli}, {@code rotel-i}, {@code integration}, …)
   */
  public record Mappning(String fran, List<String> grupper) {
  }
}
