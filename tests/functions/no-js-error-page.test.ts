/**
 * The no-JavaScript error round trip (issue 14), through the real functions
 * serving the built site: a browser without JavaScript posts an application
 * with errors and gets the form's own page back, with every value it typed
 * (hostile ones as plain text), the errors at their fields and summarised in
 * the order of the fields, a title that starts with « Erreur : » and a fresh
 * token; sending that page again with the errors corrected is accepted. The
 * JSON answer of the enhanced form is unchanged, and when the form page cannot
 * be fetched the answer is the plain list of errors, in the same order.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import applicationHandler from '../../netlify/functions/candidature.mts';
import { applyFrenchSpacing as fr } from '../../src/lib/format/french-spacing.ts';
import { FORM_DEFINITIONS } from '../../src/lib/forms/definitions/forms.ts';
import { fieldAnchor, fieldErrorId } from '../../src/lib/forms/definitions/form-pages.ts';
import { verifyFormToken } from '../../src/lib/forms/form-token.ts';
import { orderFieldErrors } from '../../src/lib/forms/order-field-errors.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD, type FieldError } from '../../src/lib/forms/process-submission.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import { LOCAL_SIGNING_SECRET, formRequest, startFormServices, type FormServices } from '../helpers/form-fixtures.ts';
import { REAL_SITE_DIST } from '../helpers/paths.ts';
import { serveSiteWithFunctions, type SiteWithFunctions } from '../helpers/site-with-functions.ts';

const FORM = 'candidature';
const DEFINITION = FORM_DEFINITIONS[FORM];

/** What a visitor typed: hostile text in the fields that accept it, four errors, a honeypot a bot filled. */
const TYPED: Record<string, string | readonly string[]> = {
  company_name: 'Société "><script>alert(1)</script>',
  siret: '123',
  postcode: '68100',
  commune: `Mulhouse '"><img src=x onerror=alert(1)>`,
  team_size: '4',
  sectors: ['Industrie du futur', 'Santé'],
  technologies: ['Robotique'],
  presentation: '\nNous concevons des capteurs </textarea><script>alert(1)</script> pour les ateliers de la région mulhousienne.',
  offer_title: 'Prototype "><script>alert(1)</script>',
  offer_kind: 'etude',
  offer_price_ht: '20 000',
  contact_name: 'Jeanne <b>Dupont</b>',
  email: 'pas-une-adresse',
  phone: '03 89 12 34 56',
  [HONEYPOT_FIELD]: 'rempli par un robot',
};
/** The fields with an error, in the order of the form. */
const INVALID_FIELDS = ['siret', 'offer_price_ht', 'email', 'consent'];
/** What the visitor corrects before sending again. */
const CORRECTIONS: Record<string, string> = { siret: '732 829 320 00074', offer_price_ht: '12 000', email: 'contact@société-verte.fr', consent: 'on' };

let services: FormServices;
let site: SiteWithFunctions;

beforeAll(async () => {
  services = await startFormServices();
  site = await serveSiteWithFunctions(REAL_SITE_DIST);
});
afterAll(async () => {
  await site.close();
  await services.stop();
});

function textOf(node: Root | RootContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** What a browser sends for `form` (HTML's form data set for the controls these forms use). */
function formDataSet(form: Element): [string, string][] {
  return selectAll('input, select, textarea', form).flatMap((control): [string, string][] => {
    const name = control.properties['name'];
    if (typeof name !== 'string') return [];
    if (control.tagName === 'textarea') return [[name, textOf(control)]];
    if (control.tagName === 'select') return selectAll('option', control).flatMap((option): [string, string][] => (option.properties['selected'] ? [[name, String(option.properties['value'])]] : []));
    const type = String(control.properties['type'] ?? 'text');
    if (type === 'checkbox' || type === 'radio') return control.properties['checked'] ? [[name, String(control.properties['value'] ?? 'on')]] : [];
    return [[name, String(control.properties['value'] ?? '')]];
  });
}

/** A POST from a page of the site, as a browser without JavaScript sends it. */
function postFromPage(entries: readonly (readonly [string, string])[]): Promise<Response> {
  return fetch(new URL(DEFINITION.action, site.origin), {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html,application/xhtml+xml', 'content-type': 'application/x-www-form-urlencoded', origin: site.origin, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams(entries.map(([name, value]) => [name, value])).toString(),
  });
}

const typedEntries = () => Object.entries(TYPED).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as const] : value.map((item) => [name, item] as const)));
const formOf = (tree: Root) => selectAll('form', tree).find((node) => node.properties['action'] === DEFINITION.action)!;

