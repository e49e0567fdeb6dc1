/**
 * Adding a field to a form is one change to its definition: the schema, the
 * page's fields (the `FormField` markup contract), the e-mail rows and the CSV
 * columns all come from it. Proved on the buyer's commitment, extended here by
 * one field and nothing else.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import DefinedFormFields from '../../src/components/DefinedFormFields.astro';
import { engagementAcheteur } from '../../src/lib/forms/definitions/engagement-acheteur.ts';
import { wholeNumber } from '../../src/lib/forms/definitions/field-schemas.ts';
import type { FormDefinition, FormFieldDefinition, PublicFormContext } from '../../src/lib/forms/definitions/form-definition.ts';
import { csvColumnsOf } from '../../src/lib/forms/definitions/to-csv-columns.ts';
import { recipientsOfDefinition } from '../../src/lib/forms/definitions/to-recipients.ts';
import { schemaOfDefinition } from '../../src/lib/forms/definitions/to-schema.ts';
import { summaryRowsOf } from '../../src/lib/forms/definitions/to-summary-rows.ts';
import { validCommitmentFields } from '../helpers/form-fixtures.ts';

const CONTEXT: PublicFormContext = { sectors: [], technologies: [], orderCeilingHt: 15_000, startups: [] };

/** The new field: the whole of the change. */
const STAFF: FormFieldDefinition = {
  name: 'staff_count',
  label: 'Effectif de l’organisation',
  control: 'text',
  width: 'short',
  inputmode: 'numeric',
  hint: 'Nombre de salariés, tous établissements confondus.',
  rule: ({ label }) => wholeNumber(label, { min: 1, max: 500_000 }),
  shortLabel: 'Effectif',
};

/** The commitment form with `STAFF` at the end of its first fieldset. */
const extended: FormDefinition = {
  ...engagementAcheteur,
  sections: engagementAcheteur.sections.map((section, index) => (index === 0 ? { ...section, fields: [...section.fields, STAFF] } : section)),
};

const schema = schemaOfDefinition(extended, CONTEXT);
const valid = schema.parse({ ...validCommitmentFields(), staff_count: '250' });

describe('adding a field to a definition', () => {
  it('adds it to the schema: validated, normalised, its messages naming it', () => {
    expect(valid['staff_count']).toBe(250);
    const missing = schema.safeParse(validCommitmentFields());
    expect(missing.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['staff_count'], 'Effectif de l’organisation : ce champ est obligatoire.']]);
    // The form without the field refuses it: the field exists nowhere else.
    const original = schemaOfDefinition(engagementAcheteur, CONTEXT).safeParse({ ...validCommitmentFields(), staff_count: '250' });
    expect(original.error?.issues.map((issue) => issue.message)).toEqual(['Formulaire : champ inattendu (staff_count).']);
  });

  it('adds it to the page with the FormField markup contract: label, hint, error slot and control tied by ids', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(DefinedFormFields, { props: { definition: extended, context: CONTEXT } });
    const first = /<fieldset class="form__section">(.*?)<\/fieldset>/s.exec(html)?.[1] ?? '';
    expect(first).toContain('<legend>Votre organisation</legend>');
    const field = /<div class="field" data-field="staff_count">(.*?)<\/div>/s.exec(first)?.[1];
    expect(field).toBeDefined();
    expect(field).toMatch(/<label class="field__label" for="champ-staff-count">Effectif de l’organisation<span class="field__required"> \(obligatoire\)<\/span>\s*<\/label>/);
    expect(field).toContain('<p class="field__hint" id="champ-staff-count-aide">Nombre de salariés, tous établissements confondus.</p>');
    expect(field).toMatch(/<p class="field__error" id="champ-staff-count-erreur" hidden><\/p>/);
    expect(field).toMatch(
      /<input class="field__control field__control--short" type="text" id="champ-staff-count" name="staff_count" required aria-describedby="champ-staff-count-aide" inputmode="numeric">/,
    );
  });

  it('adds it to the e-mail rows and to the CSV columns, leaving the recipients as they were', () => {
    const data = JSON.parse(JSON.stringify(valid)) as typeof valid;
    expect(summaryRowsOf(extended, data, [])).toContainEqual(['Effectif', '250']);
    const columns = csvColumnsOf(extended);
    expect(columns.map((column) => column.header)).toContain('Effectif');
    expect(columns.find((column) => column.header === 'Effectif')?.value(data)).toBe(250);
    expect(columns).toHaveLength(csvColumnsOf(engagementAcheteur).length + 1);
    expect(recipientsOfDefinition(extended, data, { startups: [], teamAddress: 'equipe@exemple.fr' })).toEqual([
      { kind: 'team', to: 'equipe@exemple.fr' },
      { kind: 'confirmation', to: 'achats@fonderie-rhin.fr' },
    ]);
  });
});
