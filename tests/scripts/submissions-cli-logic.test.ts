/**
 * The pure parts of `npm run submissions`: command line, slugs and taglines,
 * local store layout, CSV cells, column layout.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../src/lib/content-model/fields.ts';
import { csvHeaders } from '../../src/lib/submissions-cli/export-csv.ts';
import { spacedSiret } from '../../src/lib/forms/definitions/display-values.ts';
import { parseInvocation, UsageError } from '../../src/lib/submissions-cli/invocation.ts';
import { chooseLocalSiteId, DEV_BLOBS_DIRECTORY, mapWithConcurrency, UNLINKED_SITE_ID } from '../../src/lib/submissions-cli/local-store.ts';
import { alignColumns, formatParisDateTime } from '../../src/lib/submissions-cli/present-submissions.ts';
import { slugify, TAGLINE_MAX_LENGTH, taglineFrom } from '../../src/lib/submissions-cli/startup-draft.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';

describe('parseInvocation', () => {
  it('reads each command, with the local store by default', () => {
    expect(parseInvocation(['list'])).toEqual({ command: { name: 'list' }, store: { kind: 'local', blobsDir: undefined } });
    expect(parseInvocation(['show', 'pbc-2026-00007']).command).toEqual({ name: 'show', reference: 'PBC-2026-00007' });
    expect(parseInvocation(['startup-draft', 'PBC-2026-00012']).command).toEqual({ name: 'startup-draft', reference: 'PBC-2026-00012' });
    expect(parseInvocation(['export', '--csv']).command).toEqual({ name: 'export', form: undefined, semicolon: false, output: undefined });
    expect(parseInvocation(['export', '--csv', '--form', 'candidature', '--semicolon', '-o', 'a.csv']).command).toEqual({
      name: 'export',
      form: 'candidature',
      semicolon: true,
      output: 'a.csv',
    });
    expect(parseInvocation(['--help']).command).toEqual({ name: 'help' });
    expect(parseInvocation(['personal-data', ' Jeanne@Exemple.fr ']).command).toEqual({ name: 'personal-data', email: 'Jeanne@Exemple.fr', output: undefined });
    expect(parseInvocation(['personal-data', 'a@b.fr', '-o', 'a.json']).command).toEqual({ name: 'personal-data', email: 'a@b.fr', output: 'a.json' });
    expect(parseInvocation(['erase', 'a@b.fr']).command).toEqual({ name: 'erase', email: 'a@b.fr', confirm: false });
    expect(parseInvocation(['erase', 'a@b.fr', '--confirm']).command).toEqual({ name: 'erase', email: 'a@b.fr', confirm: true });
  });

  it('reads the store options', () => {
    expect(parseInvocation(['list', '--site', 'abc-123']).store).toEqual({ kind: 'site', siteId: 'abc-123' });
    expect(parseInvocation(['list', '--blobs-dir', '/tmp/x']).store).toEqual({ kind: 'local', blobsDir: '/tmp/x' });
  });

  it.each([
    [[]],
    [['lister']],
    [['show']],
    [['show', 'PBC-2026-1']],
    [['show', 'PBC-2026-00001', 'PBC-2026-00002']],
    [['list', '--csv']],
    [['export']],
    [['export', '--csv', '--form', 'devis']],
    [['list', '--site', 'a', '--blobs-dir', 'b']],
    [['list', '--verbose']],
    [['list', '--site']],
    [['list', '--output', 'a.csv']],
    [['personal-data']],
    [['personal-data', 'pas-une-adresse']],
    [['personal-data', 'a@b.fr', 'c@d.fr']],
    [['erase', 'a@b.fr', '--output', 'x.json']],
    [['list', '--confirm']],
  ])('refuses %j as a usage error', (argv) => {
    expect(() => parseInvocation(argv)).toThrow(UsageError);
  });
});

describe('slugify', () => {
  it.each([
    ['Société Verte', 'societe-verte'],
    ['Atelier « Œil & Main », SAS', 'atelier-oeil-et-main-sas'],
    ['L’Atelier Numérique 4.0', 'l-atelier-numerique-4-0'],
    ['  ÆRO—Straße  ', 'aero-strasse'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slug).toMatch(new RegExp(SLUG_PATTERN.source));
  });

  it('gives nothing for a name without Latin letters or digits', () => {
    expect(slugify('«  »')).toBe('');
  });
});

describe('taglineFrom', () => {
  it('takes the first sentence, on one line', () => {
    expect(taglineFrom('Nous faisons des capteurs, depuis 2024. Puis autre chose.')).toBe('Nous faisons des capteurs, depuis 2024.');
    expect(taglineFrom('\n\nPremière ligne sans point\net la suite.')).toBe('Première ligne sans point');
    expect(taglineFrom('Vraiment ?  Oui.')).toBe('Vraiment ?');
  });

  it('cuts a long sentence at a word, with an ellipsis, within the limit', () => {
    const long = `${'Une entreprise qui conçoit des jumeaux numériques pour les ateliers, '.repeat(4)}et bien plus.`;
    const tagline = taglineFrom(long);
    expect([...tagline].length).toBeLessThanOrEqual(TAGLINE_MAX_LENGTH);
    expect(tagline.endsWith('…')).toBe(true);
    expect(long.startsWith(tagline.slice(0, -1))).toBe(true);
    expect(tagline).not.toMatch(/[\s,]…$/);
  });
});

describe('local store', () => {
  it('picks the linked site, else the unlinked folder 0, else the only one', () => {
    expect(chooseLocalSiteId(['0', 'site-a'], 'site-a')).toBe('site-a');
    expect(chooseLocalSiteId(['0', 'site-a'], 'site-b')).toBe(UNLINKED_SITE_ID);
    expect(chooseLocalSiteId(['0'], undefined)).toBe('0');
    expect(chooseLocalSiteId(['test-site'], undefined)).toBe('test-site');
    expect(chooseLocalSiteId(['a', 'b'], undefined)).toBeUndefined();
    expect(chooseLocalSiteId([], 'site-a')).toBeUndefined();
  });

  it('is where the dev emulation keeps Blobs, under site ID 0 when unlinked (guards an upgrade of @netlify/dev)', async () => {
    const source = await readFile(join(PROJECT_ROOT, 'node_modules/@netlify/dev/dist/main.js'), 'utf8');
    const [dotNetlify, folder] = DEV_BLOBS_DIRECTORY.split('/');
    expect(source).toMatch(new RegExp(`["']${dotNetlify}["'],\\s*["']${folder}["']`));
    expect(source).toMatch(/siteID:\s*siteID\s*\?\?\s*["']0["']/);
  });

  it('maps with bounded concurrency, keeping the order', async () => {
    let running = 0;
    let most = 0;
    const result = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (delay) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, delay));
      running -= 1;
      return delay * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
    expect(await mapWithConcurrency([], 8, async () => 1)).toEqual([]);
  });
});

describe('presentation', () => {
  it('writes instants in Paris time, French format', () => {
    expect(formatParisDateTime('2026-03-14T23:30:00.000Z')).toBe('15/03/2026 00:30');
    expect(formatParisDateTime('2026-07-01T08:05:00.000Z')).toBe('01/07/2026 10:05');
  });

  it('aligns columns without padding the last one', () => {
    expect(alignColumns([['a', 'bbb', 'x'], ['cc', 'd', 'yy']])).toEqual(['a   bbb  x', 'cc  d    yy']);
  });

  it('prints SIRETs in groups, and keeps each form’s columns', () => {
    expect(spacedSiret('73282932000074')).toBe('732 829 320 00074');
    expect(spacedSiret('123')).toBe('123');
    expect(csvHeaders('candidature')).toContain('Entreprise');
    expect(csvHeaders('candidature')).not.toContain('Organisation');
    expect(csvHeaders('demande-bon-de-commande')).toContain('Budget (€ HT)');
    expect(csvHeaders('demande-bon-de-commande')).not.toContain('Présentation');
    expect(csvHeaders()).toEqual(expect.arrayContaining(['Entreprise', 'Organisation', 'SIRET']));
  });
});
