/**
 * The answer to a form sent without JavaScript that has errors (issue 14): the
 * form's own built page again, never a second copy of its markup, with
 * everything typed put back, each error shown at its field as the enhancement
 * script shows it (`src/scripts/enhance-form.ts`), a summary of the errors in
 * the order of the fields at the top, linking to them, a title that starts
 * with « Erreur : » (RGAA 8.6 and 11.10, DSFR practice) and a fresh token.
 * Typed values only ever become properties of the parsed page, written back by
 * hast-util-to-html, which escapes them: nothing typed becomes markup.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { applyFrenchSpacing as fr } from '../format/french-spacing.ts';
import { composePageTitle, describeFormErrorState } from '../site/page-title.ts';
import type { FormName } from './definitions/form-names.ts';
import { FORM_DEFINITIONS } from './definitions/forms.ts';
import { fieldAnchor, fieldErrorId } from './definitions/form-pages.ts';
import { orderFieldErrors } from './order-field-errors.ts';
import { FORM_LEVEL_ERROR, HONEYPOT_FIELD, TOKEN_FIELD, TURNSTILE_FIELD, type FieldError } from './process-submission.ts';
import type { SubmittedFields } from './request/read-form-request.ts';

/** Id of the summary of errors inserted at the top of the page. */
const ERROR_SUMMARY_ID = 'erreurs';

/** What a refilled page is made of. */
export interface RefillRequest {
  readonly form: FormName;
  /** The fields as submitted (raw strings, several for a repeated name). */
  readonly fields: SubmittedFields;
  /** The French errors, one per field, each message naming its field. */
  readonly errors: readonly FieldError[];
  /** A fresh signed token for the `jeton` field. */
  readonly token: string;
}

/**
 * Controls never filled from the submission: the honeypot (a bot's value is
 * not sent back for it to learn from), the token (replaced by a fresh one) and
 * Turnstile's answer (single use).
 */
const NOT_REFILLED: ReadonlySet<string> = new Set([HONEYPOT_FIELD, TOKEN_FIELD, TURNSTILE_FIELD]);

/** Input types whose value is text typed by the visitor (never a password). */
const TYPED_INPUTS: ReadonlySet<string> = new Set(['text', 'email', 'tel', 'url', 'search', 'number', 'date', 'month', 'week', 'time', 'datetime-local', 'color']);

const CONTROLS = 'input, select, textarea';

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function textContent(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textContent).join('') : '';
}

