import { expect, it } from 'vitest';
import { orderFieldErrors } from '../../../src/lib/forms/order-field-errors.ts';

const error = (field: string) => ({ field, message: `${field} : erreur` });

it('lists the errors in the order of the fields, the whole form first, without changing the input', () => {
  const errors = [error('consent'), error('email'), error('siret'), error('formulaire'), error('company_name')];
  expect(orderFieldErrors('candidature', errors).map((item) => item.field)).toEqual(['formulaire', 'company_name', 'siret', 'email', 'consent']);
  expect(errors.map((item) => item.field)).toEqual(['consent', 'email', 'siret', 'formulaire', 'company_name']);
});
