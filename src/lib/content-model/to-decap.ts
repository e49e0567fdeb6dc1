/**
 * Derives the Decap CMS configuration from the content model, so that what
 * editors can type matches what the build accepts (`to-zod.ts`).
 * Reference: https://decapcms.org/docs/configuration-options/ and the widget pages.
 */
import type { CmsCollection, CmsConfig, CmsField } from 'decap-cms-core';
import { UPLOAD_NAME_PATTERN, resolveMax, resolveOptions } from './fields.ts';
import { CMS_SLUG_OPTIONS, ENTRY_SLUG_TEMPLATE, FILE_SLUG_PATTERN } from './entry-slug.ts';
import type { FieldDefinition, FieldPattern, ModelContext } from './fields.ts';
import { SETTINGS_FILE, folderCollections, settingsFields } from './collections.ts';
import type { FolderCollection } from './collections.ts';
import { UPLOADS_IN_CONTENT, UPLOADS_PUBLIC_PREFIX } from './upload-path.ts';
import { EMAIL_SHAPE_PATTERN } from '../email-address/read-email-address.ts';

/**
 * The e-mail shape the CMS checks (`EMAIL_SHAPE_PATTERN` of the site's one
 * e-mail rule: ASCII dot-atom local part, a domain of dotted labels, accented
 * ones included); the build applies the whole rule (public extension, reserved
 * names, label syntax, invisible characters).
 */
export const CMS_EMAIL_PATTERN = {
  source: EMAIL_SHAPE_PATTERN,
  message: 'Adresse e-mail invalide (ex. contact@exemple.fr) : pas d’accent ni d’espace avant « @ », pas de point au début, à la fin ni doublé.',
};

/** http(s) URL shape for the CMS; the build applies the full rule. */
export const CMS_URL_PATTERN = {
  source: '^https?://[^\\s]+$',
  message: 'Adresse web invalide : elle doit commencer par https:// ou http://.',
};

/** The directory (under the repository root) where the CMS stores uploaded media. */
export const MEDIA_FOLDER = `content/${UPLOADS_IN_CONTENT}`;

/** A calendar date as the date-only widget stores it; the build message says the same. */
export const CMS_DATE_PATTERN = {
  source: '^\\d{4}-\\d{2}-\\d{2}$',
  message: 'Date attendue au format AAAA-MM-JJ (ex. 2025-03-15).',
};

/**
 * A maximum length as a Decap pattern (Decap has no length option for text):
 * any characters, line breaks included, at most `maxLength` UTF-16 code units,
 * as Zod's `.max()` counts them.
 */
export function maxLengthPattern(maxLength: number): FieldPattern {
  return { source: `^[\\s\\S]{0,${maxLength}}$`, message: `${maxLength} caractères au plus.` };
}

/**
 * The one pattern the CMS checks for a text field. A field with both a shape
 * pattern and a length would need two messages; the model has none, and the
 * agreement test would fail if one were added.
 */
function textPattern(field: Extract<FieldDefinition, { kind: 'string' | 'text' }>): FieldPattern | undefined {
  if (field.kind === 'string' && field.format === 'email') return CMS_EMAIL_PATTERN;
  if (field.kind === 'string' && field.format === 'url') return CMS_URL_PATTERN;
  if (field.kind === 'string' && field.pattern) return field.pattern;
  return field.maxLength === undefined ? undefined : maxLengthPattern(field.maxLength);
}

function decapPattern(pattern: FieldPattern | undefined): { pattern?: [string, string] } {
  return pattern ? { pattern: [pattern.source, pattern.message] } : {};
}

