/**
 * Text hygiene over every field of every form and of every content collection,
 * derived from the definitions (`FORM_DEFINITIONS`, the content model's Decap
 * fields): a field added later is covered without touching this file.
 *
 * Rule (src/lib/text/text-hygiene.ts): one-line values refuse bidi controls
 * and invisible characters, naming the field; free text (multi-line) drops them;
 * a value made only of invisible characters counts as empty; NFC everywhere.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createFormSchema, FORM_DEFINITIONS, FORM_NAMES, type FormName } from '../../../src/lib/forms/definitions/index.ts';
import { fieldsOf } from '../../../src/lib/forms/definitions/form-definition.ts';
import { ORDERABLE_STARTUP, validApplicationFields, validCommitmentFields, validOrderFields } from '../../helpers/form-fixtures.ts';
import { cases, sampleEntry, walk, withValue, type AnyField } from '../content-model/decap-samples.ts';

const RLO = '\u202e';
const ONLY_INVISIBLE = '\u200b\u2060\u00a0\ufeff';
const BIDI_REASON = `caractère invisible de sens d’écriture interdit (U+202E) : retapez le texte au lieu de le coller.`;

const CONTEXT = {
  sectors: ['Industrie du futur', 'Santé'],
  technologies: ['Robotique'],
  orderCeilingHt: 15_000,
  startups: [{ slug: ORDERABLE_STARTUP.slug, name: ORDERABLE_STARTUP.name }],
};

/** A valid submission of each form, as typed (every form must have one: the record's type says so). */
const VALID: Record<FormName, () => Record<string, string>> = {
  candidature: validApplicationFields,
  'demande-bon-de-commande': validOrderFields,
  'engagement-acheteur': validCommitmentFields,
};

/** A value with a right-to-left override in its middle. */
function withOverride(value: string): string {
  const middle = Math.ceil(value.length / 2);
  return `${value.slice(0, middle)}${RLO}${value.slice(middle)}`;
}

/** Messages of the issues on a field, its list items included (`sectors.0`). */
function issuesOn(result: z.ZodSafeParseResult<unknown>, path: string): string[] {
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => {
      const at = issue.path.map(String).join('.');
      return at === path || at.startsWith(`${path}.`);
    })
    .map((issue) => issue.message);
}

const formFields = FORM_NAMES.flatMap((form) => fieldsOf(FORM_DEFINITIONS[form]).map((field) => ({ form, name: field.name, label: field.label, control: field.control })));

describe.each(FORM_NAMES)('form %s: every field', (form) => {
  const schema = createFormSchema(form, CONTEXT);

  it.each(formFields.filter((field) => field.form === form))('$name ($control): a bidi override is refused naming the field, or removed from free text', ({ name, label, control }) => {
    const valid = VALID[form]();
    const clean = valid[name] ?? (control === 'textarea' ? 'Un texte assez long pour passer le minimum requis.' : 'Texte');
    const result = schema.safeParse({ ...valid, [name]: withOverride(clean) });
    if (control === 'textarea') {
      // Free text: removed (pasted from a word processor, invisible to whoever typed it).
      expect(result.success).toBe(true);
      expect((result.data as Record<string, unknown>)[name]).toBe((schema.parse({ ...valid, [name]: clean }) as Record<string, unknown>)[name]);
      return;
    }
    const messages = issuesOn(result, name);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.startsWith(`${label} : `)).toBe(true);
    // Typed text (names, SIRET, amounts, e-mail, phone…): the reason is the override itself.
    if (control === 'text' || control === 'email' || control === 'tel') expect(messages[0]).toBe(`${label} : ${BIDI_REASON}`);
  });

  it.each(formFields.filter((field) => field.form === form))('$name: only invisible characters is the same as empty', ({ name }) => {
    const valid = VALID[form]();
    const empty = schema.safeParse({ ...valid, [name]: '' });
    const invisible = schema.safeParse({ ...valid, [name]: ONLY_INVISIBLE });
    expect(issuesOn(invisible, name)).toEqual(issuesOn(empty, name));
  });

  it.each(formFields.filter((field) => field.form === form))('$name: typed decomposed (NFD) or composed (NFC), the same verdict and value', ({ name }) => {
    const valid = VALID[form]();
    const value = valid[name];
    if (value === undefined) return;
    const composed = schema.safeParse({ ...valid, [name]: value.normalize('NFC') });
    const decomposed = schema.safeParse({ ...valid, [name]: value.normalize('NFD') });
    expect(decomposed.success).toBe(composed.success);
    expect(decomposed.data).toEqual(composed.data);
  });
});

describe('forms: names and organisations typed decomposed are stored composed (NFC)', () => {
  it.each([
    ['demande-bon-de-commande', 'contact_name', 'E\u0301lise Mu\u0308ller', 'Élise Müller'],
    ['demande-bon-de-commande', 'organisation', 'Re\u0301gion Grand Est', 'Région Grand Est'],
    ['candidature', 'company_name', 'Socie\u0301te\u0301 Verte', 'Société Verte'],
    ['candidature', 'presentation', 'Capteurs pour l’industrie de la re\u0301gion, depuis 2024, en Alsace.', 'Capteurs pour l’industrie de la région, depuis 2024, en Alsace.'],
  ] as const)('%s %s %j → %j', (form, name, typed, stored) => {
    const data = createFormSchema(form, CONTEXT).parse({ ...VALID[form](), [name]: typed }) as Record<string, unknown>;
    expect(data[name]).toBe(stored);
  });
});

describe.each(cases)('collection %s: every field', (_name, schema, fields) => {
  const sample = sampleEntry(fields);
  const textPaths = walk(fields).filter(({ path }) => {
    const value = path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown>)[key], sample);
    return typeof value === 'string' || (Array.isArray(value) && typeof value[0] === 'string');
  });

  /** The value at `path` with an override, in the first item of a list of texts. */
  function overridden(path: string): unknown {
    const value = path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown>)[key], sample);
    return Array.isArray(value) ? [withOverride(String(value[0])), ...value.slice(1)] : withOverride(String(value));
  }

  it('has text fields to check', () => {
    expect(textPaths.length).toBeGreaterThan(0);
  });

  it.each(textPaths)('$path ($field.widget): a bidi override is refused in French, or removed from multi-line text', ({ path, field }: { path: string; field: AnyField }) => {
    const result = schema.safeParse(withValue(sample, path, overridden(path)));
    if (field.widget === 'text') {
      expect(result.success).toBe(true);
      expect(result.data).toEqual(schema.parse(sample));
      return;
    }
    const messages = issuesOn(result, path);
    expect(messages).toHaveLength(1);
    // Free-form one-line text says why; a choice, a slug or an upload path is refused by its own rule.
    if (field.widget === 'string' || (field.widget === 'list' && !field['fields'])) {
      expect(messages[0]).toBe(`C${BIDI_REASON.slice(1)}`);
    }
  });

  it.each(textPaths.filter(({ field }) => field.widget !== 'list'))('$path: only invisible characters is the same as empty', ({ path }) => {
    expect(issuesOn(schema.safeParse(withValue(sample, path, ONLY_INVISIBLE)), path)).toEqual(issuesOn(schema.safeParse(withValue(sample, path, '')), path));
  });
});
