/**
 * The choices of a select or checkbox group, resolved from the field's option
 * source: on the page (labels), for the rule (values) and in e-mail rows and
 * CSV cells (the label of a stored value).
 */
import type { SelectOption } from '../../content-model/fields.ts';
import type { OptionSource, PublicFormContext, PublicStartup } from './form-definition.ts';

/** The value of an order request's startup field when the buyer has no preference. */
export const NO_STARTUP_PREFERENCE = 'sans-preference';

/** How the no-preference choice reads on the page, in e-mail rows and in CSV cells. */
const NO_PREFERENCE_LABELS = {
  page: 'Pas de préférence : décrire le besoin',
  row: 'Pas de préférence : besoin à orienter',
  cell: 'Pas de préférence',
} as const;

/** Choices of a source as shown on the page. */
export function resolveOptions(source: OptionSource | undefined, context: PublicFormContext): readonly SelectOption[] {
  if (source === undefined) return [];
  if (source === 'startups') {
    return [
      { value: NO_STARTUP_PREFERENCE, label: NO_PREFERENCE_LABELS.page },
      ...context.startups.map((startup) => ({ value: startup.slug, label: startup.name })),
    ];
  }
  if (typeof source === 'string') return context[source].map((value) => ({ value, label: value }));
  return source;
}

/** The values a rule accepts for a source. */
export function optionValues(source: OptionSource | undefined, context: PublicFormContext): readonly string[] {
  return resolveOptions(source, context).map((option) => option.value);
}

/**
 * The French reading of a stored value: the label of a fixed choice, the name
 * of a startup (its slug when it has left the directory), the value itself otherwise.
 * @param where `row` for e-mails and the terminal, `cell` for CSV
 */
export function optionLabel(source: OptionSource | undefined, value: string, startups: readonly Pick<PublicStartup, 'slug' | 'name'>[], where: 'row' | 'cell'): string {
  if (source === 'startups') {
    if (value === NO_STARTUP_PREFERENCE) return NO_PREFERENCE_LABELS[where];
    return startups.find((startup) => startup.slug === value)?.name ?? value;
  }
  if (source === undefined || typeof source === 'string') return value;
  return source.find((option) => option.value === value)?.label ?? value;
}
