/**
 * Enhances the public forms when JavaScript runs; without it they still post
 * and the functions answer with HTML pages. On load: fetch the signed token,
 * preselect a choice named in the address (`?startup=slug`). On submit:
 * validate with the same Zod schema as the function, show the French errors
 * next to their fields, focus the first one and say the error state in the
 * title (as the no-JavaScript error page does), or send the answers as JSON
 * (protocol: `netlify/lib/handle-form-post.ts`) and follow the answer. Every
 * status change is written in a live region for screen readers.
 */
import { fieldsOf, type PublicFormContext } from '../lib/forms/definitions/form-definition.ts';
import type { FormName } from '../lib/forms/definitions/form-names.ts';
import { FORM_DEFINITIONS } from '../lib/forms/definitions/forms.ts';
import { createFormSchema } from '../lib/forms/definitions/to-schema.ts';
import { fieldErrorId } from '../lib/forms/definitions/form-pages.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { composePageTitle, describeFormErrorState } from '../lib/site/page-title.ts';
import { config as configureZod } from 'zod';

// Zod compiles fast parsers with `new Function` when it may; the site's
// Content-Security-Policy allows no eval, and even Zod's guarded probe would be
// reported as a violation. Jitless mode never tries (zod/v4/core/util.ts, `allowsEval`).
configureZod({ jitless: true });

/** What a form page hands to this script as JSON (`FormShell.astro`); public values only. */
export interface EnhancedFormConfig {
  readonly form: FormName;
  /** What the form's schema is built from (`publicContextOf`): lists, ceiling, startup slugs and names. */
  readonly context: PublicFormContext;
  /** Where to fetch the form's token: `/api/jeton/?formulaire=…`. */
  readonly tokenUrl: string;
  /** Names of the honeypot, token and Turnstile fields (`process-submission.ts`). */
  readonly controlFields: { readonly honeypot: string; readonly token: string; readonly turnstile: string };
  /** Select fields whose value may come from the address. */
  readonly queryFields: readonly string[];
}

type Values = Record<string, string | string[]>;
type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** JSON answers of the form functions. */
type Answer =
  | { readonly status: 'accepted'; readonly reference: string; readonly redirect: string }
  | { readonly status: 'invalid'; readonly errors: readonly { field: string; message: string }[]; readonly token: string }
  | { readonly status: 'confirm'; readonly token: string; readonly message: string }
  | { readonly status: 'refused' | 'unavailable'; readonly message: string };

const MESSAGES = {
  sending: 'Envoi en cours…',
  accepted: (reference: string) => `C’est envoyé, sous la référence ${reference}. Ouverture de la page de confirmation…`,
  invalid: (count: number) =>
    count > 1 ? `Le formulaire n’a pas été envoyé : ${count} champs sont à corriger.` : 'Le formulaire n’a pas été envoyé : un champ est à corriger.',
  network: 'L’envoi n’a pas abouti : la connexion a été interrompue. Vos réponses sont conservées ; réessayez dans un instant.',
  unexpected:
    'L’envoi n’a pas abouti à cause d’une erreur du service. Vos réponses sont conservées ; réessayez dans quelques minutes ou écrivez à l’équipe du programme (adresse en bas de page).',
};

const CONTROLS = 'input, select, textarea';

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'string';
}

/** First message of each field, in the order of the issues; `formulaire` for issues without a field. */
function firstMessages(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'formulaire';
    if (!errors.has(field)) errors.set(field, issue.message);
  }
  return errors;
}

/** Adds or removes one id in an `aria-describedby` list (the error comes first: it matters most). */
function toggleDescription(element: Element, id: string, present: boolean): void {
  const others = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((token) => token !== '' && token !== id);
  const ids = present ? [id, ...others] : others;
  if (ids.length > 0) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
}

