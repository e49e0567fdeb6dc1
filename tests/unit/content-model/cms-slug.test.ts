/**
 * Every name an editor can type in the CMS gives a file the build accepts.
 * Runs Decap's own slug code (decap-cms-core's `slugFormatter`, the function
 * that names a new entry's file, with the collection's `slug` template and the
 * global `slug` options of the project's CMS configuration) over generated
 * names, and feeds each file name to the build's rule (`slugFromFileName`).
 *
 * decap-cms-core's ES module build is loaded module by module; two modules that
 * the slug code does not use but that would start the whole CMS (Redux actions,
 * the backend, browser storage) are replaced by stubs, and decap-cms-lib-widgets
 * is taken from its ES module build (its main file needs `window`).
 */
import fc from 'fast-check';
import { fromJS } from 'immutable';
import { describe, expect, it, vi } from 'vitest';
import { slugFormatter } from 'decap-cms-core/dist/esm/lib/formatters.js';
import { sanitizeChar } from 'decap-cms-core/dist/esm/lib/urlHelper.js';
import type { CmsCollection } from 'decap-cms-core';
import { slugFromFileName } from '../../../src/lib/content-model/entry-slug.ts';
import { SLUG_PATTERN } from '../../../src/lib/content-model/fields.ts';
import { buildCollectionSchemas } from '../../../src/lib/content-model/schemas.ts';
import { context, validOrder } from './fixtures.ts';
import { decap } from './decap-samples.ts';

vi.mock('decap-cms-core/dist/esm/actions/config.js', () => ({ CONFIG_SUCCESS: 'CONFIG_SUCCESS' }));
vi.mock('decap-cms-core/dist/esm/reducers/entries.js', () => ({ selectMediaFolder: () => undefined }));
vi.mock('decap-cms-lib-widgets', () => import('decap-cms-lib-widgets/dist/esm/index.js'));

const folderCollections = decap.collections.filter((collection): collection is CmsCollection & { folder: string } => collection.folder !== undefined);

/** The identifier field's CMS pattern: the CMS refuses to save a name it does not match. */
function identifierPattern(collection: CmsCollection): RegExp {
  const field = collection.fields?.find(({ name }) => name === collection.identifier_field);
  const pattern = field && 'pattern' in field ? (field.pattern as [string, string] | undefined) : undefined;
  if (!pattern) throw new Error(`${collection.name}: the identifier field has no pattern`);
  return new RegExp(pattern[0]);
}

/** The file name Decap gives a new entry of `collection` named `name`. */
function decapFileSlug(collection: CmsCollection, name: string): string {
  return slugFormatter(fromJS(collection), fromJS({ [collection.identifier_field!]: name }), decap.slug);
}

/** Pieces of names that slug code must survive. */
const PIECES = [
  'é', 'È', 'ç', 'ê', 'Ô', 'Œ', 'œ', 'æ', 'ß', 'ø', 'Ð', 'þ', 'ÿ', 'e\u0301', '’', "'", '‘', '_', '__', '~', '.', '..', '…', '-', '--',
  ' ', '\u00a0', '\u202f', '\t', '\u200b', '&', '/', '\\', ':', '?', '#', '%', '"', '«', '»', '*', '|', '<', '>', '(', ')', '+', '=',
  '🚀', '👩‍💻', '🇫🇷', '株式会社', '東京', 'Ελλάδα', 'Москва', 'عربي', 'İ', 'ı', 'ﬃ', 'ǅ', 'ɛ', 'Ç', 'ꜷ', 'Ⅻ', '²', '½', '\u0301',
  'con', 'Aux', 'NUL', 'com1', 'LPT9', '.md', 'a', 'Z', '0', '9', 'Dupont', 'Fils', 'et', 'Pilote', '3 mois', 'Écho',
];

const names = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }).map((pieces) => pieces.join('')),
  fc.array(fc.constantFrom(...PIECES), { minLength: 60, maxLength: 120 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 160 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'.’\'_~-…!?()[]«» '), minLength: 1, maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('ﬃ', 'æ', 'ß', 'Œ', '1'), minLength: 100, maxLength: 160 }),
);

describe('Decap’s slug code and the build’s file-name rule', () => {
  it.each([
    ['startups', 'Dupont_et_Fils', 'dupont_et_fils', 'dupont-et-fils'],
    ['orders', 'Pilote de 3 mois', 'pilote-de-3-mois', 'pilote-de-3-mois'],
    ['orders', 'Étude_Atelier 2', 'etude_atelier-2', 'etude-atelier-2'],
    ['buyers', 'L’Atelier d\'Écho', 'l-atelier-decho', 'l-atelier-decho'],
    ['news', 'Œuvres & Cie. (2026)', 'oeuvres-cie-2026', 'oeuvres-cie-2026'],
    ['pages', '🚀 Lancement été', 'lancement-ete', 'lancement-ete'],
    ['startups', 'x'.repeat(120), 'x'.repeat(80), 'x'.repeat(80)],
  ])('%s: « %s » → %s.md → /%s/', (name, typed, fileSlug, urlSlug) => {
    const collection = folderCollections.find((candidate) => candidate.name === name)!;
    expect(identifierPattern(collection).test(typed)).toBe(true);
    expect(decapFileSlug(collection, typed)).toBe(fileSlug);
    expect(slugFromFileName(`${fileSlug}.md`, collection.folder)).toBe(urlSlug);
  });

  it.each([['株式会社'], ['🚀🚀'], ['...'], ['’’'], ['___'], ['~'], ['Aux'], [' con '], ['com1\''], ['Çon'], ['ꜷx'], ['Москва'], ['Pilote ~ 3 mois'], ['x'.repeat(121)]])(
    'the CMS refuses the name %j, which would give no file name, a too long one or (with ~) no git branch name',
    (typed) => {
      expect(identifierPattern(folderCollections.find(({ name }) => name === 'startups')!).test(typed)).toBe(false);
    },
  );

  it.each(folderCollections.map((collection) => [collection.name, collection] as const))(
    '%s: every name the CMS accepts gives a file name the build accepts, and its counter-suffixed twin too',
    (_name, collection) => {
      const accepts = identifierPattern(collection);
      const counter = sanitizeChar(' ', decap.slug);
      let accepted = 0;
      fc.assert(
        fc.property(names, (typed) => {
          if (!accepts.test(typed)) return;
          accepted += 1;
          const fileSlug = decapFileSlug(collection, typed);
          for (const fileName of [`${fileSlug}.md`, `${fileSlug}${counter}1.md`]) {
            expect(slugFromFileName(fileName, collection.folder)).toMatch(new RegExp(SLUG_PATTERN.source));
          }
          // Letters, digits, `_` and single inner hyphens: a valid component of the workflow's branch `cms/<collection>/<slug>`.
          expect(fileSlug).toMatch(/^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/);
        }),
        { numRuns: 3_000 },
      );
      // About a quarter of the generated names are ones the CMS accepts: the property is not vacuous.
      expect(accepted).toBeGreaterThan(500);
    },
    // About 2 s per collection on an idle machine.
    60_000,
  );

  it('an order names a buyer and a startup by the file slug Decap stores; the build reads them as URL slugs', () => {
    const order = buildCollectionSchemas(context).orders.parse({ ...validOrder(), buyer: 'dupont_et_fils', startup: 'Ea_1' });
    expect([order.buyer, order.startup]).toEqual(['dupont-et-fils', 'ea-1']);
  });
});
