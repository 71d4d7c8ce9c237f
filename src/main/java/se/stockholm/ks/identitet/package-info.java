/**
 * Single sign-on: officials and integrations sign in with the city's own identities (OpenID Connect), in
 * the {@code oidc} profile.
 *
 * <p>Owns: the OpenID Connect login of the webapps (Tasklist, Cockpit, Admin) and the pages (authorization
 * code flow with PKCE, RP-initiated logout), the JWT bearer tokens of {@code /api} and {@code /engine-rest}
 * (issuer and audience checked), the mapping of the directory's groups and the clients' roles to the
 * process's groups ({@link se.stockholm.ks.identitet.Gruppmappning}), and the engine's identity provider that
 * answers from the tokens ({@link se.stockholm.ks.identitet.TokenIdentitetsleverantor}) as the table of users
 * seen keeps them on every node ({@link se.stockholm.ks.identitet.Anvandarregister}): no password is kept
 * for anyone. HTTP Basic only where the configuration allows it, for the technical accounts it lists
 * ({@link se.stockholm.ks.identitet.BasicInloggning}). Spring Security is switched off in every other profile
 * ({@link se.stockholm.ks.identitet.SpringSecurityBaraMedOidc}), where Camunda's own logins apply
 * ({@code se.stockholm.ks.security}).
 */
package se.stockholm.ks.identitet;
