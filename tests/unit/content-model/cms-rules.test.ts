/**
 * Every validation rule the CMS enforces, walked field by field: for each rule a
 * value that breaks it and one that satisfies it, and the verdict of the Decap
 * rule (as Decap applies it: presence, `new RegExp(pattern[0])`, min/max, list
 * length) must be the verdict of the build schema. Rules the CMS cannot express
 * are listed in BUILD_ONLY_RULES: the build must refuse those values with the
 * French message the editors' guide explains.
 */
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { buildCollectionSchemas } from '../../../src/lib/content-model/schemas.ts';
import { MEDIA_MESSAGES, SAMPLE_ONLY_EMAIL_MESSAGE } from '../../../src/lib/content-model/to-zod.ts';
import { cases, failingPaths, IMAGE_OF_ALT, patternOf, sampleEntry, walk, withValue, type AnyField } from './decap-samples.ts';
import { context } from './fixtures.ts';

/** A rule of one CMS field, with a value that breaks it and one that satisfies it. */
interface Rule {
  readonly rule: string;
  readonly broken: unknown;
  readonly satisfied: unknown;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Decap's verdict on a value (decap-cms-core `Widget.js` validatePresence and
 * validatePattern; NumberControl and ListControl `isValid` for min/max).
 */
function decapAccepts(field: AnyField, value: unknown): boolean {
  if (isEmpty(value)) return field.required === false;
  const pattern = patternOf(field);
  // Decap's image widget tests the pattern on the file's base name (decap-cms-widget-file `getValidateValue`).
  const tested = field.widget === 'image' && typeof value === 'string' ? value.slice(value.lastIndexOf('/') + 1) : value;
  if (pattern && typeof tested === 'string' && !pattern.test(tested)) return false;
  const min = field['min'] as number | undefined;
  const max = field['max'] as number | undefined;
  const size = Array.isArray(value) ? value.length : (value as number);
  if (min !== undefined && size < min) return false;
  if (max !== undefined && size > max) return false;
  return true;
}

/** Candidates that break a shape pattern: the first one the CMS pattern refuses is used. */
const SHAPE_BREAKERS = ['Ville De Mulhouse', '6810', '68 100', '29/02/2024', 'contact@', 'exemple.fr', '/uploads/Logo Acme.png', '12345678'];

function lengthOf(pattern: RegExp): number | undefined {
  const match = /^\^\[\\s\\S\]\{0,(\d+)\}\$$/.exec(pattern.source);
  return match ? Number(match[1]) : undefined;
}

/** The rules of a field as configured for Decap, each with a breaking and a satisfying value. */
function rulesOf(field: AnyField, sample: unknown): Rule[] {
  const rules: Rule[] = [];
  if (field.required !== false) rules.push({ rule: 'required', broken: undefined, satisfied: sample });
  const pattern = patternOf(field);
  const length = pattern && lengthOf(pattern);
  if (length !== undefined) {
    // A line break counts as a character in multi-line text; one-line text refuses it (text hygiene, a build-only rule).
    const satisfied = field.widget === 'text' ? `${'é'.repeat(length - 1)}\n` : 'é'.repeat(length);
    rules.push({ rule: `at most ${length} characters`, broken: 'é'.repeat(length + 1), satisfied });
  } else if (pattern) {
    rules.push({ rule: `pattern ${pattern.source}`, broken: SHAPE_BREAKERS.find((value) => !pattern.test(value)), satisfied: sample });
  }
  const min = field['min'] as number | undefined;
  const max = field['max'] as number | undefined;
  if (field.widget === 'number') {
    if (min !== undefined) rules.push({ rule: `at least ${min}`, broken: min - 0.01, satisfied: min });
    if (max !== undefined) rules.push({ rule: `at most ${max}`, broken: max + 0.01, satisfied: max });
  } else if (min !== undefined && Array.isArray(sample)) {
    rules.push({ rule: `at least ${min} item(s)`, broken: sample.slice(0, min - 1), satisfied: sample.slice(0, min) });
  }
  return rules;
}

describe.each(cases)('%s: each CMS rule gives the build verdict', (_name, schema, fields) => {
  const sample = sampleEntry(fields);
  const checks = walk(fields).flatMap(({ path, field }) => {
    // An alternative text without its image is optional on both sides.
    const image = IMAGE_OF_ALT.get(path);
    const entry = image === undefined ? sample : withValue(sample, image, undefined);
    const current = path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], entry);
    return rulesOf(field, current).map((rule) => ({ path, field, entry, ...rule }));
  });

  it.each(checks)('$path: $rule', ({ path, field, entry, broken, satisfied }) => {
    expect(broken, 'no breaking value was found for this rule').not.toEqual(satisfied);
    expect(decapAccepts(field, broken)).toBe(false);
    expect(failingPaths(schema, withValue(entry, path, broken))).toContain(path);
    expect(decapAccepts(field, satisfied)).toBe(true);
    expect(failingPaths(schema, withValue(entry, path, satisfied))).toEqual([]);
  });

  it('walks at least one rule per required field', () => {
    const required = walk(fields).filter(({ field }) => field.required !== false).map(({ path }) => path);
    expect(required.every((path) => checks.some((check) => check.path === path && check.rule === 'required'))).toBe(true);
  });
});

