/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): Tasklist configuration.
 *
 * Replaces app/tasklist/scripts/config.js of the Camunda 7.24 webjar: the application's copy lies
 * earlier on the classpath and is served in its place. Options: Camunda 7 manual, "Tasklist >
 * Configuration" (dateFormat, locales, app, customScripts, disableWelcomeMessage, shortcuts).
 */
export default {
  // Header and page title: "<vendor> <name>"; the login page shows the name under the logo.
  app: {
    vendor: 'Stockholms stad –',
    name: 'Kommunstyrelsen'
  },

  // Swedish only (locales/sv.json). With 'en' listed too, every browser set to English would get
  // the English interface around the Swedish forms; add 'en' here if that is ever wanted.
  locales: {
    availableLocales: ['sv'],
    fallbackLocale: 'sv'
  },

  // moment.js formats; dates as ÅÅÅÅ-MM-DD.
  dateFormat: {
    monthName: 'MMM',
    day: 'D',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd YYYY-MM-DD [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  },

  // Swedish names for the date picker and dates instead of "om 12 dagar" beyond one day;
  // the task list's sorting bar set to due date, earliest first, as the filters sort;
  // the forms' validation messages in plain Swedish (scripts/formular.js); in the oidc profile "Logga ut"
  // also ends the session at the city's provider (scripts/oidc-utloggning.js).
  customScripts: ['scripts/swedish-dates', 'scripts/default-sorting', 'scripts/formular', 'scripts/inbaddade-formular',
    'scripts/oidc-utloggning'],

  // The first-login note points to Camunda's welcome page, which officials have no use for.
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tar den valda uppgiften'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flyttar markören till det första filtret i listan'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flyttar markören till den första uppgiften i listan'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flyttar markören till det första fältet i uppgiftens formulär'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'öppnar dialogen för att starta en process'
    }
  }
};
