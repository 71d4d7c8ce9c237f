/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): Admin configuration.
 *
 * Replaces app/admin/scripts/config.js of the Camunda 7.24 webjar (whose default is empty): the
 * application's copy lies earlier on the classpath and is served in its place. Options: Camunda 7
 * manual, "Admin > Configuration" (dateFormat, locales, app, customScripts, disableWelcomeMessage).
 */
export default {
  // Header and page title: "<vendor> <name>"; the login page shows the name under the logo.
  app: {
    vendor: 'Stockholms stad – Kommunstyrelsen',
    name: 'Administration'
  },

  // Swedish only (locales/sv.json, the complete translation of the webjar's en.json), whatever
  // the browser's language, as in Tasklist.
  locales: {
    availableLocales: ['sv'],
    fallbackLocale: 'sv'
  },

  // moment.js formats; dates as ÅÅÅÅ-MM-DD.
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd YYYY-MM-DD [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  },

  // The first-login note points to Camunda's welcome page, which administrators have no use for.
  disableWelcomeMessage: true,

  // In the oidc profile "Logga ut" also ends the session at the city's provider (RP-initiated logout).
  // One script for every webapp, in Tasklist's folder: custom scripts load relative to app/admin/.
  customScripts: ['../tasklist/scripts/oidc-utloggning']
};
