/**
 * The vocabulary of the content model: one field definition drives both the Zod
 * schema that validates content at build time (`to-zod.ts`) and the Decap CMS
 * widget that edits it (`to-decap.ts`). Pattern inspired by
 * davidenke/astro-decap-collection (widget ↔ Zod mapping with an exhaustive switch).
 */

/** A value pattern with the French message shown when a value does not match. */
export interface FieldPattern {
  /** Regular expression source, anchored (`^…$`), without flags. */
  readonly source: string;
  /** French explanation shown to editors and in build errors. */
  readonly message: string;
}

/** A choice of a select field: the stored value and its French label. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/**
 * Where a field's numeric maximum or choices come from: a fixed value in the
 * model, or a site setting (so that the ceiling and the controlled lists are
 * defined once, in `content/settings/site.yml`).
 */
export type SettingsListName = 'sectors' | 'technologies';

interface FieldBase {
  /** Front-matter key (snake_case). */
  readonly name: string;
  /** French label shown in the CMS. */
  readonly label: string;
  /** French hint shown under the CMS widget. */
  readonly hint?: string;
  /** Whether a value is required; `''`, `null` and a missing key all mean "no value". */
  readonly required: boolean;
}

/** One-line text; optionally an e-mail address or an http(s) URL. */
export interface StringField extends FieldBase {
  readonly kind: 'string';
  readonly format?: 'email' | 'url';
  readonly maxLength?: number;
  readonly pattern?: FieldPattern;
  /** A checksum that Zod verifies beyond the pattern (the CMS checks only the pattern). */
  readonly checksum?: 'siren';
}

/** Multi-line plain text. */
export interface TextField extends FieldBase {
  readonly kind: 'text';
  readonly maxLength?: number;
}

/** A number; `max: 'ceiling'` means the order ceiling from settings (euros HT). */
export interface NumberField extends FieldBase {
  readonly kind: 'number';
  /** Smallest value allowed, inclusive (0.01 for amounts: one cent). */
  readonly min?: number;
  readonly max?: number | 'ceiling';
  readonly integer?: boolean;
}

/** A yes/no flag with a default. */
export interface BooleanField extends FieldBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/** A calendar date stored as `YYYY-MM-DD` and read in Europe/Paris. */
export interface DateField extends FieldBase {
  readonly kind: 'date';
}

/** One value from a fixed list, or several from a settings list. */
export interface SelectField extends FieldBase {
  readonly kind: 'select';
  readonly options: readonly SelectOption[] | SettingsListName;
  readonly multiple?: boolean;
  /** With `multiple`: the least number of values when required. */
  readonly minItems?: number;
}

/** A list of one-line strings. */
export interface StringListField extends FieldBase {
  readonly kind: 'string-list';
  /** French name of one item, for the CMS buttons (« Ajouter un domaine »). */
  readonly labelSingular: string;
}

/** A list of objects with their own fields (e.g. a startup's offers). */
export interface ObjectListField extends FieldBase {
  readonly kind: 'object-list';
  /** French name of one item, for the CMS buttons (« Ajouter une offre »). */
  readonly labelSingular: string;
  readonly fields: readonly FieldDefinition[];
  readonly minItems?: number;
  /** Name of the sub-field shown as each item's summary in the CMS. */
  readonly summaryField: string;
}

/** The slug of an entry of another collection, chosen by its name. */
export interface RelationField extends FieldBase {
  readonly kind: 'relation';
  readonly collection: 'startups' | 'buyers';
}

/** A path to an uploaded image under `/uploads/`. */
export interface ImageField extends FieldBase {
  readonly kind: 'image';
  /** Sibling field holding the image's alternative text, required when an image is set (RGAA 1.1). */
  readonly altField: string;
}

/** Every kind of field the model knows; `to-zod` and `to-decap` switch over all of them. */
export type FieldDefinition =
  | StringField
  | TextField
  | NumberField
  | BooleanField
  | DateField
  | SelectField
  | StringListField
  | ObjectListField
  | RelationField
  | ImageField;

