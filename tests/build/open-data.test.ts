/**
 * Open-data files in the build output: they parse (JSON.parse, csv-parse), hold
 * exactly the published entries of the content folder, only public columns, and
 * never a private e-mail. Checked on the real content and on the fixture with orders.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOrdersFixtureOnce, ORDERS_FIXTURE as FIXTURE } from '../helpers/fixture-site.ts';
import { listFiles, readPage, textOf } from '../helpers/dist-files.ts';
import { PROJECT_ROOT, REAL_SITE_DIST } from '../helpers/paths.ts';

let fixtureDist = '';

const FILES = [
  { name: 'startups', folder: 'startups' },
  { name: 'acheteurs', folder: 'buyers' },
  { name: 'bons-de-commande', folder: 'orders' },
] as const;

type Row = Record<string, unknown>;

/** Front matter of every entry of a content folder, by slug. */
async function readEntries(contentDir: string, folder: string): Promise<Map<string, Record<string, unknown>>> {
  const files = (await listFiles(join(contentDir, folder))).filter((file) => file.endsWith('.md'));
  const entries = await Promise.all(
    files.map(async (file) => [file.replace(/\.md$/, ''), parseFrontmatter(await readFile(join(contentDir, folder, file), 'utf8')).frontmatter] as const),
  );
  return new Map(entries);
}

async function publishedSlugs(contentDir: string, folder: string): Promise<string[]> {
  return [...(await readEntries(contentDir, folder))].filter(([, data]) => data['draft'] !== true).map(([slug]) => slug).sort();
}

async function privateEmails(contentDir: string): Promise<string[]> {
  return [...(await readEntries(contentDir, 'startups')).values()].map((data) => String(data['order_contact_email']));
}

async function readJson(dist: string, name: string): Promise<Row[]> {
  return JSON.parse(await readFile(join(dist, 'donnees', `${name}.json`), 'utf8')) as Row[];
}

async function readCsv(dist: string, name: string): Promise<Row[]> {
  return parse(await readFile(join(dist, 'donnees', `${name}.csv`), 'utf8'), { columns: true }) as Row[];
}

async function expectExactlyPublished(dist: string, contentDir: string): Promise<void> {
  for (const file of FILES) {
    const expected = await publishedSlugs(contentDir, file.folder);
    const json = await readJson(dist, file.name);
    const csv = await readCsv(dist, file.name);
    expect(json.map((row) => row['slug']).sort(), file.name).toEqual(expected);
    expect(csv.map((row) => row['slug']).sort(), file.name).toEqual(expected);
    expect(Object.keys(csv[0] ?? {}), file.name).toEqual(Object.keys(json[0] ?? {}));
  }
}

async function expectNoPrivateField(dist: string, contentDir: string): Promise<void> {
  const secrets = await privateEmails(contentDir);
  expect(secrets.length).toBeGreaterThan(0);
  const files = await listFiles(join(dist, 'donnees'));
  expect(files.length).toBe(9);
  for (const file of files) {
    const content = await readFile(join(dist, 'donnees', file), 'utf8');
    expect(content).not.toContain('order_contact_email');
    for (const secret of secrets) expect(content.includes(secret), `${secret} in ${file}`).toBe(false);
  }
}

