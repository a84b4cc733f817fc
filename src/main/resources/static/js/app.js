// Enhancements only: every page works without this script.
(function () {
  'use strict';

  // A dialog page (Manage Invitation, confirmations) becomes a modal; Esc goes where "Close" or "No" goes.
  function makeModal(dialog) {
    if (typeof dialog.showModal !== 'function') {
      return;
    }
    if (dialog.open) {
      dialog.close();
    }
    dialog.showModal();
    dialog.addEventListener('cancel', function (event) {
      var closeUrl = dialog.getAttribute('data-close-url');
      if (closeUrl) {
        event.preventDefault();
        window.location.assign(closeUrl);
      }
    });
  }

  function roleBoxes(form) {
    return form.querySelectorAll('input[name="role"]');
  }

  // "Select All" ticks every role shown; the server also honours it without script.
  document.querySelectorAll('[data-select-all]').forEach(function (all) {
    all.addEventListener('change', function () {
      roleBoxes(all.form).forEach(function (box) { box.checked = all.checked; });
    });
  });

  // "Delete" marks its role in place instead of reloading the dialog; focus moves to the ticked
  // box, so a screen reader announces what was marked.
  document.querySelectorAll('[data-mark]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      var box = button.form.querySelector('input[name="role"][value="' + button.value + '"]');
      if (box) {
        event.preventDefault();
        box.checked = true;
        box.focus();
      }
    });
  });
})();
