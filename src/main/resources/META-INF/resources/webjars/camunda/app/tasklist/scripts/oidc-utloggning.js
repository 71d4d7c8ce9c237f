/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): "Logga ut" in the oidc profile, in every webapp.
 *
 * Loaded as a custom script (config.js, customScripts) by Tasklist ('scripts/oidc-utloggning') and by
 * Cockpit, Admin and Welcome ('../tasklist/scripts/oidc-utloggning': the webapps load custom scripts
 * relative to their own folder, so one file serves all four). In the oidc profile (README, "Inloggning med
 * stadens konton (OIDC)") the official signed in at the city's provider; a webapp's own logout ends only
 * its part of the session, and the next page would sign her in again at once. So after it the browser
 * goes to /logga-ut, which ends the session here and at the provider (RP-initiated logout).
 * /inloggning/satt answers only in the oidc profile; elsewhere nothing changes.
 */
const angular = window.angular;
// the webapp that loaded the script: its Angular module is cam.<app> (cam.tasklist, cam.cockpit, …)
const app = (window.location.pathname.match(/\/app\/(tasklist|cockpit|admin|welcome)\//) || [])[1];

if (angular && app) {
  angular.module('cam.' + app)
    .run(['$rootScope', '$window', function ($rootScope, $window) {
      let utloggning = null;
      $window.fetch('/inloggning/satt', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (svar) { return svar.ok ? svar.json() : null; })
        .then(function (satt) { utloggning = satt && satt.utloggning ? satt.utloggning : null; })
        .catch(function () { utloggning = null; });
      $rootScope.$on('authentication.logout.success', function (event) {
        if (utloggning) {
          event.preventDefault();
          $window.location.href = utloggning;
        }
      });
    }]);
}
