/**
 * The vocabulary of a form definition: one declaration per form lists its
 * fields (name, French label, hint, control, rule…) and who receives its
 * e-mails; the schema, the page's fields, the browser's hints, the e-mail rows,
 * the CSV columns and the recipients are derived from it (`to-*.ts` beside this
 * file), as the content model derives Zod and Decap from `collections.ts`.
 */
import type { z } from 'zod';
import type { SelectOption } from '../../content-model/fields.ts';
import type { FormName } from './form-names.ts';

/** Who an e-mail of a submission is for. */
export type MessageKind = 'team' | 'startup' | 'confirmation';

/** A real startup an order request may name, as the page and the browser know it (no private address, never a sample). */
export interface PublicStartup {
  readonly slug: string;
  readonly name: string;
}

/**
 * What the forms depend on that the page may show: the site's controlled lists,
 * the ceiling and the startups an order may name (names and slugs only).
 */
export interface PublicFormContext {
  readonly sectors: readonly string[];
  readonly technologies: readonly string[];
  /** Ceiling of a first order, euros HT (settings `order_ceiling_ht`). */
  readonly orderCeilingHt: number;
  readonly startups: readonly PublicStartup[];
}

/** Everything the server derives from a form: the public context plus the private addresses. */
export interface FormContext extends PublicFormContext {
  /** Published startups with the private address that receives order requests. */
  readonly startups: readonly { readonly slug: string; readonly name: string; readonly orderContactEmail: string }[];
  /** Programme team address (settings `programme_contact_email`). */
  readonly teamAddress: string;
}

/** One validated value: JSON-safe, so that data read back from storage derives the same rows. */
export type FormValue = string | number | boolean | readonly string[] | undefined;

/** A valid submission, as the schema outputs it and as storage gives it back (JSON). */
export type FormData = Readonly<Record<string, FormValue>>;

/** The control of a field on the page (`FormField.astro`). */
export type ControlKind = 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'select' | 'checkboxes' | 'consent';

/**
 * Where the choices of a select or checkbox group come from: a fixed list of
 * the content model, a controlled list of the settings, or the published
 * startups (plus « Pas de préférence »).
 */
export type OptionSource = readonly SelectOption[] | 'sectors' | 'technologies' | 'startups';

/** What a field's rule is built from, resolved in a context. */
export interface RuleInput {
  /** The field's French label: every message starts with it. */
  readonly label: string;
  /** Values of the field's choices (its `options`), empty for a field without any. */
  readonly values: readonly string[];
  /** Ceiling of a first order, euros HT. */
  readonly orderCeilingHt: number;
}

/**
 * How a value reads in e-mail rows and CSV cells when its control does not say
 * it: `euros-ht` (rows `12 000,50 € HT`, cells a plain number under a header
 * ending in `(€ HT)`), `siret` (cells in printed groups, read as text by a spreadsheet).
 */
export type ValueDisplay = 'euros-ht' | 'siret';

/** One field of a form. */
export interface FormFieldDefinition {
  /** Submitted name and key of the data (snake_case); the page's ids are `champ-<name>`. */
  readonly name: string;
  /** French label: it labels the control and starts every message about the field. */
  readonly label: string;
  /** Consent box only: the sentence next to the box (the label then only names the field in messages). */
  readonly sentence?: string;
  /** French help text under the label; a function when it quotes the context (the ceiling…). */
  readonly hint?: string | ((context: PublicFormContext) => string | undefined);
  readonly control: ControlKind;
  readonly autocomplete?: string;
  readonly inputmode?: 'text' | 'decimal' | 'numeric' | 'tel' | 'email' | 'url';
  /** Visible width of a one-line control (full by default). */
  readonly width?: 'short' | 'medium' | 'full';
  readonly spellcheck?: boolean;
  readonly options?: OptionSource;
  /** Text of a select's empty first option; none when the select has a default. */
  readonly emptyOption?: string;
  /** The value may be preselected from the page's address (`?startup=slug`). */
  readonly fromAddress?: boolean;
  /**
   * The validation rule, a builder of `field-schemas.ts`. A rule that refuses a
   * missing value makes the field « obligatoire » on the page.
   */
  readonly rule: (input: RuleInput) => z.ZodType<FormValue>;
  /** Label of the e-mail row and CSV column when shorter than the form's (`SIRET`, `E-mail`). */
  readonly shortLabel?: string;
  readonly display?: ValueDisplay;
  /**
   * Shown inside another field's e-mail row instead of its own: `before`
   * (`68100 Mulhouse`), `in-parentheses` (`Ville de Mulhouse (Acteur public)`)
   * or `after-comma` (`Élise Müller, Responsable des achats`). CSV keeps its own column.
   */
  readonly joinedTo?: { readonly field: string; readonly as: 'before' | 'in-parentheses' | 'after-comma' };
}

/** A fieldset of the page; an inner list is one row of fields side by side. */
export interface FormSection {
  /** Legend of the fieldset; none for fields outside any (the consent box). */
  readonly legend?: string;
  readonly fields: readonly (FormFieldDefinition | readonly FormFieldDefinition[])[];
}

/** One public form, defined once. */
export interface FormDefinition {
  readonly name: FormName;
  /** French title of the page and of the answers (`Candidature au DAS numérique`). */
  readonly title: string;
  /** Page of the form, e.g. `/candidater/`. */
  readonly path: string;
  /** Function endpoint the form posts to, e.g. `/api/candidature/`. */
  readonly action: string;
  /** Text of the send button. */
  readonly submitLabel: string;
  /** What the thank-you page says before the reference (`Votre candidature au DAS numérique est enregistrée sous la référence :`). */
  readonly receivedSentence: string;
  readonly sections: readonly FormSection[];
  /**
   * Who is mailed: the team always; `startup` goes to the startup named by the
   * field whose options are `startups` (when one is chosen); `confirmation` to the submitter.
   */
  readonly recipients: readonly MessageKind[];
  /** Fields naming the submitter and the organisation (for Reply-To, lists and subjects). */
  readonly submitter: { readonly name: string; readonly address: string; readonly organisation: string };
}

/** A field's definition with the type of its rule kept, so that a form's data type can be derived. */
type DefinedField = FormFieldDefinition & { readonly rule: (input: RuleInput) => z.ZodType };

type Flatten<Item> = Item extends readonly (infer Inner)[] ? Inner : Item;

/** The fields of a definition, as a union. */
type FieldsOf<Definition extends FormDefinition> = Flatten<Definition['sections'][number]['fields'][number]>;

/** The validated data of one form, typed from its definition (`DataOf<typeof candidature>`). */
export type DataOf<Definition extends FormDefinition> = {
  -readonly [Field in FieldsOf<Definition> as Field extends DefinedField ? Field['name'] : never]: Field extends DefinedField ? z.output<ReturnType<Field['rule']>> : never;
};

/**
 * Declare a form: returns the definition unchanged, with its literal type kept
 * (field names and rule types), for `DataOf`.
 */
export function defineForm<const Definition extends FormDefinition>(definition: Definition): Definition {
  return definition;
}

/** Every field of a definition, in page order. */
export function fieldsOf(definition: FormDefinition): readonly FormFieldDefinition[] {
  return definition.sections.flatMap((section) => section.fields.flat());
}
