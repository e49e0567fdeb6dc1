/**
 * `npm run submissions -- <command>`: the team's view of the form submissions
 * stored in Netlify Blobs (store `submissions`, see
 * `src/lib/forms/submission-repository.ts`).
 *
 *   list                      one line per submission
 *   show REF                  every field and the state of its e-mails
 *   export --csv [--form F]   CSV to standard output (or --output FILE)
 *   startup-draft REF         content/startups/<slug>.md (draft) from an application
 *   buyer-draft REF           content/buyers/<slug>.md (draft) from a buyer's commitment
 *   personal-data EMAIL       everything stored about an address, as JSON (right of access)
 *   erase EMAIL --confirm     erase it (right to erasure)
 *
 * By default it reads the local store that `npm run dev` fills
 * (`.netlify/blobs-serve`, served here by the same `BlobsServer` as the dev
 * emulation); `--site SITE_ID` with `NETLIFY_AUTH_TOKEN` reads the deployed
 * site's store through the Netlify API. Read-only except `startup-draft` and
 * `buyer-draft`, which write one new content file, and `erase --confirm`, which deletes from the store. Exit codes: 0 done, 1 error, 2 usage.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { resolveContentRoot } from '../src/lib/content-model/content-root.ts';
import { formatContentIssues } from '../src/lib/content-model/format-content-issues.ts';
import { readSiteSettings } from '../src/lib/content-model/read-settings.ts';
import { buildCollectionSchemas, toModelContext } from '../src/lib/content-model/schemas.ts';
import { toParisCalendarDate } from '../src/lib/format/calendar-date.ts';
import type { OrderRequest, StartupApplication } from '../src/lib/forms/form-schemas.ts';
import type { BuyerCommitment } from '../src/lib/forms/definitions/index.ts';
import { erasePersonalData, findPersonalData } from '../src/lib/forms/personal-data.ts';
import { listSubmissionReferences, loadSubmission, type JsonStore, type SubmissionRecord } from '../src/lib/forms/submission-repository.ts';
import { submissionsToCsv } from '../src/lib/submissions-cli/export-csv.ts';
import { parseInvocation, USAGE, UsageError, type Command, type StoreChoice } from '../src/lib/submissions-cli/invocation.ts';
import { chooseLocalSiteId, DEV_BLOBS_DIRECTORY, localStoreFolder, mapWithConcurrency } from '../src/lib/submissions-cli/local-store.ts';
import { formatSubmissionDetails, formatSubmissionList } from '../src/lib/submissions-cli/present-submissions.ts';
import { draftStartupEntry, renderMarkdownEntry } from '../src/lib/submissions-cli/startup-draft.ts';
import { draftBuyerEntry } from '../src/lib/submissions-cli/buyer-draft.ts';

/** Name of the Blobs store of the form functions (`netlify/lib/form-runtime.ts`). */
const STORE_NAME = 'submissions';
/** Records read at once (each is one request to the store). */
const READ_CONCURRENCY = 8;

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

/** The store and how to name it in messages. */
interface OpenStore {
  readonly store: JsonStore;
  /** E.g. `the local dev store (.netlify/blobs-serve)`. */
  readonly description: string;
  close(): Promise<void>;
}

/** `siteId` of `.netlify/state.json` (a project linked to a Netlify site), if any. */
function linkedSiteId(): string | undefined {
  try {
    const state = JSON.parse(readFileSync(join(PROJECT_ROOT, '.netlify', 'state.json'), 'utf8')) as { siteId?: unknown };
    return typeof state.siteId === 'string' ? state.siteId : undefined;
  } catch {
    return undefined;
  }
}

/** An empty store: a local folder where nothing was ever submitted. */
const EMPTY_STORE: JsonStore = {
  get: async () => null,
  setJSON: async () => ({ modified: false }),
  delete: async () => undefined,
  list: async () => ({ blobs: [] }),
};

async function openLocalStore(blobsDir: string | undefined): Promise<OpenStore> {
  const directory = blobsDir === undefined ? join(PROJECT_ROOT, DEV_BLOBS_DIRECTORY) : userPath(blobsDir);
  const shown = relative(process.cwd(), directory) || '.';
  const description = blobsDir === undefined ? `the local dev store (${shown})` : `the local Blobs folder ${shown}`;
  if (!existsSync(directory)) {
    throw new CommandError(
      blobsDir === undefined
        ? `No local submissions yet: ${shown} does not exist. Run \`npm run dev\` and send a form, or read the deployed site's store with --site SITE_ID.`
        : `No such folder: ${shown}.`,
    );
  }
  const entries = join(directory, 'entries');
  const siteIds = existsSync(entries)
    ? (await readdir(entries)).filter((siteId) => existsSync(join(entries, siteId, localStoreFolder(STORE_NAME))))
    : [];
  const siteId = chooseLocalSiteId(siteIds, blobsDir === undefined ? linkedSiteId() : undefined);
  if (siteId === undefined) return { store: EMPTY_STORE, description, close: async () => undefined };
  const token = randomBytes(16).toString('hex');
  const server = new BlobsServer({ directory, token, logger: () => undefined });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const store = getStore({ name: STORE_NAME, siteID: siteId, token, edgeURL: url, uncachedEdgeURL: url, consistency: 'strong' });
  return { store, description, close: () => server.stop() };
}

