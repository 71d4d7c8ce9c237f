/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): Admin configuration.
 *
 * Replaces app/admin/scripts/config.js of the Camunda 7.24 webjar (whose default is empty): the
 * application's copy lies earlier on the classpath and is served in its place. Options: Camunda 7
 * manual, "Admin > Configuration".
 */
export default {
  // In the oidc profile "Logga ut" also ends the session at the city's provider (RP-initiated logout).
  // One script for every webapp, in Tasklist's folder: custom scripts load relative to app/admin/.
  customScripts: ['../tasklist/scripts/oidc-utloggning']
};
