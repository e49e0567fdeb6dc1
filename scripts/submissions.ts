/**
 * `npm run submissions -- <command>`: the team's view of the form submissions
 * stored in the submissions database (Netlify Database, tables of
 * `netlify/database/migrations/`; reads in `src/lib/forms/store/`).
 *
 *   list                      one line per submission
 *   show REF                  every field and the state of each e-mail
 *   export --csv [--form F]   CSV to standard output (or --output FILE)
 *   startup-draft REF         content/startups/<slug>.md (draft) from an application
 *   buyer-draft REF           content/buyers/<slug>.md (draft) from a buyer's commitment
 *   personal-data EMAIL       everything stored about an address, as JSON (right of access)
 *   erase EMAIL --confirm     erase it (right to erasure)
 *
 * Which database: `--database-url URL`, else `NETLIFY_DB_URL` when set (the
 * production connection string: `netlify database status --branch production
 * --show-credentials`), else the local database of `npm run dev`: the server
 * of the running `npm run dev` when there is one (`scripts/lib/dev-database-url.ts`),
 * otherwise the embedded database in `.netlify/db`, started here; both under
 * `DEV_DATA_ROOT` when it is set, as for `npm run dev`. Read-only
 * except `startup-draft` and `buyer-draft`, which write one new content file,
 * and `erase --confirm`, which deletes from the database. Exit codes: 0 done,
 * 1 error, 2 usage.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import pg from 'pg';
import { resolveContentRoot } from '../src/lib/content-model/content-root.ts';
import { formatContentIssues } from '../src/lib/content-model/format-content-issues.ts';
import { readSiteSettings } from '../src/lib/content-model/read-settings.ts';
import { buildCollectionSchemas, toModelContext } from '../src/lib/content-model/schemas.ts';
import { toParisCalendarDate } from '../src/lib/format/calendar-date.ts';
import { resolveDevDataRoot } from '../src/lib/forms/dev-data-root.ts';
import { LOCAL_OUTBOX } from '../src/lib/forms/read-forms-config.ts';
import type { BuyerCommitment, StartupApplication } from '../src/lib/forms/definitions/index.ts';
import { createDatabasePool, type Queryable } from '../src/lib/forms/store/database.ts';
import { erasePersonalData, findPersonalData } from '../src/lib/forms/store/personal-data.ts';
import { listSubmissions, loadSubmission, type SubmissionWithMessages } from '../src/lib/forms/store/read-submissions.ts';
import { submissionsToCsv } from '../src/lib/submissions-cli/export-csv.ts';
import { describeDatabaseUrl, parseInvocation, USAGE, UsageError, type Command, type DatabaseChoice } from '../src/lib/submissions-cli/invocation.ts';
import { eraseLocalCaptures, markLocalCaptures, readCapturedMessages } from '../src/lib/submissions-cli/local-captures.ts';
import { formatSubmissionDetails, formatSubmissionList, type ShownSubmission } from '../src/lib/submissions-cli/present-submissions.ts';
import { draftStartupEntry, renderMarkdownEntry } from '../src/lib/submissions-cli/startup-draft.ts';
import { draftBuyerEntry } from '../src/lib/submissions-cli/buyer-draft.ts';
import { readDevDatabaseUrl } from './lib/dev-database-url.ts';
import { LOCAL_DATABASE_DIRECTORY, startEmbeddedDatabase } from './lib/local-database.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * A path given on the command line, from the folder the user typed it in
 * (`npm run` moves to the project root and keeps that folder in INIT_CWD).
 */
function userPath(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

/** A failure to report in one message (exit code 1). */
class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * Time limits of the command, ms: more generous than the forms' (a visitor
 * waits for those), enough for a production database waking up from scale to
 * zero and for an export of every submission.
 */
const COMMAND_TIMEOUTS = { connectMs: 15_000, queryMs: 60_000 } as const;

/** The database and how to name it in messages. */
interface OpenDatabase {
  readonly database: Queryable;
  /** E.g. `the local database (.netlify/db)`; never a password. */
  readonly description: string;
  /** The local outbox folder of `npm run dev` (the local database only): its e-mails were captured there, not sent. */
  readonly outboxDirectory?: string;
  close(): Promise<void>;
}

function openPool(connectionString: string): pg.Pool {
  return createDatabasePool(connectionString, 1, COMMAND_TIMEOUTS);
}

/**
 * Connect to the database of the command line (`DatabaseChoice`); for the
 * local one, to the running `npm run dev`'s server, else start the embedded
 * database (it takes a few seconds and brings `.netlify/db` to the latest migration).
 */
