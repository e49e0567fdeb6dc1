/**
 * Browser glue of `/compte-editeur/` (`src/pages/compte-editeur.astro`):
 * reads the invitation or reset token of the e-mailed link, sets the password
 * with gotrue-js — the GoTrue client that Decap's Git Gateway backend itself
 * bundles, so the session it saves is the one the CMS reads — then opens
 * `/admin/`. Without a token it offers the « mot de passe oublié » form.
 * Calls, all to the site's own `/.netlify/identity`: `POST /verify` (the
 * token, with the password for an invitation), `PUT /user` (the new
 * password after a reset), `GET /user`, `POST /recover` (a reset link).
 */
import gotrue from 'gotrue-js';
import { ADMIN_PATH, DECAP_SESSION_ENTRY, checkNewPassword, describeIdentityFailure, readIdentityLink, type IdentityStep } from '../lib/cms/identity-link.ts';

/** Netlify Identity's address on the site, the default of Decap's Git Gateway backend too. */
const IDENTITY_PATH = '/.netlify/identity';

// gotrue-js is CommonJS compiled by Babel (`exports.default = GoTrue`); the
// build imports it into this ES-module package with Node's interop, where the
// default import is `module.exports` itself, so the class is its `default`.
const GoTrue = (gotrue as unknown as { default?: typeof gotrue }).default ?? gotrue;
const auth = new GoTrue({ APIUrl: `${window.location.origin}${IDENTITY_PATH}`, setCookie: false });
const link = readIdentityLink(window.location.hash);
// The token is kept in memory only: out of the address bar, the history and any shared screenshot.
if (link) history.replaceState(null, '', window.location.pathname + window.location.search);

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the account page`);
  return found as T;
}

const status = element<HTMLParagraphElement>('compte-etat');
const passwordSection = element<HTMLElement>('choisir-mot-de-passe');
const requestSection = element<HTMLElement>('demander-lien');
const passwordForm = element<HTMLFormElement>('form-mot-de-passe');
const requestForm = element<HTMLFormElement>('form-demande');

function say(message: string, tone: 'info' | 'error' = 'info'): void {
  status.dataset['tone'] = tone;
  status.textContent = message;
}

/** Show or clear a field's error: text, `aria-invalid`, and the error read with the field. */
function showFieldError(input: HTMLInputElement, errorElement: HTMLElement, message: string | null): void {
  errorElement.hidden = message === null;
  errorElement.textContent = message ?? '';
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== errorElement.id);
  if (message === null) {
    input.removeAttribute('aria-invalid');
  } else {
    input.setAttribute('aria-invalid', 'true');
    describedBy.unshift(errorElement.id);
  }
  if (describedBy.length > 0) input.setAttribute('aria-describedby', describedBy.join(' '));
  else input.removeAttribute('aria-describedby');
}

/** The HTTP status of a failed GoTrue call, `undefined` when no answer came. */
function statusOf(error: unknown): number | undefined {
  const value = (error as { status?: unknown } | null)?.status;
  return typeof value === 'number' ? value : undefined;
}

/** Run one call to GoTrue; on failure say why in French and return `null`. */
async function attempt<T>(step: IdentityStep, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    say(describeIdentityFailure(step, statusOf(error)), 'error');
    return null;
  }
}

async function setPassword(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  if (!link) return;
  const password = element<HTMLInputElement>('mot-de-passe');
  const confirmation = element<HTMLInputElement>('confirmation-mot-de-passe');
  const problem = checkNewPassword(password.value, confirmation.value);
  showFieldError(password, element('mot-de-passe-erreur'), problem?.field === 'password' ? problem.message : null);
  showFieldError(confirmation, element('confirmation-mot-de-passe-erreur'), problem?.field === 'confirmation' ? problem.message : null);
  if (problem) {
    (problem.field === 'password' ? password : confirmation).focus();
    return;
  }
  const button = passwordForm.querySelector('button')!;
  button.disabled = true;
  say('Enregistrement du mot de passe…');
  const saved =
    link.kind === 'invite'
      ? await attempt('verify', () => auth.acceptInvite(link.token, password.value, true))
      : await attempt('verify', () => auth.recover(link.token, true)).then((user) => user && attempt('set-password', () => user.update({ password: password.value })));
  if (!saved) {
    button.disabled = false;
    requestSection.hidden = false;
    return;
  }
  localStorage.setItem(DECAP_SESSION_ENTRY.key, DECAP_SESSION_ENTRY.value);
  say('Mot de passe enregistré. Ouverture de l’administration…');
  window.location.assign(ADMIN_PATH);
}

async function requestReset(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const address = element<HTMLInputElement>('adresse');
  const problem = address.value.trim() === '' ? 'Adresse e-mail : saisissez l’adresse de votre compte.' : address.validity.valid ? null : 'Adresse e-mail : elle n’a pas la forme nom@domaine.fr.';
  showFieldError(address, element('adresse-erreur'), problem);
  if (problem) {
    address.focus();
    return;
  }
  const sent = await attempt('request-reset', () => auth.requestPasswordRecovery(address.value.trim()).then(() => true));
  if (sent) say(`Un e-mail vient d’être envoyé à ${address.value.trim()} : ouvrez le lien qu’il contient pour choisir un nouveau mot de passe.`);
}

if (link) {
  passwordSection.hidden = false;
  element(link.kind === 'invite' ? 'choisir-invitation' : 'choisir-oubli').hidden = false;
  element('choisir-titre').focus();
} else {
  requestSection.hidden = false;
}
passwordForm.addEventListener('submit', (event) => void setPassword(event));
requestForm.addEventListener('submit', (event) => void requestReset(event));
