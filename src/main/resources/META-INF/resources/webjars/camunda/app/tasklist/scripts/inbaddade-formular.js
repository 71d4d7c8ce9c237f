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
 *   empty File variable is sent when no file is chosen.
 * - Text areas marked data-tecken-for show how many characters they hold.
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
      input.addEventListener('change', function () {
        $scope.$apply(function () {
          var fil = input.files && input.files[0];
          ks.harFil = !!fil;
          ks.filFel = filfel(fil);
          $scope[o.formular][input.name].$setValidity('fil', !ks.filFel);
        });
      });
    });

    return { vm: vm, rot: rot, ks: ks };
  }

  window.ksFormular = { koppla: koppla, idag: idag };
})();
