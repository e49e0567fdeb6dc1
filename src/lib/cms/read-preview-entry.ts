/**
 * Adapts an entry being edited in Decap CMS to the props of the site's own
 * components, for the preview pane (issue 5: one component, two uses).
 *
 * The entry is validated with the build schema of its collection, so the preview
 * shows either the page as it will be built, or the French messages the build
 * would give — including the rules Decap cannot check itself (SIREN key,
 * alternative text of an image, calendar dates that exist).
 */
import type { z } from 'zod';
import type { FieldDefinition } from '../content-model/fields.ts';
import type { Published } from '../site/assemble-site.ts';

/** One reason why the entry would not build, for the editor. */
export interface PreviewProblem {
  /** French label of the field (with the item number inside a list), e.g. « Offres › 1 › Prix indicatif (€ HT) ». */
  readonly field: string;
  /** The build's French message. */
  readonly message: string;
}

/** What the preview can show: the published data, or the problems to fix first. */
export type PreviewEntry<Data> =
  | { readonly ok: true; readonly data: Published<Data> }
  | { readonly ok: false; readonly problems: readonly PreviewProblem[] };

/** French label of a dotted field path, walking list items' sub-fields. */
function labelOf(fields: readonly FieldDefinition[], path: readonly PropertyKey[]): string {
  const [head, index, ...rest] = path;
  const field = fields.find((candidate) => candidate.name === head);
  if (!field) return String(head ?? 'Entrée');
  if (field.kind !== 'object-list' || index === undefined) return field.label;
  return [field.label, String(Number(index) + 1), ...(rest.length > 0 ? [labelOf(field.fields, rest)] : [])].join(' › ');
}

/**
 * Validate the fields of an entry (Decap's `entry.get('data').toJS()`, body
 * excluded) as the build does.
 * @param schema the collection's build schema (`buildCollectionSchemas(context)`)
 * @param fields the collection's field definitions, for the labels of problems
 * @param data front matter as edited, with `''` or `null` for cleared fields
 * @param slug the entry's slug, or `''` for an entry not saved yet
 */
export function readPreviewEntry<Data>(
  schema: z.ZodType<Data>,
  fields: readonly FieldDefinition[],
  data: Readonly<Record<string, unknown>>,
  slug: string,
): PreviewEntry<Data> {
  const { body: _body, ...frontMatter } = data;
  const result = schema.safeParse(frontMatter);
  if (result.success) return { ok: true, data: { ...result.data, slug } };
  return { ok: false, problems: result.error.issues.map((issue) => ({ field: labelOf(fields, issue.path), message: issue.message })) };
}

/**
 * Names of the entries a relation field points to, by slug, from Decap's
 * `fieldsMetaData` (`{ [field]: { [collection]: { [slug]: entry data } } }`),
 * which the relation widget fills when an editor picks an entry.
 */
export function readRelationNames(fieldsMetaData: Readonly<Record<string, unknown>>): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const byCollection of Object.values(fieldsMetaData)) {
    for (const bySlug of Object.values((byCollection ?? {}) as Record<string, unknown>)) {
      for (const [slug, entry] of Object.entries((bySlug ?? {}) as Record<string, { name?: unknown }>)) {
        if (typeof entry?.name === 'string') names.set(slug, entry.name);
      }
    }
  }
  return names;
}
