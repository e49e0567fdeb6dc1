/**
 * The card lists render in one React render exactly the cards a page used to
 * render one by one, nothing between them (issue 13, build time); the directory,
 * facet listing and home pages of tests/build/html-output.test.ts hold them byte for byte too.
 */
import { renderToString } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { StartupCard, StartupCardList } from '../../src/components/StartupCard.tsx';
import { BuyerCard, BuyerCardList } from '../../src/components/BuyerCard.tsx';
import type { Published } from '../../src/lib/site/assemble-site.ts';
import type { BuyerData, StartupData } from '../../src/lib/content-model/collections.ts';

const startup = (slug: string, name: string, sample: boolean) =>
  ({
    slug,
    name,
    sample,
    tagline: `${name} : capteurs et logiciels pour l’industrie.`,
    commune: 'Mulhouse',
    sectors: ['Industrie', 'Santé'],
    offers: [
      { title: 'Étude', kind: 'etude', price_ht: 4000 },
      { title: 'Prototype', kind: 'prototype', price_ht: 9000 },
    ],
  }) as unknown as Published<StartupData>;

const buyer = (slug: string, name: string, committedOn: string | undefined) =>
  ({ slug, name, kind: 'public', sector: committedOn ? 'Transports' : undefined, commitment_kind: 'charte-signee', committed_on: committedOn }) as unknown as Published<BuyerData>;

describe('card lists', () => {
  it('StartupCardList is the cards of its startups, each linking to its profile, side by side', () => {
    const startups = [startup('alpha', 'Alpha <Capteurs>', true), startup('beta', 'Bêta & Cie', false)];
    const html = renderToString(createElement(StartupCardList, { startups }));
    expect(html).toBe(startups.map((one) => renderToString(createElement(StartupCard, { startup: one, href: `/startups/${one.slug}/` }))).join(''));
    expect(html.match(/<article class="card">/g)).toHaveLength(2);
    expect(html).toContain('href="/startups/beta/"');
  });

  it('BuyerCardList is the cards of its buyers with the number of orders each placed', () => {
    const buyers = [buyer('ville', 'Ville de Mulhouse', '2026-03-02'), buyer('agglo', 'm2A', undefined)];
    const ordersByBuyer = new Map([['ville', [{}, {}, {}]]]);
    const html = renderToString(createElement(BuyerCardList, { buyers, ordersByBuyer }));
    expect(html).toBe(
      [
        renderToString(createElement(BuyerCard, { buyer: buyers[0]!, ordersPlaced: 3, href: '/acheteurs/ville/' })),
        renderToString(createElement(BuyerCard, { buyer: buyers[1]!, ordersPlaced: 0, href: '/acheteurs/agglo/' })),
      ].join(''),
    );
    expect(html).toContain('<dd>3</dd>');
  });
});
