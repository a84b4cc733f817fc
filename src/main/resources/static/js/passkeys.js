// Passkeys (WebAuthn) for the buttons marked data-passkey="sign-in" or data-passkey="add":
// they are hidden until this script finds a browser that can use passkeys. Everything else
// on these pages works without it.
(function () {
  'use strict';

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function decode(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function post(url, body) {
    var token = document.querySelector('input[name="_csrf"]');
    var headers = { 'Content-Type': 'application/json' };
    if (token) {
      headers['X-CSRF-TOKEN'] = token.value;
    }
    return fetch(url, {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function ids(list) {
    return (list || []).map(function (credential) {
      return Object.assign({}, credential, { id: decode(credential.id) });
    });
  }

  function signIn(context) {
    return post(context + '/webauthn/authenticate/options').then(function (options) {
      options.challenge = decode(options.challenge);
      options.allowCredentials = ids(options.allowCredentials);
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(context + '/login/webauthn', {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (answer) {
      window.location.assign(answer.redirectUrl);
    });
  }

  function add(context, name) {
    return post(context + '/webauthn/register/options').then(function (options) {
      options.challenge = decode(options.challenge);
      options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
      options.excludeCredentials = ids(options.excludeCredentials);
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(context + '/webauthn/register', {
        publicKey: {
          label: name,
          credential: {
            id: credential.id,
            rawId: encode(credential.rawId),
            response: {
              attestationObject: encode(response.attestationObject),
              clientDataJSON: encode(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          }
        }
      });
    });
  }

  function fail(button) {
    var message = document.getElementById(button.getAttribute('data-passkey-error'));
    // An alert only once shown: a hidden one would still be read as the page's alert.
    message.setAttribute('role', 'alert');
    message.hidden = false;
    message.focus();
    button.disabled = false;
  }

  document.querySelectorAll('[data-passkey]').forEach(function (button) {
    var context = (button.getAttribute('data-context') || '/').replace(/\/$/, '');
    button.hidden = false;
    var container = button.closest('[data-passkey-block]');
    if (container) {
      container.hidden = false;
    }
    button.addEventListener('click', function (event) {
      event.preventDefault();
      button.disabled = true;
      document.getElementById(button.getAttribute('data-passkey-error')).hidden = true;
      if (button.getAttribute('data-passkey') === 'sign-in') {
        signIn(context).catch(function () { fail(button); });
        return;
      }
      var name = document.getElementById('passkey-name');
      add(context, name.value.trim() || name.getAttribute('data-default')).then(function () {
        // The form names the page that follows a passkey added (it confirms it server-side).
        button.form.submit();
      }).catch(function () { fail(button); });
    });
  });
})();
