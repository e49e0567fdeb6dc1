/**
 * Shared by the CMS/build agreement tests: the Decap configuration and Zod
 * schemas derived from the test context, complete sample entries built from the
 * CMS widgets, and helpers to change one field of an entry by its dotted path.
 */
import type { CmsCollection, CmsField } from 'decap-cms-core';
import type { z } from 'zod';
import { buildDecapContentConfig } from '../../../src/lib/content-model/to-decap.ts';
import { buildCollectionSchemas, SiteSettingsSchema } from '../../../src/lib/content-model/schemas.ts';
import { folderCollections, settingsFields } from '../../../src/lib/content-model/collections.ts';
import type { FieldDefinition } from '../../../src/lib/content-model/fields.ts';
import { context } from './fixtures.ts';

export const decap = buildDecapContentConfig(context);
const schemas = buildCollectionSchemas(context);

/** Pairs of an alternative-text field's path and its image's path, lists included (`brand_bodies.0.logo_alt`). */
function imageAltPairs(fields: readonly FieldDefinition[], prefix = ''): (readonly [string, string])[] {
  return fields.flatMap((field) => {
    if (field.kind === 'image') return [[`${prefix}${field.altField}`, `${prefix}${field.name}`] as const];
    if (field.kind === 'object-list') return imageAltPairs(field.fields, `${prefix}${field.name}.0.`);
    return [];
  });
}

/** Image field path by the path of its alternative-text field (`logo_alt` → `logo`). */
export const IMAGE_OF_ALT: ReadonlyMap<string, string> = new Map(
  [...folderCollections.map((collection) => collection.fields), settingsFields].flatMap((fields) => imageAltPairs(fields)),
);

export type AnyField = CmsField & Record<string, unknown>;

/** Values that satisfy common patterns; the first one matching a field's pattern is used. */
const PATTERN_EXAMPLES = ['68100', '732829320', 'acme-robotique', '/uploads/logo.png', 'contact@exemple.fr', 'https://exemple.fr'];

export function patternOf(field: AnyField): RegExp | undefined {
  const pattern = field['pattern'] as [string, string] | undefined;
  return pattern ? new RegExp(pattern[0]) : undefined;
}

/** A value the CMS would accept for a field. */
function sampleValue(field: AnyField): unknown {
  const pattern = patternOf(field);
  switch (field.widget) {
    case 'string':
    case 'text':
    case undefined:
      return pattern ? PATTERN_EXAMPLES.find((example) => pattern.test(example)) : 'Texte';
    case 'number':
      return (field['max'] as number | undefined) ?? 1;
    case 'boolean':
      return field['default'] ?? false;
    case 'datetime':
      return '2025-03-15';
    case 'select': {
      const values = (field['options'] as { value: string }[]).map((option) => option.value);
      return field['multiple'] ? values.slice(0, Math.max(1, (field['min'] as number | undefined) ?? 1)) : values[0];
    }
    case 'relation':
      return 'acme-robotique';
    case 'image':
      return '/uploads/logo.png';
    case 'list':
      return field['fields'] ? [sampleEntry(field['fields'] as AnyField[])] : ['Valeur'];
    default:
      throw new Error(`No sample for widget ${String(field.widget)}`);
  }
}

export function sampleEntry(fields: readonly AnyField[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field.name !== 'body').map((field) => [field.name, sampleValue(field)]));
}

/** Every (collection, Zod schema, Decap fields) pair, settings included. */
export const cases: [string, z.ZodType, AnyField[]][] = [
  ...decap.collections
    .filter((collection): collection is CmsCollection & { name: keyof typeof schemas } => collection.name in schemas)
    .map((collection) => [collection.name, schemas[collection.name], collection.fields as AnyField[]] as [string, z.ZodType, AnyField[]]),
  ['settings', SiteSettingsSchema, decap.collections.find((collection) => collection.name === 'settings')!.files![0]!.fields as AnyField[]],
];

/** Paths (dotted) of the issues of a failed parse. */
export function failingPaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.map(String).join('.'));
}

/** Every field with its dotted path and the entry it lives in, offers' sub-fields included. */
export function walk(fields: readonly AnyField[], prefix = ''): { path: string; field: AnyField }[] {
  return fields
    .filter((field) => field.name !== 'body')
    .flatMap((field) => {
      const path = `${prefix}${field.name}`;
      const children = field.widget === 'list' && field['fields'] ? walk(field['fields'] as AnyField[], `${path}.0.`) : [];
      return [{ path, field }, ...children];
    });
}

export function withValue(entry: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(entry);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

