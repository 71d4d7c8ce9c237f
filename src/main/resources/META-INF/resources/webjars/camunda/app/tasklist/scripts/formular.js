/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): the forms' messages in plain Swedish.
 *
 * Loaded by Tasklist as a custom script (config.js, customScripts) before AngularJS starts.
 *
 * 1. When a task listener refuses a form, its message is Swedish and says what to do
 *    ("Svarsdatum 2026-12-19 är ingen arbetsdag. Välj t.ex. 2026-12-21."). On the way the engine
 *    wraps it ("ENGINE-03051 There was an exception while invoking the TaskListener. Message:
 *    'Exception while invoking TaskListener: …'") and the REST API prefixes it ("Cannot submit
 *    task form <id>: …", "Cannot instantiate process definition <id>: …"). Tasklist's error
 *    notifications show only the message itself.
 * 2. Camunda Forms (form-js) write their own validation messages in English ("Field is
 *    required."); they are replaced by Swedish ones as they appear.
 * 3. The date picker of Camunda Forms (flatpickr) gets Swedish month and day names, weeks from
 *    Monday, and the placeholder ÅÅÅÅ-MM-DD.
 */
const angular = window.angular;

const PREFIX = [
  /^Cannot submit task form [^:\s]+: /,
  /^Cannot instantiate process definition \S+: /,
  /^Cannot complete task [^:\s]+: /,
];
const LISTENER = /^ENGINE-\d+ There was an exception while invoking the TaskListener\. Message: 'Exception while invoking TaskListener: ([\s\S]*)'$/;
const DELEGATE = /^ENGINE-\d+ [^:]*?Exception while invoking (?:TaskListener|ExecutionListener): ([\s\S]*)$/;

function rensaMeddelande(message) {
  if (typeof message !== 'string') {
    return message;
  }
  let m = message.trim();
  PREFIX.forEach((p) => { m = m.replace(p, ''); });
  const listener = m.match(LISTENER) || m.match(DELEGATE);
  return listener ? listener[1].replace(/'$/, '').trim() : m;
}

const FORM_JS = [
  [/^Field is required\.$/, () => 'Fältet måste fyllas i.'],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `Högst ${n} tecken.`],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `Minst ${n} tecken.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `Högst ${n}.`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `Minst ${n}.`],
  [/^Field must match pattern .*$/, () => 'Fältet har fel format.'],
  [/^Date and time must both be entered\.$/, () => 'Ange både datum och tid.'],
];

function oversattFormJs(root) {
  root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-form-field-error span')
    .forEach((el) => {
      if (el.children.length) {
        return;
      }
      const text = el.textContent.trim();
      for (const [monster, svenska] of FORM_JS) {
        const m = text.match(monster);
        if (m) {
          el.textContent = svenska(m[1]);
          break;
        }
      }
    });
}

const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december'];
const DAGAR = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const FLATPICKR_SV = {
  weekdays: { shorthand: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'], longhand: DAGAR },
  months: { shorthand: MANADER.map((m) => m.slice(0, 3)), longhand: MANADER },
  firstDayOfWeek: 1,
  rangeSeparator: ' till ',
  weekAbbreviation: 'v',
  scrollTitle: 'Scrolla för att ändra',
  toggleTitle: 'Klicka för att växla',
  yearAriaLabel: 'År',
  monthAriaLabel: 'Månad',
  time_24hr: true,
  ordinal: () => '.',
};

function svenskaDatum(root) {
  root.querySelectorAll('.fjs-form-field-datetime input').forEach((input) => {
    if (input.getAttribute('placeholder') === 'yyyy-mm-dd') {
      input.setAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
    }
    const picker = input._flatpickr;
    if (picker && picker.l10n !== undefined && picker.l10n.firstDayOfWeek !== 1) {
      picker.set('locale', FLATPICKR_SV);
    }
  });
}

if (angular) {
  angular.module('cam.tasklist')
    .config(['$provide', function ($provide) {
      $provide.decorator('Notifications', ['$delegate', function ($delegate) {
        const addError = $delegate.addError;
        $delegate.addError = function (notification) {
          if (notification && notification.message) {
            notification.message = rensaMeddelande(notification.message);
          }
          return addError.apply(this, arguments);
        };
        return $delegate;
      }]);
    }])
    .run([function () {
      const observer = new MutationObserver(() => {
        oversattFormJs(document);
        svenskaDatum(document);
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    }]);
}
