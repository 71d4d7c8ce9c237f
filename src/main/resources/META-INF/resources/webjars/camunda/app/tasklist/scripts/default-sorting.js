/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): the task list sorted by due date.
 *
 * Loaded by Tasklist as a custom script (config.js, customScripts) before AngularJS starts.
 * The application's saved filters sort by due date, earliest first (TasklistFilters), but
 * Tasklist's sorting bar defaults to "Skapad, fallande" whatever the filter says. When the
 * address has no sorting yet, this sets the bar to "Förfallodatum, stigande", so that what it
 * shows is what the list does. A sorting the user picks afterwards is kept as Tasklist keeps it
 * (in the address); the filter's own order by due date still comes first.
 */
const angular = window.angular;

const DUE_DATE_ASCENDING = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

if (angular) {
  angular.module('cam.tasklist')
    .run(['$rootScope', '$location', function ($rootScope, $location) {
      function defaultSorting() {
        if ($location.path() === '/' && !$location.search().sorting) {
          $location.search('sorting', DUE_DATE_ASCENDING).replace();
        }
      }

      $rootScope.$on('$locationChangeSuccess', defaultSorting);
      defaultSorting();
    }]);
} else {
  console.error('Skrivelseprocessen: AngularJS not found, default sorting not applied');
}
