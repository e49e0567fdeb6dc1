import { describe, expect, it } from 'vitest';
import type { StartupData } from '../../../src/lib/content-model/collections.ts';
import type { Published } from '../../../src/lib/site/assemble-site.ts';
import { slugifyFacetValue } from '../../../src/lib/directory/facets.ts';
import { buildDirectoryIndex } from '../../../src/lib/directory/directory-index.ts';
import { hasFilters, parseDirectoryQuery, selectStartups, toSearchParams } from '../../../src/lib/directory/directory-query.ts';
import { listingHref, paginationWindow, planListingPages } from '../../../src/lib/directory/listing-pages.ts';
import { describeListing, describeSelection } from '../../../src/lib/directory/describe-listing.ts';

const NNBSP = '\u202f';

function startup(slug: string, name: string, extra: Partial<StartupData> = {}): Published<StartupData> {
  return {
    slug,
    name,
    tagline: `Accroche de ${name}`,
    sectors: ['Santé'],
    technologies: ['Cybersécurité'],
    offers: [{ title: 'O', kind: 'etude' }],
    commune: 'Mulhouse',
    postcode: '68100',
    siren: '732829320',
    member_since: '2024-01-01',
    order_contact_email: 'prive@exemple.fr',
    sample: false,
    draft: false,
    ...extra,
  };
}

/** Sorted by name, as the published site lists them. */
const STARTUPS = [
  startup('alpha', 'Alpha', { sectors: ['Santé', 'Énergie et environnement'], member_since: '2023-05-01' }),
  startup('beta', 'Bêta', {
    technologies: ['Internet des objets'],
    commune: 'Saint-Louis',
    offers: [{ title: 'P', kind: 'pilote' }, { title: 'Q', kind: 'prototype' }, { title: 'R', kind: 'prototype' }],
    member_since: '2025-02-10',
  }),
  startup('gamma', 'Gamma', { sectors: ['Énergie et environnement'], member_since: '2025-02-10', sample: true }),
];

describe('slugifyFacetValue', () => {
  it.each([
    ['Énergie et environnement', 'energie-et-environnement'],
    ['Saint-Louis', 'saint-louis'],
    ['Réalité augmentée et virtuelle', 'realite-augmentee-et-virtuelle'],
    ['  Impression 3D ', 'impression-3d'],
    ['Œuvre', 'uvre'],
    ['—', ''],
  ])('%s → %s', (value, slug) => expect(slugifyFacetValue(value)).toBe(slug));
});

describe('buildDirectoryIndex', () => {
  const index = buildDirectoryIndex(STARTUPS);

  it('lists facet values with counts: offer kinds in the model order, others alphabetically', () => {
    expect(index.facets.secteur).toEqual([
      { slug: 'energie-et-environnement', label: 'Énergie et environnement', count: 2 },
      { slug: 'sante', label: 'Santé', count: 2 },
    ]);
    expect(index.facets.commune.map((value) => value.slug)).toEqual(['mulhouse', 'saint-louis']);
    expect(index.facets.offre).toEqual([
      { slug: 'prototype', label: 'Prototype', count: 1 },
      { slug: 'etude', label: 'Étude', count: 2 },
      { slug: 'pilote', label: 'Pilote', count: 1 },
    ]);
  });

  it('refers to values by position, each kind once, and leaves private fields out', () => {
    expect(index.startups[1]).toEqual({
      slug: 'beta',
      name: 'Bêta',
      tagline: 'Accroche de Bêta',
      memberSince: '2025-02-10',
      sample: false,
      values: { secteur: [1], technologie: [1], commune: [1], offre: [0, 2] },
    });
    expect(JSON.stringify(index)).not.toContain('prive@exemple.fr');
    expect(JSON.stringify(index)).not.toContain('732829320');
  });

  it('refuses two values that would share an address, naming both', () => {
    expect(() => buildDirectoryIndex([startup('a', 'A', { sectors: ['Santé', 'Sante'] })])).toThrow(
      'Annuaire : « Santé » et « Sante » (secteur) donnent la même adresse « sante ».',
    );
  });
});

