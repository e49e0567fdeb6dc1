/**
 * `refillFormPage` on small pages with controls the real forms do not use yet
 * (radios, multiple lists, options without value, repeated text names,
 * passwords): the HTML rules for what a control submits are followed both ways.
 * The real forms' markup is covered by `tests/components/refill-form-page.test.ts`.
 */
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { FORM_DEFINITIONS } from '../../../src/lib/forms/definitions/forms.ts';
import { fieldErrorId } from '../../../src/lib/forms/definitions/form-pages.ts';
import type { FieldError } from '../../../src/lib/forms/process-submission.ts';
import { refillFormPage } from '../../../src/lib/forms/refill-form-page.ts';
import type { SubmittedFields } from '../../../src/lib/forms/request/read-form-request.ts';

const ACTION = FORM_DEFINITIONS.candidature.action;
const ONE_ERROR: FieldError[] = [{ field: 'commune', message: 'Commune : obligatoire.' }];

function page(formContent: string, { heading = true, action = ACTION } = {}): string {
  return `<!doctype html><html lang="fr"><head><title>Candidater — Site</title></head><body><main>${heading ? '<h1>Candidater</h1>' : ''}<form method="post" action="${action}" id="champ-formulaire">${formContent}<input type="hidden" name="jeton" value=""></form></main></body></html>`;
}

function refill(formContent: string, fields: SubmittedFields, errors: FieldError[] = ONE_ERROR, options?: { heading?: boolean; action?: string }): Root {
  const html = refillFormPage(page(formContent, options), { form: 'candidature', fields, errors, token: 'neuf' });
  expect(html).toBeDefined();
  return fromHtml(html!);
}

function textOf(node: Root | RootContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

const values = (tree: Root, selector: string, property: string) => selectAll(selector, tree).filter((node) => node.properties[property]).map((node) => node.properties['value'] ?? textOf(node));

describe('refillFormPage: what each control gets back', () => {
  it('checks the radio whose value was sent, and only it', () => {
    const tree = refill('<input type="radio" name="kind" value="a" checked><input type="radio" name="kind" value="b"><input type="radio" name="kind" value="c">', { kind: 'b' });
    expect(values(tree, 'input', 'checked')).toEqual(['b']);
  });

  it('checks a box without value when "on" was sent, and unchecks one that was not sent', () => {
    const tree = refill('<input type="checkbox" name="consent"><input type="checkbox" name="news" checked>', { consent: 'on' });
    expect(selectAll('input[type=checkbox]', tree).map((node) => node.properties['checked'] === true)).toEqual([true, false]);
  });

  it('selects every sent option of a multiple list, matching an option without value by its text', () => {
    const tree = refill('<select name="s" multiple><option value="x">X</option><option>  Sans   valeur </option><option value="z">Z</option></select>', { s: ['Sans valeur', 'z'] });
    expect(values(tree, 'option', 'selected')).toEqual(['  Sans   valeur ', 'z']);
  });

  it('selects one option of a single list, the first sent, and unselects the default', () => {
    const tree = refill('<select name="s"><option value="" selected>Choisir</option><option value="x">X</option><option value="y">Y</option></select>', { s: ['y', 'x'] });
    expect(values(tree, 'option', 'selected')).toEqual(['x']);
  });

  it('gives repeated text controls the sent values in turn', () => {
    const tree = refill('<input name="t"><input type="email" name="t"><input type="text" name="t">', { t: ['un', 'deux'] });
    expect(selectAll('input[name=t]', tree).map((node) => node.properties['value'])).toEqual(['un', 'deux', '']);
  });

  it.each([
    ['a line break first', '\nsuite'],
    ['two line breaks first', '\n\nsuite\n'],
    ['markup', '</textarea><script>alert(1)</script>'],
    ['nothing', ''],
  ])('keeps a text area value with %s as it was typed', (_case, typed) => {
    const tree = refill('<textarea name="texte"></textarea>', { texte: typed });
    expect(textOf(select('textarea', tree))).toBe(typed);
    expect(selectAll('script', tree)).toEqual([]);
  });

  it('never sends back a password, a file name or a hidden value other than the fresh token', () => {
    const tree = refill('<input type="password" name="p"><input type="file" name="f"><input type="hidden" name="h" value="fixe">', { p: 'secret', f: 'x.pdf', h: 'changé', jeton: 'ancien' });
    expect(selectAll('input', tree).map((node) => [node.properties['name'], node.properties['value']])).toEqual([
      ['p', undefined],
      ['f', undefined],
      ['h', 'fixe'],
      ['jeton', 'neuf'],
    ]);
  });
});

describe('refillFormPage: errors and page', () => {
  const field = `<div class="field" data-field="commune"><label for="champ-commune">Commune</label><p id="champ-commune-erreur" hidden></p><input id="champ-commune" name="commune" aria-describedby="champ-commune-aide"></div>`;

  it('says one error in the singular, in the summary and the title', () => {
    const tree = refill(field, { commune: '' });
    expect(textOf(select('#erreurs h2', tree))).toBe('Le formulaire contient une erreur');
    expect(textOf(select('title', tree))).toBe('Erreur\u00a0: 1 champ à corriger — Candidater — Site');
    expect(select('#champ-commune', tree)!.properties['ariaDescribedBy']).toEqual([fieldErrorId('commune'), 'champ-commune-aide']);
  });

  it('links an error of a field the page lacks to the form', () => {
    const tree = refill(field, {}, [{ field: 'siret', message: 'Numéro SIRET : obligatoire.' }]);
    expect(selectAll('#erreurs a', tree).map((link) => link.properties['href'])).toEqual(['#champ-formulaire']);
  });

  it('puts the summary at the top of the form when the page has no main heading', () => {
    const tree = refill(field, {}, ONE_ERROR, { heading: false });
    expect(select('form', tree)!.children[0]).toMatchObject({ tagName: 'section', properties: { id: 'erreurs' } });
  });

  it('gives nothing for a page without the form, so that the caller falls back to the list of errors', () => {
    expect(refillFormPage(page(field, { action: '/api/autre/' }), { form: 'candidature', fields: {}, errors: ONE_ERROR, token: 'neuf' })).toBeUndefined();
  });
});
