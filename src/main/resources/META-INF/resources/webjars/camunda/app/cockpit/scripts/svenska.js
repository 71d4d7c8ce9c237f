/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): what locales/sv.json cannot reach in Cockpit.
 *
 * Loaded by Cockpit as a custom script (config.js, customScripts) before AngularJS starts.
 *  - Dates: Cockpit 7.24 fixes its date formats in code (e.g. "2026-12-08T04:06:37" and "8 december
 *    2026") and ignores config.js's dateFormat; the formats are taken from config.js here, so that
 *    every date reads ÅÅÅÅ-MM-DD as in Tasklist.
 *  - A few English texts written into Cockpit's templates and code instead of its language file
 *    (the incident type "Failed Job", "Message is null.", the diagram's zoom buttons): replaced
 *    where they appear, exactly and nowhere else.
 */
const angular = window.angular;

/** Cockpit's own English words, not in its language file: English → Swedish, whole texts only. */
const TEXTS = {
  'Failed Job': 'Misslyckat jobb',
  'Failed External Task': 'Misslyckad extern uppgift',
  'Message is null.': 'Inget meddelande.',
  'Invalid Date Value.': 'Ogiltigt datum.',
  'Loading diagram': 'Processkartan laddas',
  'Upload': 'Ladda upp',
  'Download': 'Ladda ned',
  'Actions': 'Åtgärder'
};

const TITLES = {
  'reset zoom': 'Anpassa till fönstret',
  'zoom in': 'Zooma in',
  'zoom out': 'Zooma ut',
  'Toggle this section': 'Visa eller dölj avsnittet',
  'Suspended Job Definition': 'Pausad jobbdefinition'
};

if (angular) {
  // camDate formats by the camDateFormat service; Cockpit sets its formats in its own config block,
  // after any other, so the service itself is decorated: config.js's format when it has one
  angular.module('cam.commons.filter.date')
    .config(['$provide', function ($provide) {
      $provide.decorator('camDateFormat', ['$delegate', '$injector', function ($delegate, $injector) {
        return function (name) {
          const configuration = $injector.has('configuration') ? $injector.get('configuration') : null;
          const format = configuration && configuration.getDateFormat(name || 'normal');
          return format || $delegate(name);
        };
      }]);
    }]);
}

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    if (text && Object.prototype.hasOwnProperty.call(TEXTS, text)) {
      node.nodeValue = node.nodeValue.replace(text, TEXTS[text]);
    }
  }
  const elements = root.querySelectorAll ? [root, ...root.querySelectorAll('[title], [uib-tooltip]')] : [];
  for (const element of elements) {
    for (const attribute of ['title', 'uib-tooltip']) {
      const value = element.getAttribute && element.getAttribute(attribute);
      if (value && Object.prototype.hasOwnProperty.call(TITLES, value)) {
        element.setAttribute(attribute, TITLES[value]);
      }
    }
  }
}

// only what changed is looked at: the elements whose children or text changed, once per frame
let changed = new Set();
new MutationObserver(function (records) {
  const first = changed.size === 0;
  for (const record of records) {
    const target = record.type === 'characterData' ? record.target.parentNode : record.target;
    if (target) {
      changed.add(target);
    }
  }
  if (first && changed.size > 0) {
    window.requestAnimationFrame(function () {
      const roots = changed;
      changed = new Set();
      roots.forEach(function (root) {
        if (root.isConnected) {
          translate(root);
        }
      });
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