/** One Decap widget for one field definition (exhaustive over field kinds). */
export function fieldToDecap(field: FieldDefinition, context: ModelContext): CmsField {
  const base = {
    name: field.name,
    label: field.label,
    required: field.required,
    ...(field.hint === undefined ? {} : { hint: field.hint }),
  };
  switch (field.kind) {
    case 'string':
    case 'text':
      return { ...base, widget: field.kind, ...decapPattern(textPattern(field)) };
    case 'number': {
      const max = resolveMax(field, context);
      return {
        ...base,
        widget: 'number',
        value_type: field.integer ? 'int' : 'float',
        ...(field.min === undefined ? {} : { min: field.min }),
        ...(max === undefined ? {} : { max }),
      };
    }
    case 'boolean':
      return { ...base, widget: 'boolean', default: field.default };
    case 'date':
      // Date-only storage: `date_format` sets both the picker and the stored
      // format, and `picker_utc` stops the browser's time zone from shifting the
      // day (https://decapcms.org/docs/widgets/datetime/).
      return {
        ...base,
        widget: 'datetime',
        date_format: 'YYYY-MM-DD',
        time_format: false,
        picker_utc: true,
        default: '',
        ...decapPattern(CMS_DATE_PATTERN),
      };
    case 'select':
      return {
        ...base,
        widget: 'select',
        options: resolveOptions(field, context).map(({ value, label }) => ({ value, label })),
        ...(field.multiple ? { multiple: true } : {}),
        ...(field.multiple && field.required && field.minItems ? { min: field.minItems } : {}),
      };
    case 'string-list':
      return { ...base, widget: 'list', label_singular: field.labelSingular, field: { name: 'value', label: field.label, widget: 'string' } };
    case 'object-list':
      return {
        ...base,
        widget: 'list',
        label_singular: field.labelSingular,
        summary: `{{fields.${field.summaryField}}}`,
        fields: field.fields.map((subField) => fieldToDecap(subField, context)),
        ...(field.minItems ? { min: field.minItems } : {}),
      };
    case 'relation':
      return {
        ...base,
        widget: 'relation',
        collection: field.collection,
        value_field: '{{slug}}',
        search_fields: ['name'],
        display_fields: ['name'],
        ...decapPattern(FILE_SLUG_PATTERN),
      };
    case 'image':
      return { ...base, widget: 'image', choose_url: false, ...decapPattern(UPLOAD_NAME_PATTERN) };
    default:
      return assertNever(field);
  }
}

function assertNever(field: never): never {
  throw new Error(`Unknown field kind: ${JSON.stringify(field)}`);
}

/**
 * Filters and groups of the collection list for the flags a collection has:
 * sample entries (to find and replace them) and drafts.
 * Docs: https://decapcms.org/docs/configuration-options/#view_filters
 */
function viewFiltersAndGroups(collection: FolderCollection): Pick<CmsCollection, 'view_filters' | 'view_groups'> {
  const flags = [
    { field: 'sample', filter: 'Fiches d’exemple', group: 'Exemple' },
    { field: 'draft', filter: 'Brouillons', group: 'Brouillon' },
  ].filter(({ field }) => collection.fields.some((candidate) => candidate.name === field));
  return {
    view_filters: flags.map(({ field, filter }) => ({ label: filter, field, pattern: true })),
    view_groups: flags.map(({ field, group }) => ({ label: group, field })),
  };
}

/** A Decap folder collection: one Markdown file per entry, named from its identifier field. */
export function folderCollectionToDecap(collection: FolderCollection, context: ModelContext): CmsCollection {
  return {
    ...viewFiltersAndGroups(collection),
    name: collection.name,
    label: collection.label,
    label_singular: collection.labelSingular,
    folder: `content/${collection.name}`,
    extension: 'md',
    format: 'frontmatter',
    create: true,
    identifier_field: collection.identifierField,
    slug: ENTRY_SLUG_TEMPLATE,
    fields: [
      ...collection.fields.map((field) => fieldToDecap(field, context)),
      { name: 'body', label: collection.bodyLabel, widget: 'markdown', required: collection.bodyRequired },
    ],
  };
}

/** The settings collection: one YAML file edited as a form. */
export function settingsCollectionToDecap(context: ModelContext): CmsCollection {
  return {
    name: 'settings',
    label: 'Réglages du site',
    files: [
      {
        name: 'site',
        label: 'Réglages du site',
        file: SETTINGS_FILE,
        fields: settingsFields.map((field) => fieldToDecap(field, context)),
      },
    ],
  };
}

/** The part of the Decap configuration that does not depend on where the CMS runs. */
export type DecapContentConfig = Omit<CmsConfig, 'backend'>;

/**
 * Every collection, media settings and French interface, derived from the model.
 * The backend is chosen in the browser (`select-cms-backend.ts`).
 * @param context ceiling and controlled lists read from the settings file
 */
export function buildDecapContentConfig(context: ModelContext): DecapContentConfig {
  return {
    load_config_file: false,
    locale: 'fr',
    media_folder: MEDIA_FOLDER,
    public_folder: UPLOADS_PUBLIC_PREFIX.slice(0, -1),
    // ASCII file names for entries and uploads: accents and spaces are removed (`entry-slug.ts`).
    slug: CMS_SLUG_OPTIONS,
    collections: [
      ...folderCollections.map((collection) => folderCollectionToDecap(collection, context)),
      settingsCollectionToDecap(context),
    ],
  };
}