function enhance(form: HTMLFormElement): void {
  const configText = document.getElementById(form.dataset['enhancedForm'] ?? '')?.textContent;
  const statusElement = form.querySelector<HTMLElement>('[data-form-status]');
  const confirmElement = form.querySelector<HTMLElement>('[data-form-confirm]');
  const confirmElementButton = confirmElement?.querySelector('button');
  const submitElement = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!configText || !statusElement || !confirmElement || !confirmElementButton || !submitElement) return;
  const config = JSON.parse(configText) as EnhancedFormConfig;
  const tokenElement = form.elements.namedItem(config.controlFields.token);
  if (!(tokenElement instanceof HTMLInputElement)) return;
  // Named once narrowed, so that the functions below see the narrowed types.
  const status: HTMLElement = statusElement;
  const confirmBox: HTMLElement = confirmElement;
  const confirmButton: HTMLButtonElement = confirmElementButton;
  const submitButton: HTMLButtonElement = submitElement;
  const tokenInput: HTMLInputElement = tokenElement;
  const schema = createFormSchema(config.form, config.context);
  const fields = fieldsOf(FORM_DEFINITIONS[config.form]).map((field) => field.name);
  const invalidFields = new Set<string>();
  let busy = false;
  /** The title without an error state. */
  const pageTitle = document.title;
  let pendingAnnouncement: number | undefined;

  const containerOf = (name: string) => form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);

  function announce(text: string, tone: 'info' | 'error' = 'info'): void {
    window.clearTimeout(pendingAnnouncement);
    status.dataset['tone'] = tone;
    status.textContent = '';
    // Emptied then filled a moment later: screen readers announce even a repeated message.
    pendingAnnouncement = window.setTimeout(() => (status.textContent = fr(text)), 50);
  }

  function readValues(): Values {
    const data = new FormData(form);
    const values: Values = {};
    for (const name of fields) {
      if (containerOf(name)?.hasAttribute('data-multiple')) {
        values[name] = data.getAll(name).filter((value) => typeof value === 'string');
      } else {
        const value = data.get(name);
        if (typeof value === 'string') values[name] = value;
      }
    }
    return values;
  }

  /** Shows or clears the error of one field; false when the field is not on the page. */
  function setFieldError(name: string, message: string | undefined): boolean {
    const container = containerOf(name);
    const error = document.getElementById(fieldErrorId(name));
    if (!container || !error) return false;
    const controls = [...container.querySelectorAll<FieldControl>(CONTROLS)];
    const described = container instanceof HTMLFieldSetElement ? container : controls[0];
    error.textContent = message === undefined ? '' : fr(message);
    error.hidden = message === undefined;
    container.classList.toggle('field--invalid', message !== undefined);
    for (const control of controls) {
      if (message === undefined) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    }
    if (described) toggleDescription(described, error.id, message !== undefined);
    if (message === undefined) invalidFields.delete(name);
    else invalidFields.add(name);
    document.title = invalidFields.size === 0 ? pageTitle : composePageTitle([describeFormErrorState(invalidFields.size)], pageTitle);
    return true;
  }

  /** Shows every error (clearing the others), announces them and focuses the first invalid field. */
  function reportErrors(errors: ReadonlyMap<string, string>): void {
    const unplaced: string[] = [];
    for (const name of new Set([...fields, ...errors.keys()])) {
      if (!setFieldError(name, errors.get(name)) && errors.has(name)) unplaced.push(fr(errors.get(name)!));
    }
    announce([MESSAGES.invalid(errors.size), ...unplaced].join(' '), 'error');
    const first = [...form.querySelectorAll<HTMLElement>('.field--invalid')][0];
    first?.querySelector<FieldControl>(CONTROLS)?.focus();
  }

  function setBusy(value: boolean): void {
    busy = value;
    // aria-disabled rather than disabled: the focused button keeps the focus. No
    // aria-busy on the form: it would hold back the live region inside it.
    if (value) submitButton.setAttribute('aria-disabled', 'true');
    else submitButton.removeAttribute('aria-disabled');
  }

  async function post(values: Values): Promise<Answer | 'network' | undefined> {
    const data = new FormData(form);
    const body: Values = { ...values, [config.controlFields.token]: tokenInput.value };
    for (const name of [config.controlFields.honeypot, config.controlFields.turnstile]) {
      const value = data.get(name);
      if (typeof value === 'string') body[name] = value;
    }
    let response: Response;
    try {
      response = await fetch(form.getAttribute('action') ?? '', {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      return 'network';
    }
    const answer: unknown = await response.json().catch(() => undefined);
    return isAnswer(answer) ? answer : undefined;
  }

  async function submit(): Promise<void> {
    if (busy) return;
    confirmBox.hidden = true;
    const values = readValues();
    const parsed = schema.safeParse(values);
    if (!parsed.success) return reportErrors(firstMessages(parsed.error.issues));
    for (const name of [...invalidFields]) setFieldError(name, undefined);
    setBusy(true);
    announce(MESSAGES.sending);
    const answer = await post(values);
    if (answer === 'network') {
      announce(MESSAGES.network, 'error');
    } else if (answer?.status === 'accepted' && /^\/(?!\/)/.test(answer.redirect)) {
      announce(MESSAGES.accepted(answer.reference));
      window.location.assign(answer.redirect);
      // Stays busy: the page is being replaced.
      return;
    } else if (answer?.status === 'invalid') {
      // The token still dates from the display of the form; keep it unless there was none.
      if (!tokenInput.value) tokenInput.value = answer.token;
      reportErrors(new Map(answer.errors.map((error) => [error.field, error.message])));
    } else if (answer?.status === 'confirm') {
      // No token (a fresh one comes back), or sent too fast (the same one comes
      // back): the message says how long to wait before confirming.
      tokenInput.value = answer.token;
      announce(answer.message);
      confirmBox.hidden = false;
      confirmButton.focus();
    } else if (answer?.status === 'refused' || answer?.status === 'unavailable') {
      announce(answer.message, 'error');
    } else {
      announce(MESSAGES.unexpected, 'error');
    }
    setBusy(false);
  }

  /** Cloudflare Turnstile, when the site has keys: its widget adds its response field to the form. */
  function loadTurnstile(siteKey: string): void {
    const slot = form.querySelector<HTMLElement>('[data-turnstile]');
    if (!slot || slot.classList.contains('cf-turnstile')) return;
    slot.classList.add('cf-turnstile');
    slot.dataset['sitekey'] = siteKey;
    slot.dataset['language'] = 'fr';
    const script = document.createElement('script');
    script.src = 'https://challenges.cloudflare.com/turnstile/v0/api.js';
    script.async = true;
    document.head.append(script);
  }

  async function loadToken(): Promise<void> {
    try {
      const response = await fetch(config.tokenUrl, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) return;
      const answer = (await response.json()) as { token?: unknown; turnstileSiteKey?: unknown };
      if (typeof answer.token === 'string') tokenInput.value = answer.token;
      if (typeof answer.turnstileSiteKey === 'string' && answer.turnstileSiteKey) loadTurnstile(answer.turnstileSiteKey);
    } catch {
      // Without a token the function asks for a confirmation, which this script handles.
    }
  }

  const query = new URLSearchParams(window.location.search);
  for (const name of config.queryFields) {
    const wanted = query.get(name);
    const control = form.elements.namedItem(name);
    if (wanted && control instanceof HTMLSelectElement && [...control.options].some((option) => option.value === wanted)) control.value = wanted;
  }

  // The script's messages replace the browser's validation bubbles.
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  confirmButton.addEventListener('click', () => void submit());
  // Once a field shows an error, it is checked again at each keystroke or choice: on
  // `change` (fired on blur), the error would vanish as the visitor presses the send
  // button, the button would move up under the pointer and the click be lost.
  form.addEventListener('input', (event) => {
    const name = (event.target as Partial<FieldControl> | null)?.name;
    if (!name || !invalidFields.has(name)) return;
    const parsed = schema.safeParse(readValues());
    setFieldError(name, parsed.success ? undefined : firstMessages(parsed.error.issues).get(name));
  });
  void loadToken();
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-enhanced-form]')) enhance(form);