function submittedValues(fields: SubmittedFields, name: string): readonly string[] {
  const value = fields[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The value an `<option>` submits: its `value`, else its text with spaces collapsed (HTML's rule). */
function optionValue(option: Element): string {
  const value = option.properties['value'];
  return value === undefined || value === null ? textContent(option).replace(/\s+/g, ' ').trim() : String(value);
}

function selectOptions(control: Element, values: readonly string[]): void {
  let chosen = false;
  for (const option of selectAll('option', control)) {
    const selected: boolean = values.includes(optionValue(option)) && (control.properties['multiple'] === true || !chosen);
    option.properties['selected'] = selected;
    chosen ||= selected;
  }
}

/**
 * The HTML parser drops one line break right after `<textarea>`: a leading
 * one is added so that a value starting with a line break comes back whole.
 */
function setTextareaValue(control: Element, value: string): void {
  control.children = value === '' ? [] : [text(`\n${value}`)];
}

/** Put the submitted values back into the controls of `form`, and `token` into the token field. */
function fillControls(form: Element, fields: SubmittedFields, token: string): void {
  // Text controls sharing a name take the submitted values in turn, as they were sent.
  const taken = new Map<string, number>();
  const nextValue = (name: string): string => {
    const index = taken.get(name) ?? 0;
    taken.set(name, index + 1);
    return submittedValues(fields, name)[index] ?? '';
  };
  for (const control of selectAll(CONTROLS, form)) {
    const name = control.properties['name'];
    if (typeof name !== 'string') continue;
    if (name === TOKEN_FIELD) control.properties['value'] = token;
    if (NOT_REFILLED.has(name)) continue;
    if (control.tagName === 'select') {
      selectOptions(control, submittedValues(fields, name));
    } else if (control.tagName === 'textarea') {
      setTextareaValue(control, nextValue(name));
    } else {
      const type = String(control.properties['type'] ?? 'text').toLowerCase();
      if (type === 'checkbox' || type === 'radio') control.properties['checked'] = submittedValues(fields, name).includes(String(control.properties['value'] ?? 'on'));
      else if (TYPED_INPUTS.has(type)) control.properties['value'] = nextValue(name);
    }
  }
}

/** The tokens of a space-separated property (`className`, `ariaDescribedBy`). */
function tokensOf(node: Element, property: string): string[] {
  const value: unknown = node.properties[property];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * Show `error` at its field: the message in `champ-<name>-erreur`, the field
 * marked invalid, its control (or group) described by the message first.
 * An error of no field of the page (the whole form) is shown by the summary only.
 */
function markFieldError(form: Element, error: FieldError): void {
  const container = selectAll('[data-field]', form).find((node) => node.properties['dataField'] === error.field);
  const errorId = fieldErrorId(error.field);
  const message = container && selectAll('[id]', container).find((node) => node.properties['id'] === errorId);
  if (!container || !message) return;
  message.children = [text(fr(error.message))];
  message.properties['hidden'] = false;
  container.properties['className'] = [...new Set([...tokensOf(container, 'className'), 'field--invalid'])];
  const controls = selectAll(CONTROLS, container);
  for (const control of controls) control.properties['ariaInvalid'] = 'true';
  const described = container.tagName === 'fieldset' ? container : controls[0];
  if (described) described.properties['ariaDescribedBy'] = [errorId, ...tokensOf(described, 'ariaDescribedBy').filter((id) => id !== errorId)];
}

/** The summary at the top: how many errors, then one link per error to its field (or to the form). */
function errorSummary(errors: readonly FieldError[], anchors: ReadonlySet<string>): Element {
  const headingId = `${ERROR_SUMMARY_ID}-titre`;
  const heading = errors.length > 1 ? `Le formulaire contient ${errors.length} erreurs` : 'Le formulaire contient une erreur';
  const advice = 'Vos réponses sont conservées ci-dessous : corrigez ce qui est signalé, puis envoyez à nouveau le formulaire.';
  const items = errors.map((error) => {
    const anchor = fieldAnchor(error.field);
    const href = `#${anchors.has(anchor) ? anchor : fieldAnchor(FORM_LEVEL_ERROR)}`;
    return element('li', {}, [element('a', { href }, [text(fr(error.message))])]);
  });
  // Focused when the page opens (no script needed): screen readers read the summary first.
  return element('section', { className: ['form-errors'], id: ERROR_SUMMARY_ID, ariaLabelledBy: [headingId], tabIndex: -1, autoFocus: true }, [
    element('h2', { id: headingId }, [text(heading)]),
    element('p', {}, [text(fr(advice))]),
    element('ul', {}, items),
  ]);
}

/** Right after the page's main heading, or at the top of the form when the page has none. */
function insertSummary(tree: Root, form: Element, summary: Element): void {
  const main = select('main', tree);
  const headingIndex = main ? main.children.findIndex((child) => child.type === 'element' && child.tagName === 'h1') : -1;
  if (main && headingIndex >= 0) main.children.splice(headingIndex + 1, 0, summary);
  else form.children.unshift(summary);
}

function prefixTitle(tree: Root, errorCount: number): void {
  const title = select('title', tree);
  if (title) title.children = [text(composePageTitle([describeFormErrorState(errorCount)], textContent(title)))];
}

/**
 * Fill the built page of a form with a submission that has errors.
 * @param html the built page of the form (`FORM_DEFINITIONS[form].path`)
 * @param request the form, what was submitted, its errors and a fresh token
 * @returns the page to send back with status 422, or `undefined` when `html`
 * holds no form posting to the form's action (the caller then answers with the
 * plain list of errors)
 */
export function refillFormPage(html: string, { form, fields, errors, token }: RefillRequest): string | undefined {
  const tree = fromHtml(html);
  const action = FORM_DEFINITIONS[form].action;
  const formElement = selectAll('form', tree).find((node) => node.properties['action'] === action);
  if (!formElement) return undefined;
  const ordered = orderFieldErrors(form, errors);
  fillControls(formElement, fields, token);
  for (const error of ordered) markFieldError(formElement, error);
  const anchors = new Set([...selectAll('[id]', formElement), formElement].map((node) => String(node.properties['id'])));
  insertSummary(tree, formElement, errorSummary(ordered, anchors));
  prefixTitle(tree, ordered.length);
  return toHtml(tree);
}