/** A field whose value is always present after validation (defaults fill it in). */
type AlwaysPresent = { readonly required: true } | { readonly kind: 'boolean' | 'string-list' } | { readonly multiple: true };

/** The validated value type of one field definition (given `as const`). */
export type FieldValue<F> = F extends { readonly kind: 'string' | 'text' | 'relation' | 'image' | 'date' }
  ? string
  : F extends { readonly kind: 'number' }
    ? number
    : F extends { readonly kind: 'boolean' }
      ? boolean
      : F extends { readonly kind: 'string-list' }
        ? string[]
        : F extends { readonly kind: 'object-list'; readonly fields: infer Sub extends readonly unknown[] }
          ? EntryData<Sub>[]
          : F extends { readonly kind: 'select'; readonly options: readonly { readonly value: infer V }[] }
            ? F extends { readonly multiple: true } ? V[] : V
            : F extends { readonly kind: 'select'; readonly multiple: true }
              ? string[]
              : F extends { readonly kind: 'select' }
                ? string
                : never;

/**
 * The validated data type of an entry, derived from its field definitions
 * (declared `as const satisfies readonly FieldDefinition[]`), so that pages are
 * typed by the same definition that validates the content.
 */
export type EntryData<Fields extends readonly unknown[]> = {
  -readonly [F in Fields[number] as F extends AlwaysPresent ? (F extends { readonly name: infer N extends string } ? N : never) : never]: FieldValue<F>;
} & {
  -readonly [F in Fields[number] as F extends AlwaysPresent ? never : F extends { readonly name: infer N extends string } ? N : never]?: FieldValue<F> | undefined;
};

/**
 * Values that some fields take from the site settings, resolved when schemas
 * and CMS config are derived.
 */
export interface ModelContext {
  /** Ceiling of a first order, in euros HT (15 000 by default). */
  readonly orderCeilingHt: number;
  /** Controlled lists that editors extend in settings. */
  readonly lists: Readonly<Record<SettingsListName, readonly string[]>>;
  /**
   * Whether an uploaded file exists, given its public path (`/uploads/logo.png`).
   * Given at build time so that a missing file fails the build naming the entry
   * and field; the CMS config does not use it.
   */
  readonly mediaExists?: (publicPath: string) => boolean;
}

/** Resolve the choices of a select field in a given context. */
export function resolveOptions(field: SelectField, context: ModelContext): readonly SelectOption[] {
  if (typeof field.options !== 'string') return field.options;
  return context.lists[field.options].map((label) => ({ value: label, label }));
}

/** Resolve a number field's maximum in a given context. */
export function resolveMax(field: NumberField, context: ModelContext): number | undefined {
  return field.max === 'ceiling' ? context.orderCeilingHt : field.max;
}

/** A slug: ASCII lowercase letters and digits separated by single hyphens. */
export const SLUG_PATTERN: FieldPattern = {
  source: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  message: 'Identifiant attendu en minuscules non accentuées, chiffres et tirets (ex. ville-de-mulhouse).',
};

/** File name of an upload: ASCII lowercase, an image extension. */
const UPLOAD_NAME_SOURCE = '[a-z0-9][a-z0-9._-]*\\.(?:png|jpe?g|webp|avif)';
const UPLOAD_MESSAGE = 'Image PNG, JPEG, WebP ou AVIF attendue dans /uploads/, nom en minuscules non accentuées (ex. /uploads/logo-acme.png).';

/** Path of an uploaded file, as the CMS writes it (stored in `content/uploads/`, see `upload-path.ts`). */
export const UPLOAD_PATTERN: FieldPattern = { source: `^/uploads/${UPLOAD_NAME_SOURCE}$`, message: UPLOAD_MESSAGE };

/**
 * The same rule on the file name alone: Decap's image widget tests its pattern
 * on the value's base name (decap-cms-widget-file `getValidateValue`), and the
 * folder is always `/uploads/` there (`public_folder`).
 */
export const UPLOAD_NAME_PATTERN: FieldPattern = { source: `^${UPLOAD_NAME_SOURCE}$`, message: UPLOAD_MESSAGE };
