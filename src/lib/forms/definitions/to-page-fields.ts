/**
 * The fields of a form's page, derived from its definition: the props of each
 * `FormField.astro` (label, hint, control, choices, « obligatoire »), grouped
 * in the definition's fieldsets and rows. `DefinedFormFields.astro` renders them.
 */
import type { SelectOption } from '../../content-model/fields.ts';
import { fieldsOf, type ControlKind, type FormDefinition, type FormFieldDefinition, type PublicFormContext } from './form-definition.ts';
import { resolveOptions } from './option-sources.ts';
import { isRequiredField } from './to-schema.ts';

/** Props of one `FormField.astro`. */
export interface PageField {
  readonly name: string;
  /** The label; for a consent box, the sentence next to it. */
  readonly label: string;
  readonly kind: ControlKind;
  readonly required: boolean;
  readonly hint?: string | undefined;
  readonly autocomplete?: string | undefined;
  readonly inputmode?: FormFieldDefinition['inputmode'];
  readonly width?: FormFieldDefinition['width'];
  readonly spellcheck?: boolean | undefined;
  readonly options?: readonly SelectOption[] | undefined;
  readonly emptyOption?: string | undefined;
}

/** One item of a fieldset: a field, or fields side by side. */
export type PageItem = { readonly kind: 'field'; readonly field: PageField } | { readonly kind: 'row'; readonly fields: readonly PageField[] };

/** A fieldset with its legend, or fields outside any fieldset. */
export interface PageSection {
  readonly legend?: string | undefined;
  readonly items: readonly PageItem[];
}

function pageField(field: FormFieldDefinition, context: PublicFormContext): PageField {
  const hint = typeof field.hint === 'function' ? field.hint(context) : field.hint;
  return {
    name: field.name,
    label: field.sentence ?? field.label,
    kind: field.control,
    required: isRequiredField(field, context),
    hint,
    autocomplete: field.autocomplete,
    inputmode: field.inputmode,
    width: field.width,
    spellcheck: field.spellcheck,
    options: field.options === undefined ? undefined : resolveOptions(field.options, context),
    emptyOption: field.emptyOption,
  };
}

/** The sections of a form's page in a context (the lists and startups to choose from, the ceiling of the hints). */
export function pageSectionsOf(definition: FormDefinition, context: PublicFormContext): PageSection[] {
  return definition.sections.map((section) => ({
    legend: section.legend,
    items: section.fields.map((item): PageItem =>
      Array.isArray(item)
        ? { kind: 'row', fields: item.map((field: FormFieldDefinition) => pageField(field, context)) }
        : { kind: 'field', field: pageField(item as FormFieldDefinition, context) },
    ),
  }));
}

/** Fields whose value may be preselected from the page's address (`?startup=slug`). */
export function addressFieldsOf(definition: FormDefinition): string[] {
  return fieldsOf(definition)
    .filter((field) => field.fromAddress)
    .map((field) => field.name);
}
