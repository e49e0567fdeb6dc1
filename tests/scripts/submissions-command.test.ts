/**
 * `npm run submissions` run for real, as a child process, against a local
 * Netlify Blobs folder laid out as the dev emulation lays it (site ID `0`),
 * seeded through the repository functions the form functions use.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../src/lib/content-model/read-settings.ts';
import { buildCollectionSchemas, toModelContext } from '../../src/lib/content-model/schemas.ts';
import { toParisCalendarDate } from '../../src/lib/format/calendar-date.ts';
import { formatEurosHt } from '../../src/lib/format/money.ts';
import { describeSubmission } from '../../src/lib/forms/describe-submission.ts';
import type { OrderRequest, StartupApplication } from '../../src/lib/forms/form-schemas.ts';
import { recordSendAttempt, saveSubmission, type JsonStore } from '../../src/lib/forms/submission-repository.ts';
import { csvHeaders } from '../../src/lib/submissions-cli/export-csv.ts';
import { validCommitmentData } from '../helpers/form-fixtures.ts';
import { PROJECT_ROOT, TEST_TMP } from '../helpers/paths.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'submissions.ts');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the command with the project's Node, from the project root. */
function runCommand(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const childEnv: Record<string, string | undefined> = { ...process.env, NETLIFY_AUTH_TOKEN: undefined, NETLIFY_BLOBS_CONTEXT: undefined, CONTENT_DIR: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: PROJECT_ROOT, env: childEnv as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const application: StartupApplication = {
  company_name: 'Atelier « Œil & Main », SAS',
  siret: '73282932000074',
  postcode: '68100',
  commune: 'Mulhouse',
  website: 'https://oeil-et-main.example',
  sectors: ['Industrie du futur', 'Santé'],
  technologies: ['Internet des objets'],
  presentation:
    'Nous fabriquons des capteurs "sans fil" pour les ateliers, depuis 2024. Notre équipe de quatre personnes travaille à Mulhouse.\nDeuxième paragraphe : prototypes, études et pilotes.',
  offer_title: 'Prototype de capteur',
  offer_kind: 'prototype',
  offer_price_ht: 12000.5,
  team_size: 4,
  contact_name: 'Jeanne Dupont',
  email: 'jeanne@oeil-et-main.example',
  phone: '+33389123456',
  consent: true,
};

const orderRequest: OrderRequest = {
  organisation: 'Ville de Mulhouse, direction "Achats"',
  buyer_kind: 'public',
  siret: '35600000000048',
  contact_name: 'Paul Martin',
  role: '=1+1',
  email: 'paul.martin@mulhouse.example',
  phone: '+33612345678',
  startup: 'bac-a-sable-cyber',
  kind: 'etude',
  need: 'Une étude de la sécurité des postes des écoles,\navec un rapport et un plan d’action.',
  budget_ht: 9999.99,
  wished_date: '2026-09-01',
  consent: true,
};

/** An application whose sector has since left the settings' list. */
const staleApplication: StartupApplication = {
  ...application,
  company_name: 'Orbites Alsace',
  website: undefined,
  offer_price_ht: undefined,
  sectors: ['Aérospatiale'],
  email: 'contact@orbites.example',
};

let blobsDir: string;
let emptyDir: string;
let contentDir: string;

/** A store on a Blobs server over `directory`, as the dev emulation opens it (site `0`). */
async function withDevLayoutStore(directory: string, use: (store: JsonStore) => Promise<void>): Promise<void> {
  const server = new BlobsServer({ directory, token: 'seed-token' });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  try {
    await use(getStore({ name: 'submissions', siteID: '0', token: 'seed-token', edgeURL: url, uncachedEdgeURL: url, consistency: 'strong' }));
  } finally {
    await server.stop();
  }
}

beforeAll(async () => {
  await mkdir(TEST_TMP, { recursive: true });
  blobsDir = await mkdtemp(join(TEST_TMP, 'submissions-blobs-'));
  emptyDir = await mkdtemp(join(TEST_TMP, 'submissions-empty-'));
  contentDir = await mkdtemp(join(TEST_TMP, 'submissions-content-'));
  await cp(join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
  await withDevLayoutStore(blobsDir, async (store) => {
    const first = await saveSubmission(store, {
      form: 'candidature', nonce: 'nonce-1', data: application, now: new Date('2026-03-14T23:30:00Z'), year: 2026,
      recipients: [{ kind: 'team', to: 'equipe@pbc.example' }, { kind: 'confirmation', to: application.email }],
    });
    await recordSendAttempt(store, first.record.reference, 'team', { sentAt: new Date('2026-03-14T23:31:00Z') });
    await recordSendAttempt(store, first.record.reference, 'confirmation', { sentAt: new Date('2026-03-14T23:31:05Z') });
    const second = await saveSubmission(store, {
      form: 'demande-bon-de-commande', nonce: 'nonce-2', data: orderRequest, now: new Date('2026-07-01T08:05:00Z'), year: 2026,
      recipients: [{ kind: 'team', to: 'equipe@pbc.example' }, { kind: 'startup', to: 'commandes@bac-a-sable-cyber.example' }, { kind: 'confirmation', to: orderRequest.email }],
    });
    await recordSendAttempt(store, second.record.reference, 'team', { error: 'SMTP 421 try again later', final: false });
    await saveSubmission(store, {
      form: 'candidature', nonce: 'nonce-3', data: staleApplication, now: new Date('2026-11-02T10:00:00Z'), year: 2026,
      recipients: [],
    });
  });
});

afterAll(async () => {
  for (const directory of [blobsDir, emptyDir, contentDir]) if (directory) await rm(directory, { recursive: true, force: true });
});

describe('npm run submissions', () => {
  it('lists one line per submission: reference, form, Paris time, status, organisation, e-mail', async () => {
    const { code, stdout, stderr } = await runCommand(['list', '--blobs-dir', blobsDir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((line) => line.split(/ {2,}/));
    expect(lines).toEqual([
      ['PBC-2026-00001', 'Candidature au DAS numérique', '15/03/2026 00:30', 'envoyé', 'Atelier « Œil & Main », SAS', 'jeanne@oeil-et-main.example'],
      ['PBC-2026-00002', 'Demande de premier bon de commande', '01/07/2026 10:05', 'en attente', 'Ville de Mulhouse, direction "Achats"', 'paul.martin@mulhouse.example'],
      ['PBC-2026-00003', 'Candidature au DAS numérique', '02/11/2026 11:00', 'envoyé', 'Orbites Alsace', 'contact@orbites.example'],
    ]);
  });

  it('shows every field with its French label, and the e-mails’ states', async () => {
    const { code, stdout } = await runCommand(['show', 'pbc-2026-00002', '--blobs-dir', blobsDir]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const valueOf = (label: string) => lines.find((line) => line.startsWith(`${label}  `))?.slice(label.length).trim();
    expect(valueOf('Référence')).toBe('PBC-2026-00002');
    expect(valueOf('Reçue le')).toBe('1 juillet 2026 à 10:05 (heure de Paris)');
    for (const [label, value] of describeSubmission('demande-bon-de-commande', orderRequest, 'Bac à Sable Cyber')) {
      expect(valueOf(label), label).toBe(value.split('\n')[0]);
    }
    expect(valueOf('Organisation')).toBe('Ville de Mulhouse, direction "Achats" (Acteur public)');
    expect(valueOf('Startup')).toBe('Bac à Sable Cyber');
    expect(valueOf('Budget')).toBe(formatEurosHt(9999.99));
    expect(valueOf('Date souhaitée')).toBe('1er septembre 2026');
    expect(stdout).toContain('avec un rapport et un plan d’action.');
    expect(stdout).toContain('Équipe du programme → equipe@pbc.example · en attente · 1 tentative · dernière erreur : SMTP 421 try again later');
    expect(stdout).toContain('Startup choisie → commandes@bac-a-sable-cyber.example · en attente · 0 tentative');
  });

  it('shows when each e-mail of a sent submission left', async () => {
    const { code, stdout } = await runCommand(['show', 'PBC-2026-00001', '--blobs-dir', blobsDir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Confirmation au demandeur → jeanne@oeil-et-main.example · envoyé le 15/03/2026 00:31 · 1 tentative');
    expect(stdout).toMatch(/^Prix indicatif {2,}12\u202f000,50\u00a0€\u00a0HT$/m);
  });

  it('exports CSV: BOM, CRLF, French headers, quoted cells, formulas neutralised', async () => {
    const { code, stdout } = await runCommand(['export', '--csv', '--blobs-dir', blobsDir]);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    expect(stdout).toContain('\r\n');
    const [header, ...rows] = parseCsv(stdout, { bom: true }) as string[][];
    expect(header).toEqual(csvHeaders());
    const cells = rows.map((row) => Object.fromEntries((header ?? []).map((name, index) => [name, row[index]])));
    expect(cells).toHaveLength(3);
    expect(cells[0]).toMatchObject({
      Référence: 'PBC-2026-00001',
      Formulaire: 'Candidature au DAS numérique',
      'Reçue le (heure de Paris)': '15/03/2026 00:30',
      'E-mails': 'envoyé',
      Entreprise: 'Atelier « Œil & Main », SAS',
      Organisation: '',
      SIRET: '732 829 320 00074',
      'Code postal': '68100',
      Secteurs: 'Industrie du futur, Santé',
      'Type d’offre': 'Prototype',
      'Prix indicatif (€ HT)': '12000.5',
      Téléphone: '03 89 12 34 56',
      Présentation: application.presentation,
    });
    expect(cells[1]).toMatchObject({
      Organisation: 'Ville de Mulhouse, direction "Achats"',
      'Type d’acheteur': 'Acteur public',
      Fonction: "'=1+1",
      Startup: 'Bac à Sable Cyber',
      'Budget (€ HT)': '9999.99',
      'Date souhaitée': '2026-09-01',
      Besoin: orderRequest.need,
      'E-mails': 'en attente',
    });
  });

  it('exports one form to a file, semicolon-separated with decimal commas', async () => {
    const output = join(emptyDir, 'demandes.csv');
    const { code, stdout } = await runCommand(['export', '--csv', '--form', 'demande-bon-de-commande', '--semicolon', '--output', output, '--blobs-dir', blobsDir]);
    expect(code).toBe(0);
    expect(stdout).toBe(`1 submission written to ${output}\n`);
    const [header, ...rows] = parseCsv(await readFile(output, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual(csvHeaders('demande-bon-de-commande'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[header?.indexOf('Budget (€ HT)') ?? -1]).toBe('9999,99');
    expect(rows[0]?.[0]).toBe('PBC-2026-00002');
  });

  it('drafts a valid startup entry from an application, and never overwrites it', async () => {
    const before = toParisCalendarDate(new Date());
    const { code, stdout, stderr } = await runCommand(['startup-draft', 'PBC-2026-00001', '--blobs-dir', blobsDir], { CONTENT_DIR: contentDir });
    const after = toParisCalendarDate(new Date());
    expect(stderr).toContain('draft: true');
    expect(code).toBe(0);
    const path = join(contentDir, 'startups', 'atelier-oeil-et-main-sas.md');
    expect(join(PROJECT_ROOT, stdout.trim())).toBe(path);
    const { frontmatter, content } = parseFrontmatter(await readFile(path, 'utf8'));
    const schema = buildCollectionSchemas(toModelContext(readSiteSettings(contentDir))).startups;
    const result = schema.safeParse(frontmatter);
    expect(result.error?.issues).toBeUndefined();
    expect(frontmatter).toEqual({
      name: 'Atelier « Œil & Main », SAS',
      tagline: 'Nous fabriquons des capteurs "sans fil" pour les ateliers, depuis 2024.',
      sectors: ['Industrie du futur', 'Santé'],
      technologies: ['Internet des objets'],
      offers: [{ title: 'Prototype de capteur', kind: 'prototype', price_ht: 12000.5 }],
      commune: 'Mulhouse',
      postcode: '68100',
      website: 'https://oeil-et-main.example',
      siren: '732829320',
      member_since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      order_contact_email: 'jeanne@oeil-et-main.example',
      draft: true,
    });
    expect([before, after]).toContain(frontmatter['member_since']);
    expect(content.trim()).toBe(application.presentation);

    const again = await runCommand(['startup-draft', 'PBC-2026-00001', '--blobs-dir', blobsDir], { CONTENT_DIR: contentDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses to draft a startup from an order request, or from an application the schema now rejects', async () => {
    const order = await runCommand(['startup-draft', 'PBC-2026-00002', '--blobs-dir', blobsDir], { CONTENT_DIR: contentDir });
    expect(order.code).toBe(1);
    expect(order.stderr).toContain('not an application');
    const stale = await runCommand(['startup-draft', 'PBC-2026-00003', '--blobs-dir', blobsDir], { CONTENT_DIR: contentDir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/sectors\.0 : /);
    expect(existsSync(join(contentDir, 'startups', 'orbites-alsace.md'))).toBe(false);
  });

  it('says when a reference is unknown, the store empty or missing', async () => {
    const unknown = await runCommand(['show', 'PBC-2026-00099', '--blobs-dir', blobsDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown reference PBC-2026-00099');
    const empty = await runCommand(['list', '--blobs-dir', emptyDir]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('No submissions');
    const missing = await runCommand(['list', '--blobs-dir', join(emptyDir, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such folder');
  });

  it('exits 2 on a wrong command line and 1 on a site without token', async () => {
    const wrong = [[], ['show', 'foo'], ['export'], ['list', '--csv']];
    const [site, help, ...runs] = await Promise.all([['list', '--site', 'some-site-id'], ['--help'], ...wrong].map((args) => runCommand(args)));
    runs.forEach((run, index) => {
      expect(run?.code, wrong[index]?.join(' ')).toBe(2);
      expect(run?.stderr).toContain('Usage: npm run submissions');
    });
    expect(site?.code).toBe(1);
    expect(site?.stderr).toContain('NETLIFY_AUTH_TOKEN');
    expect(help?.code).toBe(0);
    expect(help?.stdout).toContain('startup-draft REF');
  });
});

describe('npm run submissions: buyer-draft', () => {
  it('drafts a buyer entry from a commitment that the build accepts, never overwrites it, and refuses another form', async () => {
    const store = await mkdtemp(join(TEST_TMP, 'submissions-commitment-'));
    const commitment = validCommitmentData();
    await withDevLayoutStore(store, async (seeded) => {
      await saveSubmission(seeded, { form: 'engagement-acheteur', nonce: 'nonce-c', data: commitment, now: new Date('2026-09-01T08:00:00Z'), year: 2026, recipients: [] });
      await saveSubmission(seeded, { form: 'candidature', nonce: 'nonce-a', data: application, now: new Date('2026-09-01T09:00:00Z'), year: 2026, recipients: [] });
    });
    const { code, stdout, stderr } = await runCommand(['buyer-draft', 'PBC-2026-00001', '--blobs-dir', store], { CONTENT_DIR: contentDir });
    expect(stderr).toContain('draft: true');
    expect(code).toBe(0);
    const path = join(contentDir, 'buyers', 'fonderie-rhin-et-doller.md');
    expect(join(PROJECT_ROOT, stdout.trim())).toBe(path);
    const { frontmatter } = parseFrontmatter(await readFile(path, 'utf8'));
    expect(buildCollectionSchemas(toModelContext(readSiteSettings(contentDir))).buyers.safeParse(frontmatter).error?.issues).toBeUndefined();
    expect(frontmatter).toMatchObject({ name: 'Fonderie « Rhin & Doller »', kind: 'pme-eti', commitment_kind: 'engagement-moral', contact_role: 'Directeur des achats', draft: true });
    const again = await runCommand(['buyer-draft', 'PBC-2026-00001', '--blobs-dir', store], { CONTENT_DIR: contentDir });
    expect([again.code, again.stderr.includes('already exists')]).toEqual([1, true]);
    const wrongForm = await runCommand(['buyer-draft', 'PBC-2026-00002', '--blobs-dir', store], { CONTENT_DIR: contentDir });
    expect([wrongForm.code, wrongForm.stderr.includes("not a buyer's commitment")]).toEqual([1, true]);
    await rm(store, { recursive: true, force: true });
  });
});

describe('npm run submissions: right of access and erasure', () => {
  // Last in this file: it erases a submission the tests above read.
  it('personal-data prints every submission of the address as JSON; erase shows, then with --confirm erases (so the dry run kept it), only that address', async () => {
    const access = await runCommand(['personal-data', 'Paul.Martin@Mulhouse.example', '--blobs-dir', blobsDir]);
    expect(access.code).toBe(0);
    const found = JSON.parse(access.stdout) as { email: string; submissions: { reference: string; data: OrderRequest }[]; spam: unknown[] };
    expect(found.email).toBe('Paul.Martin@Mulhouse.example');
    expect(found.submissions.map((record) => [record.reference, record.data.contact_name, record.data.phone])).toEqual([['PBC-2026-00002', 'Paul Martin', '+33612345678']]);
    expect(found.spam).toEqual([]);
    expect(access.stderr).toContain('1 submission(s) and 0 spam entries for Paul.Martin@Mulhouse.example');

    const dryRun = await runCommand(['erase', 'paul.martin@mulhouse.example', '--blobs-dir', blobsDir]);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/^Would erase 1 submission\(s\) \(PBC-2026-00002\) and 0 spam entries for paul\.martin@mulhouse\.example from .+\. Nothing erased: add --confirm to erase\.\n$/);

    const erased = await runCommand(['erase', 'paul.martin@mulhouse.example', '--confirm', '--blobs-dir', blobsDir]);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/^Erased 1 submission\(s\) \(PBC-2026-00002\) and 0 spam entries for paul\.martin@mulhouse\.example from /);
    const listed = (await runCommand(['list', '--blobs-dir', blobsDir])).stdout;
    expect(listed).not.toContain('PBC-2026-00002');
    expect(listed).toContain('PBC-2026-00001');
  });
});