describe('open data of the real content', () => {
  it('holds exactly the published startups, buyers and orders, in JSON and CSV', async () => {
    await expectExactlyPublished(REAL_SITE_DIST, join(PROJECT_ROOT, 'content'));
    const startups = await readJson(REAL_SITE_DIST, 'startups');
    expect(startups.every((row) => row['sample'] === true)).toBe(true);
    expect(startups.find((row) => row['slug'] === 'demo-capteurs-rhin')).toMatchObject({
      name: 'Démo Capteurs Rhin',
      postcode: '68100',
      siren: '999900129',
      member_since: '2024-03-15',
      sectors: ['Industrie du futur', 'Énergie et environnement'],
      url: 'https://premiers-bons-de-commande.netlify.app/startups/demo-capteurs-rhin/',
    });
    const offers = await readCsv(REAL_SITE_DIST, 'offres');
    expect(offers).toContainEqual({
      startup: 'demo-capteurs-rhin',
      title: 'Prototype de suivi des vibrations sur une machine',
      kind: 'prototype',
      price_ht: '12000',
      description: 'Pose de capteurs sur une machine choisie, collecte des mesures pendant six semaines et tableau de bord simple pour repérer les dérives.',
      sample: 'true',
    });
  });

  it('publishes no private field', async () => {
    await expectNoPrivateField(REAL_SITE_DIST, join(PROJECT_ROOT, 'content'));
  });

  it('documents each file, its fields and the licence on /donnees/', async () => {
    const text = textOf(await readPage(REAL_SITE_DIST, '/donnees/'));
    expect(text).toContain('Licence : Licence Ouverte / Open Licence version 2.0');
    expect(await readPage(REAL_SITE_DIST, '/donnees/')).toContain('href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"');
    for (const name of ['startups', 'offres', 'acheteurs', 'bons-de-commande']) {
      expect(text).toContain(`/donnees/${name}.json (JSON)`);
      expect(text).toContain(`/donnees/${name}.csv (CSV)`);
    }
    expect(text).toContain('member_since date AAAA-MM-JJ (jour calendaire, Europe/Paris) Membre du DAS depuis le');
    expect(text).toContain('amount_ht nombre décimal euros HT, point décimal Montant (€ HT)');
    expect(text).toContain('kind texte codé une des valeurs ci-contre prototype : Prototype etude : Étude pilote : Pilote Type');
    expect(text).not.toContain('order_contact_email');
  });
});

describe('open data of a fixture with orders and a draft', () => {
  beforeAll(async () => {
    fixtureDist = await buildOrdersFixtureOnce();
  });

  it('holds exactly the published entries and leaves the draft out', async () => {
    await expectExactlyPublished(fixtureDist, FIXTURE);
    expect((await readJson(fixtureDist, 'startups')).map((row) => row['slug'])).toEqual(['atelier-test']);
  });

  it('gives orders their amounts in euros HT, Paris dates and both parties', async () => {
    const orders = await readJson(fixtureDist, 'bons-de-commande');
    expect(orders).toEqual([
      {
        slug: 'commande-deux',
        title: 'Étude de faisabilité',
        buyer: 'acheteur-test',
        startup: 'atelier-test',
        kind: 'etude',
        amount_ht: 15000,
        ordered_on: '2026-01-01',
        status: 'signe',
        testimonial: null,
        testimonial_author: null,
        buyer_name: 'Acheteur Test',
        startup_name: 'Atelier Test',
      },
      {
        slug: 'commande-un',
        title: 'Prototype de capteur',
        buyer: 'acheteur-test',
        startup: 'atelier-test',
        kind: 'prototype',
        amount_ht: 14999.5,
        ordered_on: '2025-03-15',
        status: 'livre',
        testimonial: 'Un essai utile : nous continuons !',
        testimonial_author: 'Responsable des achats',
        buyer_name: 'Acheteur Test',
        startup_name: 'Atelier Test',
      },
    ]);
    const csv = await readCsv(fixtureDist, 'bons-de-commande');
    expect(csv.map((row) => [row['slug'], row['amount_ht'], row['ordered_on'], row['testimonial']])).toEqual([
      ['commande-deux', '15000', '2026-01-01', ''],
      ['commande-un', '14999.5', '2025-03-15', 'Un essai utile : nous continuons !'],
    ]);
    const [startup] = await readCsv(fixtureDist, 'startups');
    expect(startup).toMatchObject({ slug: 'atelier-test', technologies: '', website: '', public_contact_email: '', sample: 'false' });
  });

  it('publishes no private field', async () => {
    await expectNoPrivateField(fixtureDist, FIXTURE);
  });
});
