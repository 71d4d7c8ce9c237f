/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): Swedish dates in Tasklist.
 *
 * Loaded by Tasklist as a custom script (config.js, customScripts) before AngularJS starts.
 * locales/sv.json translates the texts and moment.js's date names; two things it cannot reach:
 *  - AngularJS's own $locale, used by the date picker for förfallodatum and uppföljningsdatum
 *    (month and day names, first day of week): Swedish here, with dates as ÅÅÅÅ-MM-DD;
 *  - the task list's relative times ("om 12 dagar", angular-moment's am-time-ago): within a
 *    day they stay relative ("om 3 timmar"), beyond that the date itself is shown, e.g.
 *    "Förfaller 2025-12-19" (angular-moment's own fullDateThreshold works for past dates only).
 */
const angular = window.angular;

const DATE_FORMAT = 'YYYY-MM-DD';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
  'september', 'oktober', 'november', 'december'];

const SWEDISH_DATETIME_FORMATS = {
  AMPMS: ['fm', 'em'],
  DAY: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  ERANAMES: ['före Kristus', 'efter Kristus'],
  ERAS: ['f.Kr.', 'e.Kr.'],
  // AngularJS counts from Monday = 0
  FIRSTDAYOFWEEK: 0,
  MONTH: MONTHS,
  SHORTDAY: ['sön', 'mån', 'tis', 'ons', 'tors', 'fre', 'lör'],
  SHORTMONTH: ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.',
    'nov.', 'dec.'],
  STANDALONEMONTH: MONTHS,
  WEEKENDRANGE: [5, 6],
  fullDate: 'EEEE y-MM-dd',
  longDate: 'd MMMM y',
  medium: 'y-MM-dd HH:mm:ss',
  mediumDate: 'y-MM-dd',
  mediumTime: 'HH:mm:ss',
  short: 'y-MM-dd HH:mm',
  shortDate: 'y-MM-dd',
  shortTime: 'HH:mm'
};

if (angular) {
  angular.module('cam.tasklist')
    .config(['$provide', function ($provide) {
      $provide.decorator('$locale', ['$delegate', function ($delegate) {
        angular.extend($delegate.DATETIME_FORMATS, SWEDISH_DATETIME_FORMATS);
        $delegate.id = 'sv-se';
        $delegate.localeID = 'sv_SE';
        return $delegate;
      }]);
    }])
    .config(['$provide', function ($provide) {
      $provide.decorator('amTimeAgoDirective', ['$delegate', '$window', 'moment', 'amMoment',
        function ($delegate, $window, moment, amMoment) {
          $delegate[0].compile = function () {
            return function link(scope, element, attrs) {
              let value = null;
              let timer = null;

              function cancel() {
                if (timer) {
                  $window.clearTimeout(timer);
                  timer = null;
                }
              }

              function render() {
                cancel();
                if (value === null) {
                  element.text('');
                  return;
                }
                const date = amMoment.preprocessDate(value);
                const now = moment();
                if (Math.abs(now.diff(date, 'day')) >= 1) {
                  element.text(date.format(DATE_FORMAT));
                } else {
                  element.text(date.from(now));
                  timer = $window.setTimeout(render, 60 * 1000);
                }
              }

              scope.$watch(attrs.amTimeAgo, function (newValue) {
                value = newValue === undefined || newValue === null || newValue === '' ? null : newValue;
                render();
              });
              scope.$on('amMoment:localeChanged', render);
              scope.$on('$destroy', cancel);
            };
          };
          return $delegate;
        }]);
    }]);
} else {
  console.error('Skrivelseprocessen: AngularJS not found, Swedish date settings not applied');
}