async function openDatabase(choice: DatabaseChoice): Promise<OpenDatabase> {
  if (choice.kind === 'url') {
    const pool = openPool(choice.url);
    return { database: pool, description: `the database ${describeDatabaseUrl(choice.url)} (${choice.from})`, close: () => pool.end() };
  }
  const dataRoot = resolveDevDataRoot(process.env, PROJECT_ROOT);
  const shown = relative(process.cwd(), join(dataRoot, LOCAL_DATABASE_DIRECTORY)) || '.';
  const outboxDirectory = join(dataRoot, LOCAL_OUTBOX);
  const devUrl = await readDevDatabaseUrl(dataRoot);
  if (devUrl !== undefined) {
    const pool = openPool(devUrl);
    return { database: pool, description: `the local database of the running \`npm run dev\` (${shown})`, outboxDirectory, close: () => pool.end() };
  }
  const embedded = await startEmbeddedDatabase(join(dataRoot, LOCAL_DATABASE_DIRECTORY));
  const pool = openPool(embedded.connectionString);
  return {
    database: pool,
    description: `the local database (${shown})`,
    outboxDirectory,
    close: async () => {
      await pool.end();
      await embedded.stop();
    },
  };
}

async function loadOne({ database, description }: OpenDatabase, reference: string): Promise<SubmissionWithMessages> {
  const record = await loadSubmission(database, reference);
  if (!record) throw new CommandError(`Unknown reference ${reference} in ${description}. \`npm run submissions -- list\` shows the stored ones.`);
  return record;
}

function contentRoot(): string {
  return resolveContentRoot(process.env, PROJECT_ROOT);
}

/**
 * Names of the startups of the content folder by slug, drafts included (an
 * order request may name a startup since unpublished). Unreadable files are skipped.
 */
async function readStartupNames(): Promise<Map<string, string>> {
  const folder = join(contentRoot(), 'startups');
  const names = new Map<string, string>();
  const files = existsSync(folder) ? (await readdir(folder)).filter((file) => file.endsWith('.md')) : [];
  for (const file of files) {
    try {
      const { frontmatter } = parseFrontmatter(await readFile(join(folder, file), 'utf8'));
      const name = (frontmatter as { name?: unknown }).name;
      if (typeof name === 'string') names.set(file.slice(0, -'.md'.length), name);
    } catch {
      // A broken entry only loses its name here; the build reports it.
    }
  }
  return names;
}

/** The submissions as shown: on the local database, e-mails captured in the outbox folder say so (`markLocalCaptures`). */
function asShown(open: OpenDatabase, records: readonly SubmissionWithMessages[]): ShownSubmission[] {
  return markLocalCaptures(records, open.outboxDirectory === undefined ? new Set() : readCapturedMessages(open.outboxDirectory));
}

function write(text: string): Promise<void> {
  return new Promise((done, fail) => process.stdout.write(text, (error) => (error ? fail(error) : done())));
}

async function list(open: OpenDatabase): Promise<void> {
  const records = await listSubmissions(open.database);
  if (records.length === 0) {
    process.stderr.write(`No submissions in ${open.description}.\n`);
    return;
  }
  await write(formatSubmissionList(asShown(open, records)));
}

async function show(open: OpenDatabase, reference: string): Promise<void> {
  const record = await loadOne(open, reference);
  const startupNames = record.form === 'demande-bon-de-commande' ? await readStartupNames() : new Map<string, string>();
  await write(formatSubmissionDetails(asShown(open, [record])[0]!, startupNames));
}

async function exportCsv(open: OpenDatabase, command: Extract<Command, { name: 'export' }>): Promise<void> {
  const records = await listSubmissions(open.database, command.form);
  if (records.length === 0) process.stderr.write(`No ${command.form ? `"${command.form}" ` : ''}submissions in ${open.description}: the CSV has only its header.\n`);
  const startupNames = records.some((record) => record.form === 'demande-bon-de-commande') ? await readStartupNames() : new Map<string, string>();
  const csv = submissionsToCsv(asShown(open, records), { form: command.form, semicolon: command.semicolon, startupNames });
  if (command.output === undefined) return write(csv);
  const path = userPath(command.output);
  await writeFile(path, csv, 'utf8');
  await write(`${records.length} submission${records.length === 1 ? '' : 's'} written to ${path}\n`);
}

async function startupDraft(open: OpenDatabase, reference: string): Promise<void> {
  const record = await loadOne(open, reference);
  if (record.form !== 'candidature') {
    throw new CommandError(`${reference} is a "${record.form}", not an application ("candidature"): there is no startup to draft.`);
  }
  const root = contentRoot();
  const draft = draftStartupEntry(record.data as StartupApplication, toParisCalendarDate(new Date()));
  const path = join(root, 'startups', `${draft.slug}.md`);
  const shown = relative(process.cwd(), path);
  if (existsSync(path)) throw new CommandError(`${shown} already exists: nothing written. Rename or remove it first if a new draft is wanted.`);
  const text = renderMarkdownEntry(draft.frontmatter, draft.body);
  // Validate what the build will read: the written text, parsed back.
  const schema = buildCollectionSchemas(toModelContext(readSiteSettings(root))).startups;
  const result = schema.safeParse(parseFrontmatter(text).frontmatter);
  if (!result.success) {
    throw new CommandError(`${formatContentIssues(shown, result.error.issues)}\nThe application does not make a valid startup entry as it is (did the settings' lists change?): nothing written.`);
  }
  await writeNewEntry(path, shown, text);
  process.stderr.write('Draft written (draft: true). Review it in the CMS, complete the offer and the presentation, then publish.\n');
}