/** Error messages of a parse, by dotted path. */
function messagesOf(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const schemas = buildCollectionSchemas({ ...context, mediaExists: (path) => path === '/uploads/logo.png' });
const startup = cases.find(([name]) => name === 'startups')!;
const startupSample = sampleEntry(startup[2]);

/** Rules the CMS cannot express: Decap saves these values, the build refuses them (listed in the editors' guide). */
const BUILD_ONLY_RULES = [
  { rule: 'SIREN Luhn key', path: 'siren', value: '123456789', message: 'un chiffre est sans doute faux ou inversé' },
  { rule: 'SIREN not all zeros (INSEE allocates none)', path: 'siren', value: '000000000', message: 'une suite de zéros n’est attribuée à aucune entreprise' },
  { rule: 'no bidi control in one-line text (text hygiene)', path: 'name', value: 'Acme \u202eRobotique', message: 'Caractère invisible de sens d’écriture interdit (U+202E)' },
  { rule: 'no zero-width character in one-line text (text hygiene)', path: 'name', value: 'Acme\u200bRobotique', message: 'Caractère invisible interdit (U+200B' },
  { rule: 'calendar date that exists', path: 'member_since', value: '2025-02-30', message: 'AAAA-MM-JJ' },
  // The site's one e-mail rule (email-address/read-email-address.ts): the CMS checks its shape only.
  { rule: 'e-mail: reserved domain (RFC 2606)', path: 'order_contact_email', value: 'commandes@acme.test', message: 'Adresse e-mail invalide : « test » est un nom de domaine réservé' },
  { rule: 'e-mail: .example on an entry not marked sample (RFC 2606)', path: 'order_contact_email', value: 'commandes@acme.example', message: SAMPLE_ONLY_EMAIL_MESSAGE },
  { rule: 'e-mail: extension not delegated by IANA', path: 'order_contact_email', value: 'commandes@acme.frr', message: 'Adresse e-mail invalide : l’extension « .frr » n’existe pas' },
  { rule: 'e-mail: label ending with a hyphen (RFC 1035 §2.3.1)', path: 'order_contact_email', value: 'commandes@acme-.fr', message: 'Adresse e-mail invalide : le domaine « acme- » est mal formé' },
  { rule: 'e-mail: zero-width space (text hygiene, before the e-mail rule)', path: 'public_contact_email', value: 'contact@ac\u200bme.fr', message: 'Caractère invisible interdit (U+200B' },
  { rule: 'e-mail: encoded word (RFC 2047 §5)', path: 'order_contact_email', value: '=?utf-8?q?x?=@acme.fr', message: 'Adresse e-mail invalide : la partie avant « @ » ne peut pas contenir de séquence' },
  { rule: 'uploaded file exists', path: 'logo', value: '/uploads/absent.png', message: MEDIA_MESSAGES.missing('/uploads/absent.png') },
] as const;

describe('rules checked at build only', () => {
  const startupField = (path: string) => walk(startup[2]).find((entry) => entry.path === path)!.field;

  it.each(BUILD_ONLY_RULES)('$rule: the CMS lets it through, the build refuses it in French', ({ path, value, message }) => {
    expect(decapAccepts(startupField(path), value)).toBe(true);
    expect(messagesOf(schemas.startups.safeParse(withValue(startupSample, path, value)))[path]).toContain(message);
  });

  it.each([
    ['order_contact_email', 'commandes@acme.example'],
    ['public_contact_email', 'contact@acme.example'],
  ])('e-mail: %s at .example is accepted on a sample entry (sample: true)', (path, value) => {
    expect(messagesOf(schemas.startups.safeParse(withValue(withValue(startupSample, 'sample', true), path, value)))).toEqual({});
  });

  it.each(['logo', 'image'] as const)('alternative text: required as soon as the %s is set', (imageField) => {
    const collection: z.ZodType = imageField === 'logo' ? schemas.startups : schemas.news;
    const fields = cases.find(([name]) => name === (imageField === 'logo' ? 'startups' : 'news'))![2];
    const altField = `${imageField}_alt`;
    const withImage = withValue(sampleEntry(fields), altField, undefined);
    expect(messagesOf(collection.safeParse(withImage))).toEqual({ [altField]: MEDIA_MESSAGES.altRequired });
    expect(messagesOf(collection.safeParse(withValue(withImage, imageField, undefined)))).toEqual({});
    expect(messagesOf(collection.safeParse(withValue(withImage, altField, 'Logo d’Acme Robotique')))).toEqual({});
  });
});