function openSiteStore(siteId: string): OpenStore {
  const token = process.env['NETLIFY_AUTH_TOKEN'];
  if (!token) {
    throw new CommandError(
      '--site needs a Netlify personal access token in NETLIFY_AUTH_TOKEN (Netlify → User settings → Applications → Personal access tokens).',
    );
  }
  const store = getStore({ name: STORE_NAME, siteID: siteId, token });
  return { store, description: `the store of site ${siteId}`, close: async () => undefined };
}

function openStore(choice: StoreChoice): Promise<OpenStore> | OpenStore {
  return choice.kind === 'site' ? openSiteStore(choice.siteId) : openLocalStore(choice.blobsDir);
}

/** Every stored submission, oldest first. */
async function loadAll({ store }: OpenStore): Promise<SubmissionRecord[]> {
  const references = await listSubmissionReferences(store);
  const records = await mapWithConcurrency(references, READ_CONCURRENCY, (reference) => loadSubmission<Record<string, unknown>>(store, reference));
  return records.filter((record): record is SubmissionRecord => record !== null);
}

async function loadOne({ store, description }: OpenStore, reference: string): Promise<SubmissionRecord> {
  const record = await loadSubmission<Record<string, unknown>>(store, reference);
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

function write(text: string): Promise<void> {
  return new Promise((done, fail) => process.stdout.write(text, (error) => (error ? fail(error) : done())));
}

async function list(open: OpenStore): Promise<void> {
  const records = await loadAll(open);
  if (records.length === 0) {
    process.stderr.write(`No submissions in ${open.description}.\n`);
    return;
  }
  await write(formatSubmissionList(records));
}

async function show(open: OpenStore, reference: string): Promise<void> {
  const record = await loadOne(open, reference);
  const startupSlug = record.form === 'demande-bon-de-commande' ? (record.data as Partial<OrderRequest>).startup : undefined;
  const startupName = startupSlug ? (await readStartupNames()).get(startupSlug) : undefined;
  await write(formatSubmissionDetails(record, startupName));
}

async function exportCsv(open: OpenStore, command: Extract<Command, { name: 'export' }>): Promise<void> {
  const records = (await loadAll(open)).filter((record) => !command.form || record.form === command.form);
  if (records.length === 0) process.stderr.write(`No ${command.form ? `"${command.form}" ` : ''}submissions in ${open.description}: the CSV has only its header.\n`);
  const startupNames = records.some((record) => record.form === 'demande-bon-de-commande') ? await readStartupNames() : new Map<string, string>();
  const csv = submissionsToCsv(records, { form: command.form, semicolon: command.semicolon, startupNames });
  if (command.output === undefined) return write(csv);
  const path = userPath(command.output);
  await writeFile(path, csv, 'utf8');
  await write(`${records.length} submission${records.length === 1 ? '' : 's'} written to ${path}\n`);
}

async function startupDraft(open: OpenStore, reference: string): Promise<void> {
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

async function buyerDraft(open: OpenStore, reference: string): Promise<void> {
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

async function personalData(open: OpenStore, command: Extract<Command, { name: 'personal-data' }>): Promise<void> {
  const found = await findPersonalData(open.store, command.email);
  process.stderr.write(`${found.submissions.length} submission(s) and ${found.spam.length} spam entr${found.spam.length === 1 ? 'y' : 'ies'} for ${command.email} in ${open.description}.\n`);
  const json = `${JSON.stringify(found, null, 2)}\n`;
  if (command.output === undefined) return write(json);
  await writeFile(userPath(command.output), json, 'utf8');
}

async function erase(open: OpenStore, command: Extract<Command, { name: 'erase' }>): Promise<void> {
  const found = await findPersonalData(open.store, command.email);
  const references = found.submissions.map((record) => record.reference);
  const summary = `${references.length} submission(s)${references.length > 0 ? ` (${references.join(', ')})` : ''} and ${found.spam.length} spam entr${found.spam.length === 1 ? 'y' : 'ies'}`;
  if (!command.confirm) {
    await write(`Would erase ${summary} for ${command.email} from ${open.description}. Nothing erased: add --confirm to erase.\n`);
    return;
  }
  await erasePersonalData(open.store, found);
  await write(`Erased ${summary} for ${command.email} from ${open.description}.\n`);
}

async function run(command: Exclude<Command, { name: 'help' }>, choice: StoreChoice): Promise<void> {
  const open = await openStore(choice);
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
    invocation = parseInvocation(argv);
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
    await run(invocation.command, invocation.store);
    return 0;
  } catch (error) {
    process.stderr.write(`Error: ${error instanceof CommandError ? error.message : describeError(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
