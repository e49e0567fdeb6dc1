/**
 * The form definitions hold together: names, references between fields, the
 * page, the function and the labels the visitor reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_DEFINITIONS, FORM_NAMES, createFormSchema } from '../../../../src/lib/forms/definitions/index.ts';
import { fieldsOf, type PublicFormContext } from '../../../../src/lib/forms/definitions/form-definition.ts';
import { isRequiredField } from '../../../../src/lib/forms/definitions/to-schema.ts';
import { FIELD_LABELS } from '../../../helpers/french-answers.ts';
import { PROJECT_ROOT } from '../../../helpers/paths.ts';

const CONTEXT: PublicFormContext = { sectors: ['Santé'], technologies: ['Robotique'], orderCeilingHt: 15_000, startups: [{ slug: 'demo', name: 'Démo' }] };

describe.each(FORM_NAMES)('%s', (form) => {
  const definition = FORM_DEFINITIONS[form];
  const fields = fieldsOf(definition);
  const names = fields.map((field) => field.name);

  it('is registered under its own name, with unique snake_case field names', () => {
    expect(definition.name).toBe(form);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('has the labels of the French contract, and its schema the same fields', () => {
    const { formulaire: _form, ...labels } = FIELD_LABELS[form];
    expect(Object.fromEntries(fields.map((field) => [field.name, field.label]))).toEqual(labels);
    const parsed = createFormSchema(form, CONTEXT).safeParse({});
    expect(new Set(parsed.error?.issues.map((issue) => String(issue.path[0])))).toEqual(new Set(names.filter((name) => isRequiredField(fields.find((field) => field.name === name)!, CONTEXT))));
  });

  it('joins e-mail rows only to fields of the form that are not joined themselves', () => {
    for (const field of fields.filter((candidate) => candidate.joinedTo)) {
      const host = fields.find((candidate) => candidate.name === field.joinedTo!.field);
      expect(host, field.name).toBeDefined();
      expect(host!.joinedTo, field.name).toBeUndefined();
    }
  });

  it('names its submitter with required fields, the address an e-mail field', () => {
    const { name, address, organisation } = definition.submitter;
    for (const field of [name, address, organisation]) expect(isRequiredField(fields.find((candidate) => candidate.name === field)!, CONTEXT), field).toBe(true);
    expect(fields.find((field) => field.name === address)?.control).toBe('email');
  });

  it('mails a startup only when a field chooses one', () => {
    expect(definition.recipients.includes('startup')).toBe(fields.some((field) => field.options === 'startups'));
    expect(definition.recipients[0]).toBe('team');
  });

  it('has its page and its function, the same glue as every form', () => {
    expect(definition.action).toBe(`/api/${form}/`);
    expect(existsSync(join(PROJECT_ROOT, 'src', 'pages', `${definition.path.replace(/^\/|\/$/g, '')}.astro`))).toBe(true);
    const handler = readFileSync(join(PROJECT_ROOT, 'netlify', 'functions', `${form}.mts`), 'utf8');
    expect(handler).toContain(`handleFormPost('${form}', request, context)`);
    expect(handler).toContain(`path: ['/api/${form}/', '/api/${form}']`);
  });
});
