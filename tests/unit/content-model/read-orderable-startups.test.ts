import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readOrderableStartups } from '../../../src/lib/content-model/read-orderable-startups.ts';
import { context, validStartup } from './fixtures.ts';

let root: string;

async function writeStartup(slug: string, data: Record<string, unknown>): Promise<void> {
  await writeFile(join(root, 'startups', `${slug}.md`), `---\n${stringify(data)}---\n\nPrésentation.\n`);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'orderable-'));
  await mkdir(join(root, 'startups'));
  await writeStartup('zebre-robotique', { ...validStartup(), name: 'Zèbre Robotique', order_contact_email: 'commandes@zebre-robotique.fr' });
  await writeStartup('ecole-numerique', { ...validStartup(), name: 'École Numérique', order_contact_email: 'commandes@ecole-numerique.fr' });
  await writeStartup('exemple-fictif', { ...validStartup(), name: 'Exemple Fictif', sample: true, order_contact_email: 'commandes@exemple-fictif.example' });
  await writeStartup('brouillon', { ...validStartup(), name: 'Brouillon', draft: true });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('readOrderableStartups', () => {
  it('offers published real startups sorted in French: no draft, no fictional sample', async () => {
    expect(await readOrderableStartups(root, context)).toEqual([
      { slug: 'ecole-numerique', name: 'École Numérique', orderContactEmail: 'commandes@ecole-numerique.fr' },
      { slug: 'zebre-robotique', name: 'Zèbre Robotique', orderContactEmail: 'commandes@zebre-robotique.fr' },
    ]);
  });
});
