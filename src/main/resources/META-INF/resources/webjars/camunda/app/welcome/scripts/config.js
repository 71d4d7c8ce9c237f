/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): Welcome configuration (the start page
 * with the links to Tasklist, Cockpit and Admin, and the user's profile and password).
 *
 * Replaces app/welcome/scripts/config.js of the Camunda 7.24 webjar: the application's copy lies
 * earlier on the classpath and is served in its place. Options: Camunda 7 manual, "Welcome >
 * Configuration" (app, locales, dateFormat, links, customScripts, disableWelcomeMessage).
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

  // moment.js formats; dates as ÅÅÅÅ-MM-DD, as in Tasklist.
  dateFormat: {
    monthName: 'MMM',
    day: 'D',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd YYYY-MM-DD [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  },

  // The first-login note points to this very page.
  disableWelcomeMessage: true,

  // In the oidc profile "Logga ut" also ends the session at the city's provider (RP-initiated logout).
  // One script for every webapp, in Tasklist's folder: custom scripts load relative to app/welcome/.
  customScripts: ['../tasklist/scripts/oidc-utloggning']
};
