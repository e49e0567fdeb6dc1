import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../../src/lib/content-model/read-settings.ts';
import { buildCollectionSchemas, toModelContext } from '../../../src/lib/content-model/schemas.ts';
import { findSirenProblem } from '../../../src/lib/identifiers/siren.ts';
import { fictitiousSiren, generateSampleContent } from '../../../src/lib/sample-content/generate-sample-content.ts';
import { PROJECT_ROOT } from '../../helpers/paths.ts';

const settings = readSiteSettings(join(PROJECT_ROOT, 'content'));
const schemas = buildCollectionSchemas(toModelContext(settings));
const SIZE = { startups: 60, buyers: 12, orders: 40, seed: 7 };

function parseAll(files: ReturnType<typeof generateSampleContent>) {
  return files.map((file) => {
    const [folder, name] = file.path.split('/') as [keyof typeof schemas, string];
    const { frontmatter, content } = parseFrontmatter(file.content);
    return { folder, slug: name.replace(/\.md$/, ''), frontmatter, body: content };
  });
}

describe('generateSampleContent', () => {
  const files = generateSampleContent(SIZE, settings);
  const entries = parseAll(files);

  it('writes the requested number of entries of each collection', () => {
    expect(['startups', 'buyers', 'orders'].map((folder) => entries.filter((entry) => entry.folder === folder).length)).toEqual([60, 12, 40]);
  });

  it('writes entries that the build schemas accept, with a body and an ASCII kebab-case file name', () => {
    for (const entry of entries) {
      const result = schemas[entry.folder].safeParse(entry.frontmatter);
      expect(result.success, `${entry.folder}/${entry.slug}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      expect(entry.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(entry.body).toMatch(/fictive|fictif/);
    }
  });

  it('marks startups as fictitious samples, with .example addresses and distinct valid SIRENs', () => {
    const startups = entries.filter((entry) => entry.folder === 'startups').map((entry) => entry.frontmatter);
    expect(startups.every((startup) => startup['sample'] === true && String(startup['name']).includes('(fictive n° '))).toBe(true);
    expect(startups.every((startup) => String(startup['order_contact_email']).endsWith('.example'))).toBe(true);
    const sirens = startups.map((startup) => String(startup['siren']));
    expect(new Set(sirens).size).toBe(60);
    expect(sirens.every((siren) => siren.startsWith('999') && findSirenProblem(siren) === undefined)).toBe(true);
  });

  it('names existing startups and buyers in orders, after both joined', () => {
    const dates = new Map(entries.map((entry) => [entry.slug, String(entry.frontmatter['member_since'] ?? entry.frontmatter['committed_on'])]));
    for (const order of entries.filter((entry) => entry.folder === 'orders').map((entry) => entry.frontmatter)) {
      const startupJoined = dates.get(String(order['startup']));
      const buyerSigned = dates.get(String(order['buyer']));
      expect(startupJoined).toBeDefined();
      expect(buyerSigned).toBeDefined();
      expect(String(order['ordered_on']) >= startupJoined! && String(order['ordered_on']) >= buyerSigned!).toBe(true);
      expect(order['amount_ht']).toBeLessThanOrEqual(settings.order_ceiling_ht);
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(generateSampleContent(SIZE, settings)).toEqual(files);
    expect(generateSampleContent({ ...SIZE, seed: 8 }, settings)).not.toEqual(files);
  });

  it.each([
    [{ ...SIZE, startups: -1 }, '--startups : nombre entier positif attendu (reçu -1).'],
    [{ ...SIZE, buyers: 1.5 }, '--buyers : nombre entier positif attendu (reçu 1.5).'],
    [{ ...SIZE, buyers: 0 }, '--orders : des bons de commande demandent au moins une startup et un acheteur.'],
  ])('refuses %o', (size, message) => {
    expect(() => generateSampleContent(size, settings)).toThrow(message);
  });
});

describe('fictitiousSiren', () => {
  it.each([
    [1, '999000011'],
    [99_999, '999999998'],
  ])('%i → %s', (index, siren) => {
    expect(fictitiousSiren(index)).toBe(siren);
    expect(findSirenProblem(siren)).toBeUndefined();
  });

  it('refuses an index past the range', () => {
    expect(() => fictitiousSiren(100_000)).toThrow('plage de SIREN fictifs épuisée');
  });
});