/** Write a new content file; never replaces one (`wx`: the check above may race with an editor). */
async function writeNewEntry(path: string, shown: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CommandError(`${shown} already exists: nothing written.`);
    throw error;
  }
  await write(`${shown}\n`);
}

async function buyerDraft(open: OpenDatabase, reference: string): Promise<void> {
  const record = await loadOne(open, reference);
  if (record.form !== 'engagement-acheteur') {
    throw new CommandError(`${reference} is a "${record.form}", not a buyer's commitment ("engagement-acheteur"): there is no buyer to draft.`);
  }
  const root = contentRoot();
  let draft: ReturnType<typeof draftBuyerEntry>;
  try {
    draft = draftBuyerEntry(record.data as BuyerCommitment, { reference: record.reference, today: toParisCalendarDate(new Date()) }, toModelContext(readSiteSettings(root)));
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\nNothing written.`);
  }
  const path = join(root, 'buyers', `${draft.slug}.md`);
  const shown = relative(process.cwd(), path);
  if (existsSync(path)) throw new CommandError(`${shown} already exists: nothing written. Rename or remove it first if a new draft is wanted.`);
  await writeNewEntry(path, shown, draft.text);
  process.stderr.write('Draft written (draft: true). Review it in the CMS, complete the commitment text and its source, then publish.\n');
}

/** `N submission(s) (REF, …), N spam entr(y|ies) and N e-mail(s) addressed to it`. */
function summarise(references: readonly string[], spam: number, messages: number): string {
  const listed = references.length > 0 ? ` (${references.join(', ')})` : '';
  return `${references.length} submission(s)${listed}, ${spam} spam entr${spam === 1 ? 'y' : 'ies'} and ${messages} e-mail(s) addressed to it`;
}

async function personalData(open: OpenDatabase, command: Extract<Command, { name: 'personal-data' }>): Promise<void> {
  const found = await findPersonalData(open.database, command.email);
  process.stderr.write(`${summarise(found.submissions.map((record) => record.reference), found.spam.length, found.messages.length)} for ${command.email} in ${open.description}.\n`);
  const json = `${JSON.stringify(found, null, 2)}\n`;
  if (command.output === undefined) return write(json);
  await writeFile(userPath(command.output), json, 'utf8');
}

async function erase(open: OpenDatabase, command: Extract<Command, { name: 'erase' }>): Promise<void> {
  if (!command.confirm) {
    const found = await findPersonalData(open.database, command.email);
    const summary = summarise(found.submissions.map((record) => record.reference), found.spam.length, found.messages.length);
    await write(`Would erase ${summary} for ${command.email} from ${open.description}. Nothing erased: add --confirm to erase.\n`);
    return;
  }
  const erased = await erasePersonalData(open.database, command.email);
  // On the local database, the e-mails `npm run dev` captured for those submissions go too.
  const captures = open.outboxDirectory === undefined ? 0 : await eraseLocalCaptures(open.outboxDirectory, erased.references);
  const capturesErased = captures === 0 ? '' : `, and ${captures} captured e-mail file(s) from ${open.outboxDirectory}`;
  await write(`Erased ${summarise(erased.references, erased.spam, erased.messages)} for ${command.email} from ${open.description}${capturesErased}.\n`);
}

async function run(command: Exclude<Command, { name: 'help' }>, choice: DatabaseChoice): Promise<void> {
  const open = await openDatabase(choice);
  try {
    switch (command.name) {
      case 'list':
        return await list(open);
      case 'show':
        return await show(open, command.reference);
      case 'export':
        return await exportCsv(open, command);
      case 'startup-draft':
        return await startupDraft(open, command.reference);
      case 'buyer-draft':
        return await buyerDraft(open, command.reference);
      case 'personal-data':
        return await personalData(open, command);
      case 'erase':
        return await erase(open, command);
    }
  } finally {
    await open.close();
  }
}

/** The message of an error and of its causes (`fetch failed` alone says little). */
function describeError(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current !== undefined && messages.length < 4; current = (current as { cause?: unknown }).cause) {
    messages.push(current instanceof Error ? current.message : String(current));
    if (!(current instanceof Error)) break;
  }
  return messages.join(' — ');
}

async function main(argv: readonly string[]): Promise<number> {
  let invocation;
  try {
    invocation = parseInvocation(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (invocation.command.name === 'help') {
    await write(USAGE);
    return 0;
  }
  try {
    await run(invocation.command, invocation.database);
    return 0;
  } catch (error) {
    process.stderr.write(`Error: ${error instanceof CommandError ? error.message : describeError(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
