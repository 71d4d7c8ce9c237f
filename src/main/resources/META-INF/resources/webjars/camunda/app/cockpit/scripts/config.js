/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): Cockpit configuration.
 *
 * Replaces app/cockpit/scripts/config.js of the Camunda 7.24 webjar: the application's copy lies
 * earlier on the classpath and is served in its place. Options: Camunda 7 manual, "Cockpit >
 * Configuration" (app, locales, dateFormat, customScripts, disableWelcomeMessage).
 */
export default {
  // Header and page title: "<vendor> <name>", as in Tasklist.
  app: {
    vendor: 'Stockholms stad –',
    name: 'Kommunstyrelsen'
  },

  // Swedish only (locales/sv.json, written by tools/webapp-sv/oversatt.py from the webjar's en.json),
  // whatever language the browser asks for.
  locales: {
    availableLocales: ['sv'],
    fallbackLocale: 'sv'
  },

  // moment.js formats; dates as ÅÅÅÅ-MM-DD, as in Tasklist (Cockpit itself ignores them: scripts/svenska.js
  // hands them to its date filter).
  dateFormat: {
    monthName: 'MMM',
    day: 'D',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd YYYY-MM-DD [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  },

  // The first-login note points to Camunda's welcome page, which process owners have no use for.
  disableWelcomeMessage: true,

  // The dates above for Cockpit's date filter and Swedish for the few English texts that Cockpit writes
  // into its templates instead of its language file (scripts/svenska.js). In the oidc profile "Logga ut"
  // also ends the session at the city's provider (RP-initiated logout): one script for every webapp, in
  // Tasklist's folder (custom scripts load relative to app/cockpit/).
  customScripts: ['scripts/svenska', '../tasklist/scripts/oidc-utloggning']
};
