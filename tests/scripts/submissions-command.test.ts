/**
 * `npm run submissions` run for real, as a child process (`node
 * scripts/submissions.ts`, what the npm script runs; once through npm itself), against a database
 * of the test run's PostgreSQL server (`--database-url`), seeded with rows as
 * the forms store them.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parse as parseCsv } from 'csv-parse/sync';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../src/lib/content-model/read-settings.ts';
import { buildCollectionSchemas, toModelContext } from '../../src/lib/content-model/schemas.ts';
import { toParisCalendarDate } from '../../src/lib/format/calendar-date.ts';
import { formatEurosHt } from '../../src/lib/format/money.ts';
import { describeSubmission, type OrderRequest, type StartupApplication } from '../../src/lib/forms/definitions/index.ts';
import type { PersonalData } from '../../src/lib/forms/store/personal-data.ts';
import { csvHeaders } from '../../src/lib/submissions-cli/export-csv.ts';
import { writeDevDatabaseUrl } from '../../scripts/lib/dev-database-url.ts';
import { validCommitmentData } from '../helpers/form-fixtures.ts';
import { PROJECT_ROOT, TEST_TMP } from '../helpers/paths.ts';
import { createTestDatabase, seedSubmission } from '../helpers/seed-submissions.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'submissions.ts');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run the command with the project's Node, from the project root: `node scripts/submissions.ts`, what
 * `npm run submissions` runs (one test goes through npm, `runThroughNpm`; npm's own start costs about 0.3 CPU-s).
 */
function runCommand(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return runProcess(process.execPath, [SCRIPT, ...args], env);
}

/** `npm run submissions -- <args>`, from the project root. */
function runThroughNpm(args: readonly string[]): Promise<Run> {
  return runProcess('npm', ['run', '--silent', 'submissions', '--', ...args], {});
}

