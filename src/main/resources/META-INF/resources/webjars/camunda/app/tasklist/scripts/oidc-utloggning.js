/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): "Logga ut" in the oidc profile.
 *
 * Loaded by Tasklist as a custom script (config.js, customScripts). In the oidc profile (README,
 * "Inloggning med stadens konton (OIDC)") the official signed in at the city's provider; Tasklist's own
 * logout ends only Tasklist's part of the session, and the next page would sign her in again at once.
 * So after it the browser goes to /logga-ut, which ends the session here and at the provider
 * (RP-initiated logout). /inloggning/satt answers only in the oidc profile; elsewhere nothing changes.
 */
const angular = window.angular;

if (angular) {
  angular.module('cam.tasklist')
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
