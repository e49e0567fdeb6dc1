/**
 * HTML answers of the form functions when JavaScript is off: the list of
 * errors (with links back to the fields), the confirmation step that carries a
 * fresh token, the thank-you page with the reference, and short messages
 * (refused, too many sends, try again). React renders them, escaping every value;
 * the site's own page layout (a built page with a slot) wraps them.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { applyFrenchSpacing as fr } from '../format/french-spacing.ts';
import { FORM_DEFINITIONS, RESPONSE_SLOT, RESPONSE_TEMPLATE_TITLE, fieldAnchor, type FormName } from './definitions/index.ts';
import { describeConfirmPage, type ConfirmPrompt } from './describe-confirm-step.ts';
import { orderFieldErrors } from './order-field-errors.ts';
import type { FieldError } from './process-submission.ts';
import { TOKEN_FIELD } from './process-submission.ts';
import type { SubmittedFields } from './request/read-form-request.ts';

/** Used when the site's layout cannot be fetched: a plain, valid French page. */
const FALLBACK_TEMPLATE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${RESPONSE_TEMPLATE_TITLE}</title></head><body><main>${RESPONSE_SLOT}</main></body></html>`;

/**
 * Put `content` into the layout template.
 * @param template HTML of the built template page, or `undefined` for the fallback
 */
export function renderInTemplate(template: string | undefined, title: string, content: ReactElement): string {
  const page = template?.includes(RESPONSE_SLOT) ? template : FALLBACK_TEMPLATE;
  const escapedTitle = renderToStaticMarkup(<>{fr(title)}</>);
  const html = renderToStaticMarkup(content);
  // Replacer functions: a string replacement would read `$&`, `$'` or `` $` `` typed by a visitor as patterns.
  return page.replace(RESPONSE_TEMPLATE_TITLE, () => escapedTitle).replace(RESPONSE_SLOT, () => html);
}

/**
 * The errors of a submission in the order of the fields, each linking to its
 * field on the form page: the answer when that page cannot be fetched to be
 * filled again (`refill-form-page.ts`).
 */
export function ErrorsContent({ form, errors }: { readonly form: FormName; readonly errors: readonly FieldError[] }) {
  const page = FORM_DEFINITIONS[form];
  return (
    <section aria-labelledby="erreurs">
      <h1 id="erreurs">{fr(`${page.title} : le formulaire contient ${errors.length > 1 ? `${errors.length} erreurs` : 'une erreur'}`)}</h1>
      <ul>
        {orderFieldErrors(form, errors).map((error) => (
          <li key={error.field}>
            <a href={`${page.path}#${fieldAnchor(error.field)}`}>{fr(error.message)}</a>
          </li>
        ))}
      </ul>
      <p>{fr('Revenez au formulaire avec le bouton « Retour » de votre navigateur : vos réponses y sont conservées.')}</p>
    </section>
  );
}

/** The confirmation step: what to do (and how long to wait), the answers as hidden fields, the token to send, one button. */
export function ConfirmContent({ form, fields, token, prompt }: { readonly form: FormName; readonly fields: SubmittedFields; readonly token: string; readonly prompt: ConfirmPrompt }) {
  const page = FORM_DEFINITIONS[form];
  const hidden = Object.entries(fields)
    .filter(([name]) => name !== TOKEN_FIELD)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item, index) => [`${name}-${index}`, name, item] as const));
  return (
    <section aria-labelledby="confirmation">
      <h1 id="confirmation">{fr(`${page.title} : confirmez l’envoi`)}</h1>
      <p>{fr(describeConfirmPage(prompt))}</p>
      <form method="post" action={page.action}>
        {hidden.map(([key, name, value]) => (
          <input key={key} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={TOKEN_FIELD} value={token} />
        <button type="submit" className="button">
          Confirmer l’envoi
        </button>
      </form>
    </section>
  );
}

/** The thank-you page, with the reference to quote. */
export function ThankYouContent({ form, reference }: { readonly form: FormName; readonly reference: string }) {
  return (
    <section aria-labelledby="merci">
      <h1 id="merci">Merci, c’est envoyé</h1>
      <p>
        {fr(FORM_DEFINITIONS[form].receivedSentence)}{' '}
        <strong>{reference}</strong>
      </p>
      <p>{fr('Un e-mail de confirmation vous a été envoyé. Indiquez cette référence si vous nous écrivez.')}</p>
      <p>
        <a href="/">Revenir à l’accueil</a>
      </p>
    </section>
  );
}

/** A short message page (refused, too many sends, service unavailable, bad request). */
export function MessageContent({ title, message, form }: { readonly title: string; readonly message: string; readonly form?: FormName }) {
  return (
    <section aria-labelledby="message">
      <h1 id="message">{fr(title)}</h1>
      <p>{fr(message)}</p>
      {form ? (
        <p>
          <a href={FORM_DEFINITIONS[form].path}>Revenir au formulaire</a>
        </p>
      ) : null}
    </section>
  );
}