function runProcess(command: string, args: readonly string[], env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: Record<string, string | undefined> = { ...process.env, NETLIFY_DB_URL: undefined, CONTENT_DIR: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: childEnv as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
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
  website: 'https://oeil-et-main.fr',
  sectors: ['Industrie du futur', 'Santé'],
  technologies: ['Internet des objets'],
  presentation:
    'Nous fabriquons des capteurs "sans fil" pour les ateliers, depuis 2024. Notre équipe de quatre personnes travaille à Mulhouse.\nDeuxième paragraphe : prototypes, études et pilotes.',
  offer_title: 'Prototype de capteur',
  offer_kind: 'prototype',
  offer_price_ht: 12000.5,
  team_size: 4,
  contact_name: 'Jeanne Dupont',
  email: 'jeanne@oeil-et-main.fr',
  phone: '+33389123456',
  consent: true,
};

const orderRequest: OrderRequest = {
  organisation: 'Ville de Mulhouse, direction "Achats"',
  buyer_kind: 'public',
  siret: '35600000000048',
  contact_name: 'Paul Martin',
  role: '=1+1',
  email: 'paul.martin@mulhouse.fr',
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
  email: 'contact@orbites.fr',
};

let databaseUrl: string;
let database: pg.Pool;
let emptyUrl: string;
let emptyPool: pg.Pool;
let scratchDir: string;
let contentDir: string;

const TEAM = 'equipe@pbc.example';
const STARTUP_ADDRESS = 'commandes@bac-a-sable-cyber.example';

beforeAll(async () => {
  await mkdir(TEST_TMP, { recursive: true });
  ({ url: databaseUrl, pool: database } = await createTestDatabase());
  ({ url: emptyUrl, pool: emptyPool } = await createTestDatabase());
  scratchDir = await mkdtemp(join(TEST_TMP, 'submissions-scratch-'));
  contentDir = await mkdtemp(join(TEST_TMP, 'submissions-content-'));
  await cp(join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
  await seedSubmission(database, {
    reference: 'PBC-2026-00001', form: 'candidature', receivedAt: '2026-03-14T23:30:00Z', data: application,
    messages: [
      { kind: 'team', recipient: TEAM, status: 'sent', attempts: 1, sentAt: '2026-03-14T23:31:00Z' },
      { kind: 'confirmation', recipient: application.email, status: 'sent', attempts: 1, sentAt: '2026-03-14T23:31:05Z' },
    ],
  });
  await seedSubmission(database, {
    reference: 'PBC-2026-00002', form: 'demande-bon-de-commande', receivedAt: '2026-07-01T08:05:00Z', data: orderRequest,
    messages: [
      { kind: 'team', recipient: TEAM, status: 'pending', attempts: 1, lastError: 'SMTP 421 try again later' },
      { kind: 'startup', recipient: STARTUP_ADDRESS, status: 'pending' },
      { kind: 'confirmation', recipient: orderRequest.email, status: 'held', heldReason: 'recipient-cap' },
    ],
  });
  await seedSubmission(database, {
    reference: 'PBC-2026-00003', form: 'candidature', receivedAt: '2026-11-02T10:00:00Z', data: staleApplication,
    messages: [
      { kind: 'team', recipient: TEAM, status: 'sent', attempts: 1, sentAt: '2026-11-02T10:00:01Z' },
      { kind: 'confirmation', recipient: staleApplication.email, status: 'failed', attempts: 1, lastError: '550 5.1.1 mailbox unavailable' },
    ],
  });
});

afterAll(async () => {
  await database?.end();
  await emptyPool?.end();
  for (const directory of [scratchDir, contentDir]) if (directory) await rm(directory, { recursive: true, force: true });
});

/** The arguments plus `--database-url` of the seeded database. */
function on(...args: string[]): string[] {
  return [...args, '--database-url', databaseUrl];
}

describe('npm run submissions', () => {
  it('lists one line per submission: reference, form, Paris time, status, organisation, e-mail', async () => {
    const { code, stdout, stderr } = await runCommand(on('list'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((line) => line.split(/ {2,}/));
    expect(lines).toEqual([
      ['PBC-2026-00001', 'Candidature au DAS numérique', '15/03/2026 00:30', 'envoyé', 'Atelier « Œil & Main », SAS', 'jeanne@oeil-et-main.fr'],
      ['PBC-2026-00002', 'Demande de premier bon de commande', '01/07/2026 10:05', 'en attente', 'Ville de Mulhouse, direction "Achats"', 'paul.martin@mulhouse.fr'],
      ['PBC-2026-00003', 'Candidature au DAS numérique', '02/11/2026 11:00', 'échec', 'Orbites Alsace', 'contact@orbites.fr'],
    ]);
  });

  it('shows every field with its French label, and each e-mail’s state: status, held reason, attempts, last error', async () => {
    const { code, stdout } = await runCommand(on('show', 'pbc-2026-00002'));
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const valueOf = (label: string) => lines.find((line) => line.startsWith(`${label}  `))?.slice(label.length).trim();
    expect(valueOf('Référence')).toBe('PBC-2026-00002');
    expect(valueOf('Reçue le')).toBe('1 juillet 2026 à 10:05 (heure de Paris)');
    for (const [label, value] of describeSubmission('demande-bon-de-commande', orderRequest, { startups: [{ slug: 'bac-a-sable-cyber', name: 'Bac à Sable Cyber' }] })) {
      expect(valueOf(label), label).toBe(value.split('\n')[0]);
    }
    expect(valueOf('Organisation')).toBe('Ville de Mulhouse, direction "Achats" (Acteur public)');
    expect(valueOf('Startup')).toBe('Bac à Sable Cyber');
    expect(valueOf('Budget')).toBe(formatEurosHt(9999.99));
    expect(valueOf('Date souhaitée')).toBe('1er septembre 2026');
    expect(stdout).toContain('avec un rapport et un plan d’action.');
    expect(valueOf('E-mails')).toBe('en attente');
    expect(stdout.slice(stdout.indexOf('Envoi des e-mails :')).trimEnd().split('\n')).toEqual([
      'Envoi des e-mails :',
      '  Équipe du programme → equipe@pbc.example · en attente · 1 tentative · dernière erreur : SMTP 421 try again later',
      '  Startup choisie → commandes@bac-a-sable-cyber.example · en attente · 0 tentative',
      '  Confirmation au demandeur → paul.martin@mulhouse.fr · retenu : cette adresse a déjà reçu aujourd’hui le nombre maximal de messages de ce type · 0 tentative',
    ]);
  });

  it('shows when each e-mail of a sent submission left', async () => {
    const { code, stdout } = await runCommand(on('show', 'PBC-2026-00001'));
    expect(code).toBe(0);
    expect(stdout).toContain('Confirmation au demandeur → jeanne@oeil-et-main.fr · envoyé le 15/03/2026 00:31 · 1 tentative');
    expect(stdout).toMatch(/^Prix indicatif {2,}12\u202f000,50\u00a0€\u00a0HT$/m);
  });

  it('shows an e-mail refused for good, with its error', async () => {
    const { code, stdout } = await runCommand(on('show', 'PBC-2026-00003'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^E-mails {2,}échec$/m);
    expect(stdout).toContain('Confirmation au demandeur → contact@orbites.fr · échec · 1 tentative · dernière erreur : 550 5.1.1 mailbox unavailable');
  });

  it('exports CSV: BOM, CRLF, French headers, quoted cells, formulas neutralised', async () => {
    const { code, stdout } = await runCommand(on('export', '--csv'));
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
    const output = join(scratchDir, 'demandes.csv');
    const { code, stdout } = await runCommand(on('export', '--csv', '--form', 'demande-bon-de-commande', '--semicolon', '--output', output));
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
    const { code, stdout, stderr } = await runCommand(on('startup-draft', 'PBC-2026-00001'), { CONTENT_DIR: contentDir });
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
      website: 'https://oeil-et-main.fr',
      siren: '732829320',
      member_since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      order_contact_email: 'jeanne@oeil-et-main.fr',
      draft: true,
    });
    expect([before, after]).toContain(frontmatter['member_since']);
    expect(content.trim()).toBe(application.presentation);

    const again = await runCommand(on('startup-draft', 'PBC-2026-00001'), { CONTENT_DIR: contentDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses to draft a startup from an order request, or from an application the schema now rejects', async () => {
    const order = await runCommand(on('startup-draft', 'PBC-2026-00002'), { CONTENT_DIR: contentDir });
    expect(order.code).toBe(1);
    expect(order.stderr).toContain('not an application');
    const stale = await runCommand(on('startup-draft', 'PBC-2026-00003'), { CONTENT_DIR: contentDir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/sectors\.0 : /);
    expect(existsSync(join(contentDir, 'startups', 'orbites-alsace.md'))).toBe(false);
  });

  it('says when a reference is unknown or the database empty, names the database without its password, and fails on an unreachable one', async () => {
    const unknown = await runCommand(on('show', 'PBC-2026-00099'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown reference PBC-2026-00099');
    const withPassword = new URL(emptyUrl);
    withPassword.password = 'mot-de-passe-secret';
    const empty = await runCommand(['list', '--database-url', withPassword.toString()]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe(`No submissions in the database postgres://${withPassword.host}${withPassword.pathname} (--database-url).\n`);
    const unreachable = await runCommand(['list', '--database-url', 'postgres://postgres:mot-de-passe-secret@127.0.0.1:9/absente']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^Error: .*ECONNREFUSED/);
    expect(unreachable.stderr + empty.stderr).not.toContain('mot-de-passe-secret');
  });

  it('reads NETLIFY_DB_URL when no --database-url is given, and --database-url first', async () => {
    const fromEnvironment = await runCommand(['list'], { NETLIFY_DB_URL: databaseUrl });
    expect(fromEnvironment.code).toBe(0);
    expect(fromEnvironment.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, 14))).toEqual(['PBC-2026-00001', 'PBC-2026-00002', 'PBC-2026-00003']);
    const optionFirst = await runCommand(['list', '--database-url', emptyUrl], { NETLIFY_DB_URL: databaseUrl });
    expect([optionFirst.code, optionFirst.stdout, optionFirst.stderr.includes('(--database-url)')]).toEqual([0, '', true]);
    const emptyFromEnvironment = await runCommand(['list'], { NETLIFY_DB_URL: emptyUrl });
    expect(emptyFromEnvironment.stderr).toMatch(/^No submissions in the database postgres:\/\/.+ \(NETLIFY_DB_URL\)\.\n$/);
  });

  it('reads the running `npm run dev`’s database under DEV_DATA_ROOT when it is set', async () => {
    const dataRoot = await mkdtemp(join(TEST_TMP, 'submissions-data-root-'));
    try {
      // As a running `npm run dev` started with this DEV_DATA_ROOT leaves it (this test process stands for it).
      await writeDevDatabaseUrl(dataRoot, databaseUrl);
      const run = await runCommand(['list'], { DEV_DATA_ROOT: dataRoot });
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, 14))).toEqual(['PBC-2026-00001', 'PBC-2026-00002', 'PBC-2026-00003']);
      await writeDevDatabaseUrl(dataRoot, emptyUrl);
      const empty = await runCommand(['list'], { DEV_DATA_ROOT: dataRoot });
      expect(empty.stderr).toBe(`No submissions in the local database of the running \`npm run dev\` (${relative(PROJECT_ROOT, join(dataRoot, '.netlify', 'db'))}).\n`);
    } finally {
      await rm(dataRoot, { recursive: true, force: true });
    }
  });

  // Which command lines are wrong is checked without a process, on `parseInvocation` (submissions-cli-logic.test.ts):
  // the command answers all of them the same way, proven here on one.
  it('exits 2 on a wrong command line, and prints its help through `npm run submissions -- --help`', async () => {
    const [help, wrong] = await Promise.all([runThroughNpm(['--help']), runCommand([])]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Usage: npm run submissions');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('startup-draft REF');
    expect(help.stdout).toContain('--database-url URL');
  });
});

describe('npm run submissions: buyer-draft', () => {
  it('drafts a buyer entry from a commitment that the build accepts, never overwrites it, and refuses another form', async () => {
    const commitments = await createTestDatabase();
    const commitment = validCommitmentData();
    await seedSubmission(commitments.pool, { reference: 'PBC-2026-00001', form: 'engagement-acheteur', receivedAt: '2026-09-01T08:00:00Z', data: commitment });
    await seedSubmission(commitments.pool, { reference: 'PBC-2026-00002', form: 'candidature', receivedAt: '2026-09-01T09:00:00Z', data: application });
    await commitments.pool.end();
    const { code, stdout, stderr } = await runCommand(['buyer-draft', 'PBC-2026-00001', '--database-url', commitments.url], { CONTENT_DIR: contentDir });
    expect(stderr).toContain('draft: true');
    expect(code).toBe(0);
    const path = join(contentDir, 'buyers', 'fonderie-rhin-et-doller.md');
    expect(join(PROJECT_ROOT, stdout.trim())).toBe(path);
    const { frontmatter } = parseFrontmatter(await readFile(path, 'utf8'));
    expect(buildCollectionSchemas(toModelContext(readSiteSettings(contentDir))).buyers.safeParse(frontmatter).error?.issues).toBeUndefined();
    expect(frontmatter).toMatchObject({ name: 'Fonderie « Rhin & Doller »', kind: 'pme-eti', commitment_kind: 'engagement-moral', contact_role: 'Directeur des achats', draft: true });
    const again = await runCommand(['buyer-draft', 'PBC-2026-00001', '--database-url', commitments.url], { CONTENT_DIR: contentDir });
    expect([again.code, again.stderr.includes('already exists')]).toEqual([1, true]);
    const wrongForm = await runCommand(['buyer-draft', 'PBC-2026-00002', '--database-url', commitments.url], { CONTENT_DIR: contentDir });
    expect([wrongForm.code, wrongForm.stderr.includes("not a buyer's commitment")]).toEqual([1, true]);
  });
});

describe('npm run submissions: right of access and erasure', () => {
  // Last in this file: it erases a submission the tests above read.
  it('personal-data prints every submission of the address and the e-mails addressed to it as JSON; erase shows, then with --confirm erases (so the dry run kept it), only that address', async () => {
    const access = await runCommand(on('personal-data', 'Paul.Martin@Mulhouse.fr'));
    expect(access.code).toBe(0);
    const found = JSON.parse(access.stdout) as PersonalData;
    expect(found.email).toBe('Paul.Martin@Mulhouse.fr');
    expect(found.submissions.map((record) => [record.reference, (record.data as OrderRequest).contact_name, (record.data as OrderRequest).phone, record.messages.length])).toEqual([
      ['PBC-2026-00002', 'Paul Martin', '+33612345678', 3],
    ]);
    expect([found.spam, found.messages]).toEqual([[], []]);
    expect(access.stderr).toContain('1 submission(s) (PBC-2026-00002), 0 spam entries and 0 e-mail(s) addressed to it for Paul.Martin@Mulhouse.fr');

    const startup = await runCommand(on('personal-data', STARTUP_ADDRESS));
    expect((JSON.parse(startup.stdout) as PersonalData).messages.map((message) => [message.reference, message.kind, message.status])).toEqual([['PBC-2026-00002', 'startup', 'pending']]);

    const dryRun = await runCommand(on('erase', 'paul.martin@mulhouse.fr'));
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/^Would erase 1 submission\(s\) \(PBC-2026-00002\), 0 spam entries and 0 e-mail\(s\) addressed to it for paul\.martin@mulhouse\.fr from the database .+\. Nothing erased: add --confirm to erase\.\n$/);

    const erased = await runCommand(on('erase', 'paul.martin@mulhouse.fr', '--confirm'));
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/^Erased 1 submission\(s\) \(PBC-2026-00002\), 0 spam entries and 0 e-mail\(s\) addressed to it for paul\.martin@mulhouse\.fr from /);
    const listed = (await runCommand(on('list'))).stdout;
    expect(listed).not.toContain('PBC-2026-00002');
    expect(listed).toContain('PBC-2026-00001');
    const outbox = await database.query<{ recipient: string }>('SELECT recipient FROM outbox ORDER BY id');
    expect(outbox.rows.map((row) => row.recipient)).toEqual([TEAM, application.email, TEAM, staleApplication.email]);
  });
});
