/**
 * The documentation of an open-data column, derived from the content model's
 * field definition, so that the page /donnees/ describes exactly what the
 * build validates (type, unit, date format, allowed values).
 */
import type { FieldDefinition, SelectOption } from '../content-model/fields.ts';

/** How a column is documented on /donnees/ (French text). */
export interface ColumnDoc {
  /** Column name, as in the JSON keys and the CSV header. */
  readonly name: string;
  /** `texte`, `nombre décimal`, `date`, `booléen`, `liste de textes`. */
  readonly type: string;
  /** Unit or format: `euros HT`, `AAAA-MM-JJ`, `true ou false`… empty when none. */
  readonly format: string;
  /** What the value means. */
  readonly meaning: string;
  /** Allowed values of a coded column, with their French labels. */
  readonly values?: readonly SelectOption[];
}

/** Lists are arrays in JSON and joined by this separator in CSV. */
export const CSV_LIST_SEPARATOR = ' | ';

const LIST_FORMAT = `JSON : tableau ; CSV : valeurs séparées par « ${CSV_LIST_SEPARATOR.trim()} »`;

function typeAndFormat(field: FieldDefinition): Pick<ColumnDoc, 'type' | 'format' | 'values'> {
  switch (field.kind) {
    case 'string':
      if (field.format === 'url') return { type: 'texte', format: 'adresse web (https://…)' };
      if (field.format === 'email') return { type: 'texte', format: 'adresse e-mail' };
      return { type: 'texte', format: field.pattern ? field.pattern.message : '' };
    case 'text':
    case 'image':
      return { type: 'texte', format: '' };
    case 'relation':
      return { type: 'texte', format: `identifiant d’une entrée (${field.collection === 'startups' ? 'startups' : 'acheteurs'})` };
    case 'number':
      // `max: 'ceiling'` marks an amount bounded by the programme's ceiling in euros HT.
      return { type: 'nombre décimal', format: field.max === 'ceiling' ? 'euros HT, point décimal' : 'point décimal' };
    case 'boolean':
      return { type: 'booléen', format: 'true ou false' };
    case 'date':
      return { type: 'date', format: 'AAAA-MM-JJ (jour calendaire, Europe/Paris)' };
    case 'select':
      if (field.multiple) return { type: 'liste de textes', format: `${LIST_FORMAT} ; valeurs des listes des réglages du site` };
      return typeof field.options === 'string'
        ? { type: 'texte', format: 'valeur des listes des réglages du site' }
        : { type: 'texte codé', format: 'une des valeurs ci-contre', values: field.options };
    case 'string-list':
      return { type: 'liste de textes', format: LIST_FORMAT };
    case 'object-list':
      return { type: 'liste d’objets', format: 'JSON seulement' };
  }
}

/**
 * Document a column that publishes a field of the content model.
 * @param fields the collection's field definitions
 * @param name the field (and column) name
 * @throws Error when the collection has no such field (a programming error, caught by the build)
 */
export function describeField(fields: readonly FieldDefinition[], name: string): ColumnDoc {
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`Champ inconnu du modèle de contenu : ${name}`);
  return { name, meaning: field.label, ...typeAndFormat(field) };
}
