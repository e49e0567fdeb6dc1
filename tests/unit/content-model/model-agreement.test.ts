/**
 * The Decap CMS configuration and the Zod schemas are both derived from the
 * content model; this test proves they agree, field by field, by feeding values
 * built from the CMS configuration to the Zod schemas: same field names, same
 * required fields, same choices, same patterns, same bounds, same list shapes.
 */
import { describe, expect, it } from 'vitest';
import { IMAGE_OF_ALT, cases, decap, failingPaths, patternOf, sampleEntry, walk, withValue, type AnyField } from './decap-samples.ts';

describe.each(cases)('%s: CMS and build agree', (_name, schema, fields) => {
  const sample = sampleEntry(fields);

  it('a complete entry made from the CMS widgets passes the build schema', () => {
    expect(failingPaths(schema, sample)).toEqual([]);
  });

  it('the CMS offers exactly the fields the build accepts (a key the CMS does not know is refused)', () => {
    expect(failingPaths(schema, { ...sample, champ_hors_cms: 'x' })).toEqual(['']);
  });

  it.each(walk(fields))('$path: required in the CMS ⇔ required by the build', ({ path, field }) => {
    // An alternative text is required only with its image (a build-only rule, tested in cms-rules.test.ts).
    const image = IMAGE_OF_ALT.get(path);
    const entry = image === undefined ? sample : withValue(sample, image, undefined);
    const refusedWhenMissing = failingPaths(schema, withValue(entry, path, undefined)).includes(path);
    expect(refusedWhenMissing).toBe(field.required !== false);
    // A blank value means "no value" on both sides.
    expect(failingPaths(schema, withValue(entry, path, '')).includes(path)).toBe(field.required !== false);
  });

  const selects = walk(fields).filter(({ field }) => field.widget === 'select');
  it.each(selects)('$path: the build accepts every CMS choice and nothing else', ({ path, field }) => {
    for (const option of field['options'] as { value: string }[]) {
      const value = field['multiple'] ? [option.value] : option.value;
      expect(failingPaths(schema, withValue(sample, path, value))).toEqual([]);
    }
    const unknown = field['multiple'] ? ['valeur-hors-liste'] : 'valeur-hors-liste';
    expect(failingPaths(schema, withValue(sample, path, unknown)).length).toBeGreaterThan(0);
  });

  const patterned = walk(fields).filter(({ field }) => patternOf(field) !== undefined);
  it.each(patterned)('$path: a value refused by the CMS pattern is refused by the build', ({ path, field }) => {
    const pattern = patternOf(field)!;
    for (const bad of ['valeur invalide', 'É 123', '06 000', '']) {
      if (bad === '' || pattern.test(bad)) continue;
      expect(failingPaths(schema, withValue(sample, path, bad))).toContain(path);
    }
  });

  const numbers = walk(fields).filter(({ field }) => field.widget === 'number');
  it.each(numbers)('$path: the CMS bounds are the build bounds', ({ path, field }) => {
    const min = field['min'] as number | undefined;
    const max = field['max'] as number | undefined;
    if (min !== undefined) {
      expect(failingPaths(schema, withValue(sample, path, min))).toEqual([]);
      expect(failingPaths(schema, withValue(sample, path, min - 0.01))).toContain(path);
    }
    if (max !== undefined) {
      expect(failingPaths(schema, withValue(sample, path, max))).toEqual([]);
      expect(failingPaths(schema, withValue(sample, path, max + 0.01))).toContain(path);
    }
    expect(min !== undefined || max !== undefined).toBe(true);
  });

  const dates = walk(fields).filter(({ field }) => field.widget === 'datetime');
  it.each(dates)('$path: the CMS stores YYYY-MM-DD and the build reads exactly that', ({ path, field }) => {
    expect(field['date_format']).toBe('YYYY-MM-DD');
    expect(field['time_format']).toBe(false);
    expect(failingPaths(schema, withValue(sample, path, '2024-02-29'))).toEqual([]);
    expect(failingPaths(schema, withValue(sample, path, '29/02/2024'))).toContain(path);
  });
});

describe('CMS configuration', () => {
  it('is in French, stores media in content/uploads and writes ASCII file names', () => {
    expect(decap.locale).toBe('fr');
    expect(decap.media_folder).toBe('content/uploads');
    expect(decap.public_folder).toBe('/uploads');
    expect(decap.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
    expect(decap.load_config_file).toBe(false);
  });

  it('has one collection per content folder, plus the settings file', () => {
    expect(decap.collections.map((collection) => collection.folder ?? collection.files?.[0]?.file)).toEqual([
      'content/startups',
      'content/buyers',
      'content/orders',
      'content/news',
      'content/pages',
      'content/settings/site.yml',
    ]);
  });

  it('relates orders to buyers and startups by slug, searchable by name', () => {
    const orders = decap.collections.find((collection) => collection.name === 'orders')!;
    const relations = (orders.fields as AnyField[]).filter((field) => field.widget === 'relation');
    expect(relations.map((field) => [field.name, field['collection'], field['value_field'], field['search_fields']])).toEqual([
      ['buyer', 'buyers', '{{slug}}', ['name']],
      ['startup', 'startups', '{{slug}}', ['name']],
    ]);
  });

  it('takes sector choices and the ceiling from the settings context', () => {
    const startups = decap.collections.find((collection) => collection.name === 'startups')!;
    const sectors = (startups.fields as AnyField[]).find((field) => field.name === 'sectors')!;
    expect((sectors['options'] as { value: string }[]).map((option) => option.value)).toEqual(['Industrie du futur', 'Santé']);
    const offers = (startups.fields as AnyField[]).find((field) => field.name === 'offers')!;
    const price = (offers['fields'] as AnyField[]).find((field) => field.name === 'price_ht')!;
    expect(price['max']).toBe(15000);
  });
});
