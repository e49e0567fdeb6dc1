/**
 * The markup contract of `DefinedFormFields.astro` on every form: each field of
 * the definition has its container (`data-field`), its control or group with
 * the id `champ-<name>` that the error links point to, its label, its error
 * slot `…-erreur` and, when it has help text, `…-aide` in `aria-describedby`;
 * « obligatoire » exactly where the schema refuses an empty value.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import DefinedFormFields from '../../src/components/DefinedFormFields.astro';
import { fieldsOf, type PublicFormContext } from '../../src/lib/forms/definitions/form-definition.ts';
import { FORM_DEFINITIONS, FORM_NAMES } from '../../src/lib/forms/definitions/index.ts';
import { isRequiredField } from '../../src/lib/forms/definitions/to-schema.ts';
import { fieldAnchor } from '../../src/lib/forms/definitions/index.ts';

const CONTEXT: PublicFormContext = {
  sectors: ['Santé', 'Industrie du futur'],
  technologies: ['Robotique'],
  orderCeilingHt: 15_000,
  startups: [
    { slug: 'atelier', name: 'Atelier' },
    { slug: 'reelle', name: 'Réelle' },
  ],
};

/** The elements under `node` (itself included) that pass `test`, in document order. */
function elements(node: Root | RootContent, test: (element: Element) => boolean): Element[] {
  const own = node.type === 'element' && test(node) ? [node] : [];
  const children = 'children' in node ? node.children : [];
  return [...own, ...children.flatMap((child) => elements(child, test))];
}

function rawText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(rawText).join('') : '';
}

/** The text of an element, spaces collapsed. */
function text(node: Root | RootContent | undefined): string {
  return node ? rawText(node).replace(/\s+/g, ' ').trim() : '';
}

const byId = (tree: Root, id: string) => elements(tree, (element) => element.properties['id'] === id)[0];

describe.each(FORM_NAMES)('%s', (form) => {
  const definition = FORM_DEFINITIONS[form];
  let tree: Root;

  beforeAll(async () => {
    const container = await AstroContainer.create();
    tree = fromHtml(await container.renderToString(DefinedFormFields, { props: { definition, context: CONTEXT } }), { fragment: true });
  });

  it('renders the fieldsets of the definition, in order', () => {
    const legends = elements(tree, (element) => element.tagName === 'legend' && element.properties['className']?.toString() !== 'field__label').map(text);
    expect(legends).toEqual(definition.sections.flatMap((section) => (section.legend ? [section.legend] : [])));
  });

  it.each(fieldsOf(definition).map((field) => [field.name, field] as const))('%s: control, label, hint and error tied by ids', (name, field) => {
    const id = fieldAnchor(name);
    const containers = elements(tree, (element) => element.properties['dataField'] === name);
    expect(containers).toHaveLength(1);
    const control = byId(tree, id);
    expect(control, id).toBeDefined();
    expect(byId(tree, `${id}-erreur`)?.properties['hidden']).toBe(true);
    const hint = byId(tree, `${id}-aide`);
    const hasHint = field.control === 'consent' || (typeof field.hint === 'function' ? field.hint(CONTEXT) : field.hint) !== undefined;
    expect(hint !== undefined, 'hint').toBe(hasHint);
    if (hasHint) expect(control!.properties['ariaDescribedBy']).toEqual([`${id}-aide`]);
    const required = isRequiredField(field, CONTEXT);
    const label = field.control === 'checkboxes' ? elements(control!, (element) => element.tagName === 'legend')[0] : elements(tree, (element) => element.tagName === 'label' && element.properties['htmlFor']?.toString() === id)[0];
    expect(text(label)).toBe(`${field.sentence ?? field.label}${required ? ' (obligatoire)' : ''}`.replace(/\s+/g, ' '));
    if (field.control === 'checkboxes') expect(control!.tagName).toBe('fieldset');
    else expect(control!.properties['required'] === true).toBe(required);
  });
});

it.each([
  ['real startups: each is offered after « Pas de préférence », no hint', CONTEXT.startups, [['atelier', 'Atelier'], ['reelle', 'Réelle']], ''],
  [
    'no real startup yet: only « Pas de préférence », and the hint says why',
    [],
    [],
    // `text` reads no-break spaces as spaces.
    'Aucune startup n’est encore inscrite dans l’annuaire : gardez « Pas de préférence » et décrivez votre besoin, l’équipe du programme l’orientera.',
  ],
])('startup field with %s', async (_case, startups, offered, hint) => {
  const container = await AstroContainer.create();
  const html = await container.renderToString(DefinedFormFields, { props: { definition: FORM_DEFINITIONS['demande-bon-de-commande'], context: { ...CONTEXT, startups } } });
  const tree = fromHtml(html, { fragment: true });
  expect(elements(byId(tree, 'champ-startup')!, (element) => element.tagName === 'option').map((option) => [option.properties['value'], text(option)])).toEqual([
    ['sans-preference', 'Pas de préférence : décrire le besoin'],
    ...offered,
  ]);
  expect(text(byId(tree, 'champ-startup-aide'))).toBe(hint);
});
