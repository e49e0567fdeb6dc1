/** The adapter from an entry edited in Decap to the props of the site's components. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StartupProfile } from '../../../src/components/StartupProfile.tsx';
import { orderFields, startupFields } from '../../../src/lib/content-model/collections.ts';
import { buildCollectionSchemas } from '../../../src/lib/content-model/schemas.ts';
import { formatEurosHt } from '../../../src/lib/format/money.ts';
import { readPreviewEntry, readRelationNames } from '../../../src/lib/cms/read-preview-entry.ts';
import { context, validOrder, validStartup } from '../content-model/fixtures.ts';

const schemas = buildCollectionSchemas(context);
const CEILING_MESSAGE = `Montant supérieur au plafond du programme (${formatEurosHt(15000)}).`;

describe('readPreviewEntry', () => {
  it('gives the component the data the build would give, with the slug, as the CMS edits it (blank optional fields, body)', () => {
    const entry = readPreviewEntry(schemas.startups, startupFields, { ...validStartup(), website: '', logo: null, body: 'Texte' }, 'acme-robotique');
    expect(entry).toEqual({ ok: true, data: expect.objectContaining({ slug: 'acme-robotique', name: 'Acme Robotique', technologies: ['Robotique'], draft: false }) });
    expect(entry.ok && 'website' in entry.data && entry.data.website).toBe(undefined);
  });

  it('renders the site component without the private order e-mail', () => {
    const entry = readPreviewEntry(schemas.startups, startupFields, validStartup(), 'acme-robotique');
    expect(entry.ok).toBe(true);
    const html = entry.ok
      ? renderToStaticMarkup(createElement(StartupProfile, { startup: entry.data, ordersReceived: [], buyerNames: new Map(), orderRequestHref: '#' }))
      : '';
    expect(html).toContain('<article class="profile">');
    expect(html).toContain('Acme Robotique');
    expect(html).not.toContain('commandes@acme-robotique.fr');
  });

  it.each([
    ['siren', '123456789', 'SIREN', 'Numéro SIREN invalide : un chiffre est sans doute faux ou inversé ; recopiez les 9 chiffres depuis annuaire-entreprises.data.gouv.fr.'],
    ['member_since', '', 'Membre du DAS depuis le', 'Champ obligatoire : aucune valeur saisie.'],
    ['logo', '/uploads/logo.png', 'Texte alternatif du logo', 'Texte alternatif obligatoire quand une image est choisie : décrivez ce qu’elle montre (ex. « Logo d’Acme Robotique »).'],
  ])('lists the build problem of %s = %j with the field label and the French message', (field, value, label, message) => {
    expect(readPreviewEntry(schemas.startups, startupFields, { ...validStartup(), [field]: value }, '')).toEqual({ ok: false, problems: [{ field: label, message }] });
  });

  it('labels a problem inside a list item with the list, the item number and the sub-field', () => {
    const offers = [{ title: 'Étude', kind: 'etude' }, { title: 'Prototype', kind: 'prototype', price_ht: 15000.01 }];
    expect(readPreviewEntry(schemas.startups, startupFields, { ...validStartup(), offers }, '')).toEqual({
      ok: false,
      problems: [{ field: 'Offres de premier bon de commande › 2 › Prix indicatif (€ HT)', message: CEILING_MESSAGE }],
    });
  });

  it('refuses an order amount over the ceiling as the build does', () => {
    const entry = readPreviewEntry(schemas.orders, orderFields, { ...validOrder(), amount_ht: 20000 }, '');
    expect(entry).toEqual({ ok: false, problems: [{ field: 'Montant (€ HT)', message: CEILING_MESSAGE }] });
  });
});

describe('readRelationNames', () => {
  it('reads the names of the entries picked in relation widgets, by slug', () => {
    const metadata = {
      buyer: { buyers: { 'ville-de-mulhouse': { name: 'Ville de Mulhouse', kind: 'public' } } },
      startup: { startups: { 'acme-robotique': { name: 'Acme Robotique' } } },
      body: null,
    };
    expect([...readRelationNames(metadata)]).toEqual([
      ['ville-de-mulhouse', 'Ville de Mulhouse'],
      ['acme-robotique', 'Acme Robotique'],
    ]);
  });
});
