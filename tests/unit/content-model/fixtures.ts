/** Valid entries and a context for content-model tests. */
import type { ModelContext } from '../../../src/lib/content-model/fields.ts';

export const context: ModelContext = {
  orderCeilingHt: 15000,
  lists: { sectors: ['Industrie du futur', 'Santé'], technologies: ['Intelligence artificielle', 'Robotique'] },
};

/** Front matter of a valid startup, as YAML would hand it over. */
export function validStartup(): Record<string, unknown> {
  return {
    name: 'Acme Robotique',
    tagline: 'Des robots pour les ateliers.',
    sectors: ['Industrie du futur'],
    technologies: ['Robotique'],
    offers: [{ title: 'Prototype de pince', kind: 'prototype', price_ht: 12000 }],
    commune: 'Mulhouse',
    postcode: '68100',
    siren: '732829320',
    member_since: '2024-03-15',
    order_contact_email: 'commandes@acme-robotique.fr',
  };
}

/** Front matter of a valid order. */
export function validOrder(): Record<string, unknown> {
  return {
    title: 'Prototype de pince',
    buyer: 'ville-de-mulhouse',
    startup: 'acme-robotique',
    kind: 'prototype',
    amount_ht: 12000,
    ordered_on: '2025-03-15',
    status: 'signe',
  };
}

/** Front matter of a valid buyer whose source gives no date (a press article). */
export function validBuyer(): Record<string, unknown> {
  return {
    name: 'Ville de Mulhouse',
    kind: 'public',
    commitment_kind: 'engagement-moral',
    commitment_source: 'Article de presse du 3 octobre 2018',
    areas_of_interest: [],
  };
}
