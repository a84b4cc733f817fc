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

  // "Select All" ticks every role shown; the server also honours it without script.
  function wireSelectAll(root) {
    root.querySelectorAll('[data-select-all]').forEach(function (all) {
      var form = all.form;
      all.addEventListener('change', function () {
        form.querySelectorAll('input[name="role"]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    });
  }

  document.querySelectorAll('dialog[data-modal]').forEach(makeModal);
  wireSelectAll(document);
})();
