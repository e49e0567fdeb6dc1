/**
 * `refillFormPage` on the markup of each real form (`FormShell.astro` rendered
 * by Astro's container, in a page with a title and a main heading): every kind
 * of control gets its typed value back, a hostile value in every field stays
 * text, the honeypot stays empty, the token is the fresh one, and the errors
 * show at their fields and in a summary in the order of the fields.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import FormShell from '../../src/components/FormShell.astro';
import { applyFrenchSpacing as fr } from '../../src/lib/format/french-spacing.ts';
import type { PublicFormContext } from '../../src/lib/forms/definitions/form-definition.ts';
import { FORM_DEFINITIONS, FORM_NAMES, type FormName } from '../../src/lib/forms/definitions/index.ts';
import { pageSectionsOf, type PageField } from '../../src/lib/forms/definitions/to-page-fields.ts';
import { fieldAnchor, fieldErrorId } from '../../src/lib/forms/definitions/form-pages.ts';
import { FORM_LEVEL_ERROR, HONEYPOT_FIELD, TOKEN_FIELD, type FieldError } from '../../src/lib/forms/process-submission.ts';
import { refillFormPage } from '../../src/lib/forms/refill-form-page.ts';
import type { SubmittedFields } from '../../src/lib/forms/request/read-form-request.ts';

const CONTEXT: PublicFormContext = {
  sectors: ['Santé', 'Industrie du futur', 'Logistique'],
  technologies: ['Robotique', 'Cybersécurité'],
  orderCeilingHt: 15_000,
  startups: [
    { slug: 'demo', name: 'Démo' },
    { slug: 'reelle', name: 'Réelle' },
  ],
};

/** Typed into every field: it must come back as a value, never as markup. */
const HOSTILE = '"><script>alert(1)</script>';
const FRESH_TOKEN = 'jeton-neuf.123';

