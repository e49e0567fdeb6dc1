/**
 * The Zod schema of a form, derived from its definition: the browser's hints
 * and inline errors and the functions' verdict come from the same schema.
 */
import { z } from 'zod';
import { fieldsOf, type FormData, type FormDefinition, type FormFieldDefinition, type PublicFormContext } from './form-definition.ts';
import type { FormName } from './form-names.ts';
import { FORM_DEFINITIONS } from './forms.ts';
import { optionValues } from './option-sources.ts';

/** A field the form does not have (a stale page, a bot): said in French, like every other error. */
const UNEXPECTED_FIELDS = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys' ? `Formulaire : champ inattendu (${issue.keys.join(', ')}).` : undefined,
};

/** The rule of one field in a context. */
export function fieldSchema(field: FormFieldDefinition, context: PublicFormContext): z.ZodType {
  return field.rule({ label: field.label, values: optionValues(field.options, context), orderCeilingHt: context.orderCeilingHt });
}

/** True when the field's rule refuses a missing value: the page marks it « obligatoire ». */
export function isRequiredField(field: FormFieldDefinition, context: PublicFormContext): boolean {
  return !fieldSchema(field, context).safeParse(undefined).success;
}

/** The schema of a definition (also for a definition a test extends). */
export function schemaOfDefinition(definition: FormDefinition, context: PublicFormContext): z.ZodType<FormData> {
  const shape = Object.fromEntries(fieldsOf(definition).map((field) => [field.name, fieldSchema(field, context)]));
  return z.strictObject(shape, UNEXPECTED_FIELDS) as unknown as z.ZodType<FormData>;
}

/**
 * The schema of a public form: a strict object whose every message is French
 * and starts with the field's label; unknown fields are refused (`Formulaire : champ inattendu`).
 * @param context lists, ceiling (euros HT) and startups; the private addresses are not needed
 */
export function createFormSchema(form: FormName, context: PublicFormContext): z.ZodType<FormData> {
  return schemaOfDefinition(FORM_DEFINITIONS[form], context);
}

/**
 * What a form's page hands to the browser to rebuild its schema: the ceiling,
 * and the lists and startups (slugs and names only) that its fields choose from.
 */
export function publicContextOf(definition: FormDefinition, context: PublicFormContext): PublicFormContext {
  const sources = new Set(fieldsOf(definition).map((field) => field.options));
  return {
    sectors: sources.has('sectors') ? context.sectors : [],
    technologies: sources.has('technologies') ? context.technologies : [],
    orderCeilingHt: context.orderCeilingHt,
    startups: sources.has('startups') ? context.startups.map(({ slug, name }) => ({ slug, name })) : [],
  };
}