describe('an application with errors, JavaScript off', () => {
  let response: Response;
  let html: string;
  let tree: Root;
  let jsonErrors: FieldError[];

  beforeAll(async () => {
    response = await postFromPage(typedEntries());
    html = await response.text();
    tree = fromHtml(html);
    const json = await applicationHandler(formRequest(FORM, TYPED, { accept: 'json' }), functionContext());
    const body = (await json.json()) as { status: string; errors: FieldError[]; token: string };
    expect(json.status).toBe(422);
    expect(Object.keys(body).sort()).toEqual(['errors', 'status', 'token']);
    expect(body.status).toBe('invalid');
    jsonErrors = body.errors;
  });

  it('answers 422 with the form page itself, titled with the error state', () => {
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(textOf(select('title', tree))).toBe(`Erreur\u00a0: 4 champs à corriger — ${DEFINITION.title} — Premiers bons de commande`);
    expect(textOf(select('main h1', tree))).toBe(DEFINITION.title);
    expect(formOf(tree)).toBeDefined();
  });

  it('keeps every value typed, as text, and neither the honeypot nor the old token', () => {
    const sent = formDataSet(formOf(tree));
    const valuesOf = (name: string) => sent.filter(([key]) => key === name).map(([, value]) => value);
    for (const [name, typed] of Object.entries(TYPED)) {
      if (name === HONEYPOT_FIELD) expect(valuesOf(name), name).toEqual(['']);
      else expect(valuesOf(name), name).toEqual(typeof typed === 'string' ? [typed] : typed);
    }
    expect(valuesOf('consent')).toEqual([]);
    expect(html).not.toContain('rempli par un robot');
    expect(selectAll('script', tree).map((script) => script.properties['type'] ?? 'classic')).toEqual(['application/json', 'module']);
    expect(selectAll('img, b', tree)).toEqual([]);
  });

  it('hands back a fresh token for the form', async () => {
    const token = formDataSet(formOf(tree)).find(([name]) => name === TOKEN_FIELD)![1];
    expect(await verifyFormToken(token, LOCAL_SIGNING_SECRET, FORM, Date.now(), { minFillMs: 0, maxAgeMs: 60_000 })).toMatchObject({ ok: true });
  });

  it('summarises the errors at the top, in the order of the fields, linking to them', () => {
    const summary = select('#erreurs', tree)!;
    expect(summary.properties['autoFocus']).toBe(true);
    expect(textOf(select('h2', summary))).toBe('Le formulaire contient 4 erreurs');
    const links = selectAll('a', summary);
    expect(links.map((link) => link.properties['href'])).toEqual(INVALID_FIELDS.map((name) => `#${fieldAnchor(name)}`));
    expect(links.map(textOf)).toEqual(orderFieldErrors(FORM, jsonErrors).map((error) => fr(error.message)));
  });

  it.each(INVALID_FIELDS)('%s: its message, aria-invalid and aria-describedby at the field', (name) => {
    const message = select(`#${fieldErrorId(name)}`, tree)!;
    expect(message.properties['hidden']).toBeUndefined();
    expect(textOf(message)).toBe(fr(jsonErrors.find((error) => error.field === name)!.message));
    const control = select(`#${fieldAnchor(name)}`, tree)!;
    expect(control.properties['ariaInvalid']).toBe('true');
    expect(control.properties['ariaDescribedBy']).toContain(fieldErrorId(name));
  });

  it('marks no field without an error', () => {
    const marked = selectAll('[aria-invalid]', tree).map((node) => String(node.properties['name']));
    expect([...new Set(marked)]).toEqual(INVALID_FIELDS);
  });

  it('accepts the page sent again once corrected: nothing typed was lost', async () => {
    process.env['FORM_MIN_FILL_SECONDS'] = '0';
    const corrected = [...formDataSet(formOf(tree)).filter(([name]) => !(name in CORRECTIONS)), ...Object.entries(CORRECTIONS)];
    const accepted = await postFromPage(corrected);
    expect(accepted.status).toBe(303);
    // The e-mails go after the answer; they are done before the services stop.
    await settleBackgroundWork();
    const reference = new URL(accepted.headers.get('location')!, site.origin).searchParams.get('reference');
    const { rows } = await services.database.query<{ data: Record<string, unknown> }>('SELECT data FROM submissions WHERE reference = $1', [reference]);
    expect(rows[0]!.data).toMatchObject({
      company_name: TYPED['company_name'],
      commune: TYPED['commune'],
      presentation: (TYPED['presentation'] as string).trim(),
      offer_title: TYPED['offer_title'],
      contact_name: TYPED['contact_name'],
      sectors: TYPED['sectors'],
      technologies: TYPED['technologies'],
      offer_kind: 'etude',
    });
  });
});

it('without the form page (the site cannot be fetched), lists the errors in the order of the fields under the same title', async () => {
  const response = await applicationHandler(formRequest(FORM, TYPED), functionContext());
  const tree = fromHtml(await response.text());
  expect(response.status).toBe(422);
  expect(textOf(select('title', tree))).toMatch(/^Erreur\u00a0: 4 champs à corriger — /);
  expect(selectAll('section li a', tree).map((link) => link.properties['href'])).toEqual(INVALID_FIELDS.map((name) => `${DEFINITION.path}#${fieldAnchor(name)}`));
});
