/*
 * Skrivelseprocessen (Stockholms stad, kommunstyrelsen): what every embedded form (forms/*.html)
 * does the same way, in one place. Loaded by Tasklist as a custom script (config.js,
 * customScripts); the forms call window.ksFormular.koppla(camForm, $scope, {...}).
 *
 * - The case's context (diarienummer, rubrik, avsändare, dates …) is fetched read-only, written
 *   into the elements marked data-visa="<variable>", and never sent back.
 * - The link marked data-lank points to the case's page (variable arendeLank).
 * - Proposed values (e.g. today's date) are filled in when the field is empty.
 * - File fields: at most 25 MB and not empty, checked on choosing, with a Swedish message; no
 *   empty File variable is sent when no file is chosen; a Swedish "Välj fil …" button and the chosen
 *   file's name in place of the browser's own chooser, which speaks the browser's language.
 * - Text areas marked data-tecken-for show how many characters they hold.
 * - Date fields marked data-ks-datum are text fields for ÅÅÅÅ-MM-DD in every browser language, checked
 *   as typed.
 */
(function () {
  var MAX_FIL = 26214400;

  function idag() {
    return window.moment ? window.moment().format('YYYY-MM-DD') : new Date().toISOString().slice(0, 10);
  }

  function filfel(fil) {
    if (fil && fil.size > MAX_FIL) {
      return 'Filen är ' + (fil.size / 1048576).toFixed(1).replace('.', ',')
          + ' MB; högst 25 MB tas emot. Dela upp eller komprimera filen.';
    }
    if (fil && fil.size === 0) {
      return 'Filen är tom (0 byte). Välj filen på nytt.';
    }
    return null;
  }

  function storlek(byte) {
    return byte < 1048576 ? Math.max(1, Math.round(byte / 1024)) + ' kB'
        : (byte / 1048576).toFixed(1).replace('.', ',') + ' MB';
  }

  /**
   * The browser's own file chooser says "Choose File" / "No file chosen" in the browser's language:
   * it is hidden (still the field the form sends, and the one the label opens) behind a button
   * "Välj fil …" and the chosen file's name in Swedish.
   *
   * @param input the input type=file
   * @return the element that shows the chosen file
   */
  function svenskFilvaljare(input) {
    var knapp = document.createElement('button');
    knapp.type = 'button';
    knapp.className = 'btn btn-default ks-valj-fil';
    knapp.textContent = 'Välj fil …';
    var visning = document.createElement('span');
    visning.className = 'ks-vald-fil';
    visning.id = input.id + '-vald';
    visning.textContent = 'Ingen fil vald';
    knapp.id = input.id + '-knapp';
    knapp.setAttribute('aria-describedby', visning.id);
    // the field's label names the button for a screen reader ("Skrivelsen som fil, Välj fil …")
    var etikett = input.id ? document.querySelector('label[for="' + input.id + '"]') : null;
    if (etikett) {
      etikett.id = etikett.id || input.id + '-etikett';
      knapp.setAttribute('aria-labelledby', etikett.id + ' ' + knapp.id);
    }
    knapp.addEventListener('click', function () { input.click(); });
    input.classList.add('ks-dold-filvaljare');
    input.setAttribute('tabindex', '-1');
    input.setAttribute('aria-hidden', 'true');
    // on a line of its own under the label, as the browser's chooser was
    var rad = document.createElement('div');
    rad.className = 'ks-filvaljare';
    rad.appendChild(knapp);
    rad.appendChild(visning);
    input.parentNode.insertBefore(rad, input);
    return visning;
  }

  /**
   * Connects an embedded form.
   *
   * @param camForm the form's camForm
   * @param $scope the form's scope
   * @param o {kontext: [variables shown read-only], filer: [{variabel, falt: input id}],
   *          formular: the form's name attribute, standard: {variable: function giving a proposal},
   *          efterHamtning: function (vm) called when the variables are fetched}
   * @return {vm, rot, ks}: the variable manager, the form element and the scope's ks state
   */
  function koppla(camForm, $scope, o) {
    var vm = camForm.variableManager;
    var rot = camForm.formElement[0];
    var kontext = o.kontext || [];
    var filer = o.filer || [];
    var standard = o.standard || {};
    var ks = $scope.ks = Object.assign({ harFil: false, filFel: null }, o.tillstand || {});

    camForm.on('form-loaded', function () {
      kontext.forEach(function (namn) { vm.fetchVariable(namn); });
    });

    camForm.on('variables-fetched', function () {
      kontext.forEach(function (namn) {
        var v = vm.variableValue(namn);
        Array.prototype.forEach.call(rot.querySelectorAll('[data-visa="' + namn + '"]'), function (el) {
          el.textContent = v === null || v === undefined || v === '' ? '–' : String(v);
        });
      });
      var lank = kontext.indexOf('arendeLank') >= 0 ? vm.variableValue('arendeLank') : null;
      Array.prototype.forEach.call(rot.querySelectorAll('a[data-lank]'), function (a) {
        if (lank) { a.setAttribute('href', lank); } else { a.parentNode.style.display = 'none'; }
      });
      Object.keys(standard).forEach(function (namn) {
        if (!vm.variableValue(namn)) { vm.variableValue(namn, standard[namn]()); }
      });
      // Without a chosen file the form would send an empty File variable ("Filen är tom"):
      // an unchanged empty value is not sent.
      filer.forEach(function (f) { vm.setOriginalValue(f.variabel, ''); });
      if (o.efterHamtning) { o.efterHamtning(vm); }
    });

    camForm.on('submit', function () {
      kontext.forEach(function (namn) {
        if (vm.variable(namn)) { vm.destroyVariable(namn); }
      });
    });

    function raknaTecken() {
      Array.prototype.forEach.call(rot.querySelectorAll('[data-tecken-for]'), function (p) {
        var n = rot.querySelector('#' + p.getAttribute('data-tecken-for')).value.length;
        p.textContent = n ? n.toLocaleString('sv-SE') + ' tecken' : '';
      });
    }
    rot.addEventListener('input', raknaTecken);
    camForm.on('variables-applied', raknaTecken);

    filer.forEach(function (f) {
      var input = rot.querySelector('#' + f.falt);
      var visning = svenskFilvaljare(input);
      input.addEventListener('change', function () {
        var fil = input.files && input.files[0];
        visning.textContent = fil ? fil.name + ' (' + storlek(fil.size) + ')' : 'Ingen fil vald';
        $scope.$apply(function () {
          ks.harFil = !!fil;
          ks.filFel = filfel(fil);
          $scope[o.formular][input.name].$setValidity('fil', !ks.filFel);
        });
      });
    });

    // Date fields (data-ks-datum): text fields for ÅÅÅÅ-MM-DD, not the browser's date field, which shows
    // mm/dd/yyyy in an English browser; a date that is not ÅÅÅÅ-MM-DD or does not exist makes the field
    // invalid (the form's "Ange ett datum (ÅÅÅÅ-MM-DD).").
    Array.prototype.forEach.call(rot.querySelectorAll('input[data-ks-datum]'), function (falt) {
      function kontrollera() {
        var v = falt.value.trim();
        var kontroll = $scope[o.formular] && $scope[o.formular][falt.name];
        if (kontroll) { kontroll.$setValidity('datum', v === '' || giltigtDatum(v)); }
      }
      falt.addEventListener('input', function () { $scope.$apply(kontrollera); });
      camForm.on('variables-applied', function () { $scope.$evalAsync(kontrollera); });
    });

    return { vm: vm, rot: rot, ks: ks };
  }

  /** @return true for a date written ÅÅÅÅ-MM-DD that exists (not 2026-02-30) */
  function giltigtDatum(v) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!m) { return false; }
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  window.ksFormular = { koppla: koppla, idag: idag };
})();
