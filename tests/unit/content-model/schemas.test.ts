import { describe, expect, it } from 'vitest';
import { buildCollectionSchemas } from '../../../src/lib/content-model/schemas.ts';
import { context, validBuyer, validOrder, validStartup } from './fixtures.ts';

const schemas = buildCollectionSchemas(context);

/** Messages of a failed parse, by dotted field path. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message]));
}

describe('startups schema', () => {
  it('accepts a valid startup and fills defaults', () => {
    const data = schemas.startups.parse(validStartup());
    expect(data.sample).toBe(false);
    expect(data.draft).toBe(false);
    expect(data.website).toBeUndefined();
    expect(data.postcode).toBe('68100');
  });

  it.each([['absent'], [''], [null]])('an optional URL saved as %j means no value', (value) => {
    const entry = validStartup();
    if (value !== 'absent') entry['website'] = value;
    const data = schemas.startups.parse(entry);
    expect(data.website).toBeUndefined();
    expect('website' in data ? data.website : undefined).toBeUndefined();
  });

  it('keeps a valid URL', () => {
    expect(schemas.startups.parse({ ...validStartup(), website: 'https://acme.example' }).website).toBe('https://acme.example');
  });

  it.each([
    [6000, 'postcode'],
    [68100, 'postcode'],
  ])('a postcode read by YAML as the number %d is refused, asking for text', (value, field) => {
    const errors = errorsOf(schemas.startups.safeParse({ ...validStartup(), [field]: value }));
    expect(errors[field]).toMatch(/Texte attendu, pas le nombre .*entre guillemets/);
  });

  it('a SIREN read as a number is refused, asking for text', () => {
    const errors = errorsOf(schemas.startups.safeParse({ ...validStartup(), siren: 732829320 }));
    expect(errors['siren']).toMatch(/Texte attendu, pas le nombre 732829320/);
  });

  it.each([
    ['732829321', /^Numéro SIREN invalide : un chiffre est sans doute faux ou inversé ; recopiez les 9 chiffres depuis annuaire-entreprises\.data\.gouv\.fr\.$/],
    ['73282932', /9 chiffres/],
    ['732 829 320', /9 chiffres/],
    // INSEE allocates no all-zeros SIREN, though its Luhn sum is 0.
    ['000000000', /^Numéro SIREN invalide : une suite de zéros n’est attribuée à aucune entreprise par l’INSEE\.$/],
  ])('SIREN %j is refused', (siren, message) => {
    expect(errorsOf(schemas.startups.safeParse({ ...validStartup(), siren }))['siren']).toMatch(message);
  });

  it.each([['6810'], ['68 100'], ['F-68100']])('postcode %j is refused', (postcode) => {
    expect(errorsOf(schemas.startups.safeParse({ ...validStartup(), postcode }))['postcode']).toMatch(/5 chiffres/);
  });

  it('an offer price above the ceiling is refused with the ceiling in French', () => {
    const entry = { ...validStartup(), offers: [{ title: 'Trop cher', kind: 'etude', price_ht: 15000.01 }] };
    expect(errorsOf(schemas.startups.safeParse(entry))['offers.0.price_ht']).toBe(
      'Montant supérieur au plafond du programme (15\u202f000\u00a0€\u00a0HT).',
    );
  });

  it('an unknown key is refused with its name', () => {
    const errors = errorsOf(schemas.startups.safeParse({ ...validStartup(), adresse: '1 rue X' }));
    expect(errors['']).toMatch(/Champ inconnu : adresse/);
  });

  it('an unknown key inside an offer is refused', () => {
    const entry = { ...validStartup(), offers: [{ title: 'A', kind: 'etude', prix: 10 }] };
    expect(errorsOf(schemas.startups.safeParse(entry))['offers.0']).toMatch(/Champ inconnu : prix/);
  });

  it('a sector outside the settings list is refused, listing the choices', () => {
    const errors = errorsOf(schemas.startups.safeParse({ ...validStartup(), sectors: ['IA'] }));
    expect(errors['sectors.0']).toBe('Valeur inconnue « IA » : choisissez parmi « Industrie du futur », « Santé ».');
  });

  it.each([[[]], [''], [null]])('sectors %j (none) is refused as required', (sectors) => {
    expect(Object.keys(errorsOf(schemas.startups.safeParse({ ...validStartup(), sectors })))).toEqual(['sectors']);
  });

  it.each([[''], [null]])('optional technologies %j become an empty list', (technologies) => {
    expect(schemas.startups.parse({ ...validStartup(), technologies }).technologies).toEqual([]);
  });

  it('accepts an e-mail address with an accented domain', () => {
    const data = schemas.startups.parse({ ...validStartup(), order_contact_email: 'contact@société-verte.fr' });
    expect(data.order_contact_email).toBe('contact@société-verte.fr');
  });

  it('a tagline over 160 characters is refused', () => {
    expect(errorsOf(schemas.startups.safeParse({ ...validStartup(), tagline: 'x'.repeat(161) }))['tagline']).toBe('160 caractères au plus.');
  });
});

describe('dates', () => {
  it.each([
    ['2025-03-15', '2025-03-15'],
    // What a date picker stores for 15 March picked in Paris.
    ['2025-03-14T23:00:00.000Z', '2025-03-15'],
    [new Date('2025-03-14T23:00:00.000Z'), '2025-03-15'],
    // An unquoted YAML date: midnight UTC.
    [new Date('2025-03-15T00:00:00.000Z'), '2025-03-15'],
  ])('%j is the calendar date %s', (value, expected) => {
    expect(schemas.startups.parse({ ...validStartup(), member_since: value }).member_since).toBe(expected);
  });

  it.each([['03/04/2024'], ['15 mars 2025'], ['2025-02-30'], ['2025-3-5'], [0], [1700000000000], [new Date('invalid')]])(
    '%j is refused, never guessed',
    (value) => {
      expect(errorsOf(schemas.startups.safeParse({ ...validStartup(), member_since: value }))['member_since']).toMatch(
        /AAAA-MM-JJ|format/,
      );
    },
  );

  it.each([[''], [null], ['absent']])('a required date saved as %j is an error, never 1970', (value) => {
    const entry = validStartup();
    if (value === 'absent') delete entry['member_since'];
    else entry['member_since'] = value;
    expect(errorsOf(schemas.startups.safeParse(entry))['member_since']).toBe('Champ obligatoire : aucune valeur saisie.');
  });
});

describe('orders schema', () => {
  it.each([
    ['14999.50', 14999.5],
    [' 15000 ', 15000],
    [15000, 15000],
    [0.01, 0.01],
  ])('amount %j → %d', (amount, expected) => {
    expect(schemas.orders.parse({ ...validOrder(), amount_ht: amount }).amount_ht).toBe(expected);
  });

  it.each([[''], [null], ['absent']])('a required amount saved as %j is an error, never 0', (amount) => {
    const entry = validOrder();
    if (amount === 'absent') delete entry['amount_ht'];
    else entry['amount_ht'] = amount;
    expect(errorsOf(schemas.orders.safeParse(entry))['amount_ht']).toBe('Champ obligatoire : aucune valeur saisie.');
  });

  it.each([
    [15000.5, /plafond/],
    ['15001', /plafond/],
    [0, /au moins 0,01/],
    [-5, /au moins 0,01/],
    ['15 000', /Nombre attendu/],
    ['quinze mille', /Nombre attendu/],
  ])('amount %j is refused', (amount, message) => {
    expect(errorsOf(schemas.orders.safeParse({ ...validOrder(), amount_ht: amount }))['amount_ht']).toMatch(message);
  });

  it('the ceiling comes from the context (settings)', () => {
    const lowCeiling = buildCollectionSchemas({ ...context, orderCeilingHt: 10000 });
    expect(lowCeiling.orders.safeParse({ ...validOrder(), amount_ht: 12000 }).success).toBe(false);
    expect(lowCeiling.orders.safeParse({ ...validOrder(), amount_ht: 10000 }).success).toBe(true);
  });

  it.each([['Ville de Mulhouse'], ['élan'], ['ville--de-mulhouse'], ['___'], ['pilote-~-3-mois']])('a relation %j that is not a file slug is refused', (buyer) => {
    expect(errorsOf(schemas.orders.safeParse({ ...validOrder(), buyer }))['buyer']).toMatch(/^Identifiant attendu en lettres non accentuées, chiffres, _ et tirets simples/);
  });

  it.each([
    ['ville_de_mulhouse', 'ville-de-mulhouse'],
    ['Etude_-2', 'etude-2'],
  ])('a relation %j (the file slug Decap stores) is read as the URL slug %s', (buyer, slug) => {
    expect(schemas.orders.parse({ ...validOrder(), buyer }).buyer).toBe(slug);
  });

  it('an unknown status is refused', () => {
    expect(errorsOf(schemas.orders.safeParse({ ...validOrder(), status: 'annule' }))['status']).toMatch(/Valeur inconnue « annule »/);
  });
});

describe('buyers schema: only what a source establishes', () => {
  it('accepts a commitment without a date, sector or contact (none invented)', () => {
    const data = schemas.buyers.parse(validBuyer());
    expect(data.committed_on).toBeUndefined();
    expect(data.sector).toBeUndefined();
    expect(data.contact_role).toBeUndefined();
    expect(data.commitment_kind).toBe('engagement-moral');
  });

  it.each([
    ['commitment_source', undefined, 'commitment_source'],
    ['commitment_source', '', 'commitment_source'],
    ['commitment_kind', undefined, 'commitment_kind'],
    ['commitment_kind', 'charte', 'commitment_kind'],
    ['commitment_source_url', 'pas une adresse', 'commitment_source_url'],
  ])('refuses %s = %j', (field, value, errorPath) => {
    const entry = { ...validBuyer(), [field]: value };
    expect(Object.keys(errorsOf(schemas.buyers.safeParse(entry)))).toEqual([errorPath]);
  });

  it('keeps a known date of a signed charter', () => {
    const data = schemas.buyers.parse({ ...validBuyer(), commitment_kind: 'charte-signee', committed_on: '2025-06-02' });
    expect(data.committed_on).toBe('2025-06-02');
  });
});
