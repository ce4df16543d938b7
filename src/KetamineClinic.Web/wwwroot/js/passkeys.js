// Passkeys for staff: shows the passkey forms only where the browser can make and use passkeys, and runs the
// WebAuthn ceremony between the server's options and the form's own POST. Everything else on these pages works
// without it; what the form says after a failure comes from the server, which re-renders the page.
(() => {
  'use strict';

  const supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

  async function fetchOptions(form) {
    const response = await fetch(form.dataset.passkeyOptions, {
      method: 'POST',
      body: new FormData(form),
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    return response.ok ? response.json() : null;
  }

  async function credentialFor(form, options) {
    if (form.dataset.passkey === 'create') {
      return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    }

    return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  }

  async function run(form) {
    const field = form.querySelector('input[name=CredentialJson]');
    field.value = '';
    try {
      const options = await fetchOptions(form);
      // No options (a name that needs fixing, a lapsed session): the plain POST gets the server's answer.
      if (options) {
        const credential = await credentialFor(form, options);
        field.value = credential ? JSON.stringify(credential) : '';
      }
    } catch (error) {
      // Cancelled or refused by the person or the device: the empty credential tells the server so.
      field.value = '';
    }

    form.submit();
  }

  if (!supported) {
    return;
  }

  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) {
    note.hidden = true;
  }

  for (const form of document.querySelectorAll('form[data-passkey]')) {

    form.hidden = false;
    let busy = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!busy) {
        busy = true;
        run(form);
      }
    });
  }
})();