function textOf(node: Root | RootContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function fieldsOfPage(form: FormName): PageField[] {
  return pageSectionsOf(FORM_DEFINITIONS[form], CONTEXT).flatMap((section) => section.items.flatMap((item) => (item.kind === 'row' ? item.fields : [item.field])));
}

/** What a visitor sends: the hostile text (with a line break in a text area), the last choice of a list, two boxes of a group. */
function typedValues(fields: readonly PageField[]): SubmittedFields {
  const values: SubmittedFields = {};
  for (const field of fields) {
    if (field.kind === 'select') values[field.name] = field.options!.at(-1)!.value;
    else if (field.kind === 'checkboxes') values[field.name] = [field.options![0]!.value, field.options!.at(-1)!.value, HOSTILE];
    else if (field.kind === 'consent') values[field.name] = 'on';
    else if (field.kind === 'textarea') values[field.name] = `\nPremière ligne ${HOSTILE}\n</textarea>fin`;
    else values[field.name] = `${field.name} ${HOSTILE}`;
  }
  return { ...values, [HONEYPOT_FIELD]: `robot ${HOSTILE}`, [TOKEN_FIELD]: 'ancien-jeton' };
}

const byId = (tree: Root, id: string) => selectAll('[id]', tree).find((node) => node.properties['id'] === id);
const controlsNamed = (tree: Root, name: string) => selectAll('input, select, textarea', tree).filter((node) => node.properties['name'] === name);

describe.each(FORM_NAMES)('%s', (form) => {
  const fields = fieldsOfPage(form);
  const submitted = typedValues(fields);
  // Errors for every field, in the reverse order of the page, and one about the whole form.
  const errors: FieldError[] = [...fields].reverse().map((field) => ({ field: field.name, message: `${field.label} : erreur de ${field.name} ${HOSTILE}` }));
  errors.push({ field: FORM_LEVEL_ERROR, message: `Formulaire : champ inattendu (${HOSTILE}).` });
  const orderedMessages = [errors.at(-1)!, ...errors.slice(0, -1).reverse()].map((error) => error.message);
  let page: string;
  let html: string;
  let tree: Root;

  beforeAll(async () => {
    const container = await AstroContainer.create();
    const shell = await container.renderToString(FormShell, { props: { form, context: CONTEXT } });
    page = `<!doctype html><html lang="fr"><head><title>${FORM_DEFINITIONS[form].title} — Premiers bons de commande</title></head><body><main><h1>${FORM_DEFINITIONS[form].title}</h1><p>Texte</p>${shell}</main></body></html>`;
    html = refillFormPage(page, { form, fields: submitted, errors, token: FRESH_TOKEN })!;
    tree = fromHtml(html);
  });

  it.each(fields.map((field) => [field.name, field] as const))('%s: the typed value is back', (name, field) => {
    const controls = controlsNamed(tree, name);
    const typed = submitted[name]!;
    if (field.kind === 'select') {
      expect(selectAll('option', controls[0]!).filter((option) => option.properties['selected']).map((option) => option.properties['value'])).toEqual([typed]);
    } else if (field.kind === 'checkboxes' || field.kind === 'consent') {
      const checked = controls.filter((control) => control.properties['checked']).map((control) => String(control.properties['value'] ?? 'on'));
      expect(checked).toEqual(field.kind === 'consent' ? ['on'] : (typed as string[]).filter((value) => value !== HOSTILE));
    } else if (field.kind === 'textarea') {
      expect(textOf(controls[0])).toBe(typed);
    } else {
      expect(controls.map((control) => control.properties['value'])).toEqual([typed]);
    }
  });

  it.each(fields.map((field) => [field.name] as const))('%s: the error is shown at the field', (name) => {
    const errorId = fieldErrorId(name);
    const message = byId(tree, errorId)!;
    expect(message.properties['hidden']).toBeUndefined();
    expect(textOf(message)).toBe(fr(errors.find((error) => error.field === name)!.message));
    const container = selectAll('[data-field]', tree).find((node) => node.properties['dataField'] === name)!;
    expect(container.properties['className']).toContain('field--invalid');
    const controls = selectAll('input, select, textarea', container);
    expect(controls.length).toBeGreaterThan(0);
    for (const control of controls) expect(control.properties['ariaInvalid']).toBe('true');
    const described = container.tagName === 'fieldset' ? container : controls[0]!;
    const ids = described.properties['ariaDescribedBy'] as string[];
    expect(ids[0]).toBe(errorId);
    // The hint stays described, after the error.
    if (byId(tree, `${fieldAnchor(name)}-aide`)) expect(ids).toEqual([errorId, `${fieldAnchor(name)}-aide`]);
  });

  it('keeps the honeypot empty and puts the fresh token in the token field', () => {
    expect(controlsNamed(tree, HONEYPOT_FIELD).map((control) => control.properties['value'])).toEqual(['']);
    expect(controlsNamed(tree, TOKEN_FIELD).map((control) => control.properties['value'])).toEqual([FRESH_TOKEN]);
    expect(html).not.toContain('robot');
    expect(html).not.toContain('ancien-jeton');
  });

  it('writes every typed value as text: no element, attribute or script comes from it', () => {
    expect(selectAll('script', tree)).toHaveLength(selectAll('script', fromHtml(page)).length);
    // In an attribute the quote is escaped (`&#x22;><script>`), in text the `<` (`&#x3C;script>`).
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('</textarea>fin');
    expect(selectAll('[onerror], [onload]', tree)).toEqual([]);
  });

  it('summarises the errors at the top in the order of the fields, each linking to its field', () => {
    const main = select('main', tree)!;
    const summary = main.children.filter((child): child is Element => child.type === 'element')[1]!;
    expect(summary.properties['id']).toBe('erreurs');
    expect(summary.properties['autoFocus']).toBe(true);
    expect(textOf(select('h2', summary))).toBe(`Le formulaire contient ${errors.length} erreurs`);
    const links = selectAll('li a', summary);
    expect(links.map((link) => link.properties['href'])).toEqual([`#${fieldAnchor(FORM_LEVEL_ERROR)}`, ...fields.map((field) => `#${fieldAnchor(field.name)}`)]);
    for (const link of links) expect(byId(tree, String(link.properties['href']).slice(1)), String(link.properties['href'])).toBeDefined();
    expect(links.map((link) => textOf(link))).toEqual(orderedMessages.map(fr));
  });

  it('starts the title with the error state', () => {
    expect(textOf(select('title', tree))).toBe(`Erreur\u00a0: ${errors.length} champs à corriger — ${FORM_DEFINITIONS[form].title} — Premiers bons de commande`);
  });
});
