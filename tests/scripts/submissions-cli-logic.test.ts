/**
 * The pure parts of `npm run submissions`: command line, slugs and taglines,
 * the file naming the running dev's database, e-mail states, CSV cells,
 * column layout.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../src/lib/content-model/fields.ts';
import { csvHeaders } from '../../src/lib/submissions-cli/export-csv.ts';
import { spacedSiret } from '../../src/lib/forms/definitions/display-values.ts';
import { describeDatabaseUrl, parseInvocation, UsageError } from '../../src/lib/submissions-cli/invocation.ts';
import { alignColumns, describeMessage, formatParisDateTime, formatSubmissionDetails, formatSubmissionList, overallStatus, statusLabel } from '../../src/lib/submissions-cli/present-submissions.ts';
import type { SubmissionWithMessages } from '../../src/lib/forms/store/read-submissions.ts';
import { VALID_ORDER_DATA } from '../helpers/form-fixtures.ts';
import { slugify, TAGLINE_MAX_LENGTH, taglineFrom } from '../../src/lib/submissions-cli/startup-draft.ts';
import type { MessageStatus, OutboxEntry } from '../../src/lib/forms/store/stored-submission.ts';
import { DEV_DATABASE_URL_FILE, readDevDatabaseUrl, removeDevDatabaseUrl, writeDevDatabaseUrl } from '../../scripts/lib/dev-database-url.ts';
import { TEST_TMP } from '../helpers/paths.ts';

describe('parseInvocation', () => {
  it('reads each command, with the local database by default', () => {
    expect(parseInvocation(['list'])).toEqual({ command: { name: 'list' }, database: { kind: 'local' } });
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

  it.each([
    ['--database-url', ['list', '--database-url', 'postgres://u:p@db.example:5432/site'], {}, { kind: 'url', url: 'postgres://u:p@db.example:5432/site', from: '--database-url' }],
    ['NETLIFY_DB_URL', ['list'], { NETLIFY_DB_URL: ' postgresql://db.example/site ' }, { kind: 'url', url: 'postgresql://db.example/site', from: 'NETLIFY_DB_URL' }],
    ['--database-url before NETLIFY_DB_URL', ['list', '--database-url', 'postgres://a.example/x'], { NETLIFY_DB_URL: 'postgres://b.example/y' }, { kind: 'url', url: 'postgres://a.example/x', from: '--database-url' }],
    ['an empty NETLIFY_DB_URL', ['list'], { NETLIFY_DB_URL: '' }, { kind: 'local' }],
  ])('reads the database from %s', (_case, argv, env, database) => {
    expect(parseInvocation(argv, env).database).toEqual(database);
  });

  // `npm run submissions` answers every UsageError with the usage and exit code 2 (one path, run for real in submissions-command.test.ts).
  it.each([[[]], [['show', 'foo']], [['export']], [['list', '--csv']], [['list', '--site', 'some-site-id']], [['list', '--database-url', 'mysql://127.0.0.1/x']]])(
    'refuses the command line %j as a usage error',
    (argv) => {
      expect(() => parseInvocation(argv, {})).toThrow(UsageError);
    },
  );

  it('refuses a NETLIFY_DB_URL that is not a Postgres connection string', () => {
    expect(() => parseInvocation(['list'], { NETLIFY_DB_URL: 'file:///tmp/db' })).toThrow(UsageError);
  });

  it.each([
    ['postgres://user:secret@db.example:5432/site?sslmode=require', 'postgres://db.example:5432/site'],
    ['postgresql://127.0.0.1:54321/postgres', 'postgresql://127.0.0.1:54321/postgres'],
    ['postgres://db.example', 'postgres://db.example'],
  ])('names %s without credentials: %s', (url, shown) => {
    expect(describeDatabaseUrl(url)).toBe(shown);
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
    [['list', '--site', 'a']],
    [['list', '--database-url']],
    [['list', '--database-url', 'mysql://db.example/x']],
    [['list', '--database-url', 'postgres://']],
    [['list', '--verbose']],
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

describe('the file naming the running dev’s database', () => {
  /** A process that has ended: its id is free. */
  function endedProcessId(): Promise<number> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('error', fail);
      child.on('exit', () => done(child.pid!));
    });
  }

  it('gives the URL while its process runs, nothing once it has ended or without a readable file; only its writer removes it', async () => {
    await mkdir(TEST_TMP, { recursive: true });
    const root = await mkdtemp(join(TEST_TMP, 'dev-database-url-'));
    try {
      expect(await readDevDatabaseUrl(root)).toBeUndefined();
      await writeDevDatabaseUrl(root, 'postgres://127.0.0.1:5499/postgres');
      expect(await readDevDatabaseUrl(root)).toBe('postgres://127.0.0.1:5499/postgres');
      expect((await stat(join(root, DEV_DATABASE_URL_FILE))).mode & 0o777).toBe(0o600);
      await removeDevDatabaseUrl(root, process.pid + 1);
      expect(await readDevDatabaseUrl(root)).toBe('postgres://127.0.0.1:5499/postgres');
      await removeDevDatabaseUrl(root);
      expect(await readDevDatabaseUrl(root)).toBeUndefined();

      await writeDevDatabaseUrl(root, 'postgres://127.0.0.1:5499/postgres', await endedProcessId());
      expect(await readDevDatabaseUrl(root)).toBeUndefined();
      await writeFile(join(root, DEV_DATABASE_URL_FILE), 'postgres://127.0.0.1:5499/postgres\n');
      expect(await readDevDatabaseUrl(root)).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('e-mail states', () => {
  it.each([
    [['sent', 'sent'], 'sent', 'envoyé'],
    [['sent', 'held'], 'held', 'retenu'],
    [['held', 'pending', 'sent'], 'pending', 'en attente'],
    [['pending', 'failed', 'held'], 'failed', 'échec'],
    [[], undefined, '—'],
  ] as const)('%j → %s (%s)', (statuses, status, label) => {
    const messages = statuses.map((value: MessageStatus) => ({ status: value }));
    expect(overallStatus(messages)).toBe(status);
    expect(statusLabel(messages)).toBe(label);
  });

  const message: OutboxEntry = { kind: 'confirmation', recipient: 'a@b.fr', status: 'pending', heldReason: null, attempts: 0, lastError: null, sentAt: null };
  it.each([
    [{ status: 'sent', attempts: 1, sentAt: '2026-03-14T23:31:00.000Z' }, 'Confirmation au demandeur → a@b.fr · envoyé le 15/03/2026 00:31 · 1 tentative'],
    [{ status: 'held', heldReason: 'hourly-cap' }, 'Confirmation au demandeur → a@b.fr · retenu : le site a reçu plus d’envois que le plafond horaire · 0 tentative'],
    [{ status: 'held', heldReason: 'deploy-preview' }, 'Confirmation au demandeur → a@b.fr · retenu : ce site est une prévisualisation sans adresse de test · 0 tentative'],
    [{ status: 'pending', attempts: 2, lastError: 'SMTP 421' }, 'Confirmation au demandeur → a@b.fr · en attente · 2 tentatives · dernière erreur : SMTP 421'],
    [{ status: 'failed', attempts: 96, lastError: 'ECONNREFUSED' }, 'Confirmation au demandeur → a@b.fr · échec · 96 tentatives · dernière erreur : ECONNREFUSED'],
  ] as const)('%j', (state, line) => {
    expect(describeMessage({ ...message, ...state })).toBe(line);
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

describe('stored text on the terminal', () => {
  // Stored before the forms refused them, or forged in the database: controls that would clear the
  // screen or recolour it, and overrides that reorder what is read (CVE-2021-42574), shown as code points.
  const record: SubmissionWithMessages = {
    reference: 'PBC-2026-00001',
    form: 'demande-bon-de-commande',
    receivedAt: '2026-03-14T23:30:00.000Z',
    data: { ...VALID_ORDER_DATA, organisation: 'Ville \u202eesuohluM\u202c', need: 'Ligne 1\u001b[2J\nLigne 2\u200b\tfin\r', email: 'x\u0007@exemple.fr' },
    messages: [{ kind: 'team', recipient: 'equipe@exemple.fr', status: 'failed', heldReason: null, attempts: 1, lastError: '550 refus\u001b]0;titre\u0007', sentAt: null }],
  };

  it.each([
    ['the detailed view', () => formatSubmissionDetails(record)],
    ['the list', () => formatSubmissionList([record])],
  ])('%s holds no control but LF and tab, no bidi or invisible character', (_view, format) => {
    expect(format()).not.toMatch(/(?![\t\n])[\p{Cc}\p{Cf}]/u);
  });

  it.each([
    ['Ville ⟨U+202E⟩esuohluM⟨U+202C⟩'],
    ['Ligne 1⟨U+001B⟩[2J'],
    // A CR is a line break there: the value continues on the next line, indented.
    ['Ligne 2⟨U+200B⟩\tfin'],
    ['x⟨U+0007⟩@exemple.fr'],
    ['550 refus⟨U+001B⟩]0;titre⟨U+0007⟩'],
  ])('the detailed view shows %j', (shown) => {
    expect(formatSubmissionDetails(record)).toContain(shown);
  });

  it('the list keeps its columns aligned around a revealed character', () => {
    const lines = formatSubmissionList([record, { ...record, reference: 'PBC-2026-00002', data: { ...VALID_ORDER_DATA } }]).split('\n');
    expect(lines[0]).toMatch(/Ville ⟨U\+202E⟩esuohluM⟨U\+202C⟩ +x⟨U\+0007⟩@exemple\.fr$/);
    expect(lines[1]!.indexOf('Achats')).toBe(lines[0]!.indexOf('x⟨U+0007⟩'));
  });
});
