// Enhancements only: every page works without this script.
(function () {
  'use strict';

  // A dialog page (Manage Invitation, Remove Roles) becomes a modal: the page behind is inert,
  // focus stays inside, and Escape goes where "Close" or "No" goes. Returns false where the
  // browser has no modal dialogs (the page then stays a page of its own).
  function openModal(dialog) {
    if (typeof dialog.showModal !== 'function') {
      return false;
    }
    var closeUrl = dialog.getAttribute('data-close-url');
    var leaving = false;
    function leave() {
      if (!leaving && closeUrl) {
        leaving = true;
        window.location.assign(closeUrl);
      }
    }
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      leave();
    });
    // Browsers may close a modal on Escape without a cancellable event: leave all the same.
    dialog.addEventListener('close', function () {
      if (!dialog.open) {
        leave();
      }
    });
    dialog.removeAttribute('open');
    dialog.showModal();
    return true;
  }

  // After every action the banner (or the summary of a form's errors) takes focus, so that
  // screen readers read it out; otherwise a modal's heading does, or, back on a list, the
  // row that was left (its link is the address's fragment, e.g. #user-12).
  function focusOnArrival(modal) {
    var scope = modal || document;
    var target = scope.querySelector('.error-summary[data-focus-on-load]') ||
        scope.querySelector('.banner[data-focus-on-load]');
    if (!target && modal) {
      target = modal.querySelector('h1[tabindex]');
    }
    if (!target && /^#user-\d+$/.test(window.location.hash)) {
      target = document.getElementById(window.location.hash.substring(1));
    }
    if (target) {
      target.focus();
    }
  }

  // A link in the error summary takes focus to its field and shows the field's label.
  document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var field = document.getElementById(link.getAttribute('href').substring(1));
      if (field) {
        event.preventDefault();
        field.focus();
        var label = document.querySelector('label[for="' + field.id + '"]');
        (label || field).scrollIntoView();
      }
    });
  });

  function roleBoxes(form) {
    return form.querySelectorAll('input[name="role"]');
  }

  // "1 role is marked for removal…", the same sentence the page says without script.
  function sayMarked(form) {
    var note = form.querySelector('[data-marked-note]');
    var notes = form.querySelector('template[data-marked-notes]');
    if (!note || !notes) {
      return;
    }
    var count = Array.prototype.filter.call(roleBoxes(form), function (box) { return box.checked; }).length;
    var sentence = notes.content.querySelector('[data-count="' + count + '"]');
    note.textContent = sentence ? sentence.textContent : '';
  }

  // "Select All" ticks every role shown; the server also honours it without script.
  // Pending Invitations: "Select All" ticks every row shown; a row unticked by hand unticks it.
  document.querySelectorAll('[data-select-rows]').forEach(function (all) {
    var rows = all.form.querySelectorAll('input[name="selected"]');
    all.addEventListener('change', function () {
      rows.forEach(function (box) { box.checked = all.checked; });
    });
    rows.forEach(function (box) {
      box.addEventListener('change', function () {
        if (!box.checked) {
          all.checked = false;
        }
      });
    });
  });

  document.querySelectorAll('[data-select-all]').forEach(function (all) {
    all.addEventListener('change', function () {
      roleBoxes(all.form).forEach(function (box) { box.checked = all.checked; });
      sayMarked(all.form);
    });
  });

  // A role unticked by hand is no longer "all": "Select All" unticks, as the server would
  // otherwise still remove every role.
  document.querySelectorAll('input[name="role"]').forEach(function (box) {
    if (box.form) {
      box.addEventListener('change', function () {
        var all = box.form.querySelector('[data-select-all]');
        if (all && !box.checked) {
          all.checked = false;
        }
        sayMarked(box.form);
      });
    }
  });

  // "Delete" marks its role in place instead of reloading the dialog; focus moves to the ticked
  // box and the note says what is marked.
  document.querySelectorAll('[data-mark]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      var box = button.form.querySelector('input[name="role"][value="' + button.value + '"]');
      if (box) {
        event.preventDefault();
        box.checked = true;
        box.focus();
        sayMarked(button.form);
      }
    });
  });

  var dialog = document.querySelector('dialog[data-modal]');
  focusOnArrival(dialog && openModal(dialog) ? dialog : null);
})();