describe('directory query', () => {
  const index = buildDirectoryIndex(STARTUPS);
  const names = (query: string) => selectStartups(index, parseDirectoryQuery(new URLSearchParams(query))).map((entry) => entry.slug);

  it.each([
    ['', ['alpha', 'beta', 'gamma']],
    ['secteur=sante', ['alpha', 'beta']],
    ['technologie=internet-des-objets', ['beta']],
    ['commune=saint-louis', ['beta']],
    ['offre=etude', ['alpha', 'gamma']],
    ['secteur=energie-et-environnement&offre=etude', ['alpha', 'gamma']],
    ['secteur=sante&commune=mulhouse', ['alpha']],
    ['secteur=sante&offre=pilote&commune=mulhouse', []],
    ['secteur=inconnu', []],
    ['tri=date', ['beta', 'gamma', 'alpha']],
    ['tri=date&secteur=energie-et-environnement', ['gamma', 'alpha']],
    ['tri=n-importe-quoi', ['alpha', 'beta', 'gamma']],
  ])('?%s → %j', (query, expected) => expect(names(query)).toEqual(expected));

  it('round-trips through the URL, in facet order, without the default sort nor empty values', () => {
    const query = parseDirectoryQuery(new URLSearchParams('offre=etude&secteur=sante&commune=&autre=1&tri=nom'));
    expect(query).toEqual({ filters: { secteur: 'sante', offre: 'etude' }, sort: 'nom' });
    expect(toSearchParams(query).toString()).toBe('secteur=sante&offre=etude');
    expect(toSearchParams({ filters: {}, sort: 'date' }).toString()).toBe('tri=date');
    expect(hasFilters(query)).toBe(true);
    expect(hasFilters({ filters: {}, sort: 'date' })).toBe(false);
  });
});

describe('listing pages', () => {
  const many = Array.from({ length: 5 }, (_, position) =>
    startup(`s${position}`, `S${position}`, { sectors: position < 3 ? ['Santé'] : ['Logistique'] }),
  );
  const pages = planListingPages(buildDirectoryIndex(many), 2);

  it('paginates the whole directory then each facet value, by name', () => {
    expect(pages.map((page) => [page.route ?? '', page.startups.map((entry) => entry.slug).join(' ')])).toEqual([
      ['', 's0 s1'],
      ['page/2', 's2 s3'],
      ['page/3', 's4'],
      ['secteur/logistique', 's3 s4'],
      ['secteur/sante', 's0 s1'],
      ['secteur/sante/page/2', 's2'],
      ['technologie/cybersecurite', 's0 s1'],
      ['technologie/cybersecurite/page/2', 's2 s3'],
      ['technologie/cybersecurite/page/3', 's4'],
      ['commune/mulhouse', 's0 s1'],
      ['commune/mulhouse/page/2', 's2 s3'],
      ['commune/mulhouse/page/3', 's4'],
      ['offre/etude', 's0 s1'],
      ['offre/etude/page/2', 's2 s3'],
      ['offre/etude/page/3', 's4'],
    ]);
    expect(pages[1]).toMatchObject({ page: 2, pageCount: 3, total: 5, offset: 2 });
  });

  it('keeps one page for an empty directory', () => {
    expect(planListingPages(buildDirectoryIndex([]))).toEqual([
      { route: undefined, facet: undefined, page: 1, pageCount: 1, total: 0, offset: 0, startups: [] },
    ]);
  });

  it.each([
    [undefined, 1, '/startups/'],
    [undefined, 3, '/startups/page/3/'],
    [{ key: 'secteur', slug: 'sante' } as const, 1, '/startups/secteur/sante/'],
    [{ key: 'offre', slug: 'etude' } as const, 2, '/startups/offre/etude/page/2/'],
  ])('listingHref(%j, %i) = %s', (facet, page, href) => expect(listingHref(facet, page)).toBe(href));

  it.each([
    [1, 1, [1]],
    [1, 4, [1, 2, 3, 4]],
    [6, 20, [1, null, 4, 5, 6, 7, 8, null, 20]],
    [1, 20, [1, 2, 3, null, 20]],
    [20, 20, [1, null, 18, 19, 20]],
  ])('paginationWindow(%i, %i)', (page, count, expected) => expect(paginationWindow(page, count)).toEqual(expected));

  it('describes the count of a listing and of a selection', () => {
    expect(describeListing(pages[0]!)).toBe('Startups 1 à 2 sur 5 (page 1 sur 3).');
    expect(describeListing(pages[3]!)).toBe('2 startups.');
    expect(describeListing({ total: 1, offset: 0, page: 1, pageCount: 1, startups: [1] })).toBe('1 startup.');
    expect(describeListing({ total: 0, offset: 0, page: 1, pageCount: 1, startups: [] })).toBe('Aucune startup pour l’instant.');
    expect(describeSelection(0, 0)).toBe('Aucune startup ne correspond à ces critères.');
    expect(describeSelection(1, 1)).toBe('1 startup correspond à ces critères.');
    expect(describeSelection(1250, 24)).toBe(`1${NNBSP}250 startups correspondent à ces critères, 24 affichées.`);
  });
});
