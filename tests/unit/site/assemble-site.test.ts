import { describe, expect, it } from 'vitest';
import { assembleSite, type ContentEntry, type SiteContent } from '../../../src/lib/site/assemble-site.ts';
import { computeKeyFigures } from '../../../src/lib/site/compute-key-figures.ts';
import type { BuyerData, OrderData, StartupData } from '../../../src/lib/content-model/collections.ts';

function entry<Data>(collection: string, id: string, data: Data, body = 'Texte.'): ContentEntry<Data> {
  return { id, filePath: `content/${collection}/${id}.md`, data, body };
}

function startup(id: string, name: string, extra: Partial<StartupData> = {}) {
  return entry<StartupData>('startups', id, {
    name,
    tagline: 'T',
    sectors: ['Santé'],
    technologies: [],
    offers: [{ title: 'O', kind: 'etude' }],
    commune: 'Mulhouse',
    postcode: '68100',
    siren: '732829320',
    member_since: '2024-01-01',
    order_contact_email: 'prive@exemple.fr',
    sample: false,
    draft: false,
    ...extra,
  });
}

function buyer(id: string, name: string, extra: Partial<BuyerData> = {}) {
  return entry<BuyerData>('buyers', id, {
    name,
    kind: 'public',
    sector: 'Collectivité',
    commitment_kind: 'engagement-moral',
    commitment_source: 'Article de presse',
    areas_of_interest: [],
    contact_role: 'Achats',
    draft: false,
    ...extra,
  });
}

function order(id: string, extra: Partial<OrderData> = {}) {
  return entry<OrderData>('orders', id, {
    title: `Commande ${id}`,
    buyer: 'ville',
    startup: 'acme',
    kind: 'prototype',
    amount_ht: 1000,
    ordered_on: '2025-01-01',
    status: 'signe',
    draft: false,
    ...extra,
  });
}

function content(overrides: Partial<SiteContent> = {}): SiteContent {
  return {
    startups: [startup('acme', 'Acme'), startup('zebre', 'Zèbre'), startup('ecole', 'École Numérique', { sample: true })],
    buyers: [buyer('ville', 'Ville'), buyer('agglo', 'Agglo')],
    orders: [
      order('a', { amount_ht: 14999.5, ordered_on: '2025-03-15' }),
      order('b', { amount_ht: 0.1, ordered_on: '2026-01-02', buyer: 'agglo' }),
      order('c', { amount_ht: 0.2, ordered_on: '2024-06-01', startup: 'zebre' }),
    ],
    news: [],
    pages: [],
    ...overrides,
  };
}

describe('assembleSite', () => {
  it('sorts startups by French collation, orders by date (newest first), and groups orders', () => {
    const site = assembleSite(content());
    expect(site.startups.map((item) => item.name)).toEqual(['Acme', 'École Numérique', 'Zèbre']);
    expect(site.orders.map((item) => item.slug)).toEqual(['b', 'a', 'c']);
    expect(site.ordersByStartup.get('acme')?.map((item) => item.slug)).toEqual(['b', 'a']);
    expect(site.ordersByBuyer.get('ville')?.map((item) => item.slug)).toEqual(['a', 'c']);
    expect(site.ordersByBuyer.get('unknown')).toBeUndefined();
  });

  it('leaves drafts out', () => {
    const site = assembleSite(content({ buyers: [buyer('ville', 'Ville'), buyer('agglo', 'Agglo'), buyer('brouillon', 'B', { draft: true })] }));
    expect(site.buyers.map((item) => item.slug)).toEqual(['agglo', 'ville']);
  });

  it('an order naming a missing startup fails with the file and the field', () => {
    expect(() => assembleSite(content({ orders: [order('x', { startup: 'fantome' })] }))).toThrow(
      'content/orders/x.md — startup : aucune startup publiée « fantome »',
    );
  });

  it('an order naming a draft buyer fails', () => {
    const buyers = [buyer('ville', 'Ville', { draft: true }), buyer('agglo', 'Agglo')];
    expect(() => assembleSite(content({ buyers }))).toThrow(/content\/orders\/a\.md — buyer : aucun acheteur publié « ville »/);
  });

  it('a draft order may name anything', () => {
    expect(assembleSite(content({ orders: [order('x', { startup: 'fantome', draft: true })] })).orders).toEqual([]);
  });

  it('a published startup without presentation fails', () => {
    expect(() => assembleSite(content({ startups: [startup('acme', 'Acme'), entry('startups', 'vide', startup('vide', 'Vide').data, '  \n')] }))).toThrow(
      'content/startups/vide.md — body : le texte (Présentation) est obligatoire.',
    );
  });

  it('lists every problem at once', () => {
    const error = (() => {
      try {
        assembleSite(content({ orders: [order('x', { startup: 'a1' }), order('y', { buyer: 'b1' })] }));
      } catch (caught) {
        return String(caught);
      }
      return '';
    })();
    expect(error.match(/content\/orders\//g)).toHaveLength(2);
  });
});

describe('computeKeyFigures', () => {
  it('counts published entries, samples apart, and sums amounts to the cent', () => {
    expect(computeKeyFigures(assembleSite(content()))).toEqual({
      startups: 2,
      sampleStartups: 1,
      buyers: 2,
      orders: 3,
      totalOrderedHt: 14999.8,
    });
  });

  it('is all zeros for an empty programme', () => {
    expect(computeKeyFigures(assembleSite(content({ startups: [], buyers: [], orders: [] })))).toEqual({
      startups: 0,
      sampleStartups: 0,
      buyers: 0,
      orders: 0,
      totalOrderedHt: 0,
    });
  });
});
