/**
 * The deploy check (issue 11): every function bundled the way Netlify bundles
 * it (`tests/helpers/bundle-functions.ts`: Netlify's bundler with the settings
 * of `netlify.toml`), each zip unzipped into a folder outside the repository and
 * called from there, in a fresh process whose working directory is the bundle,
 * as on the platform (`tests/helpers/call-bundled-function.ts`), in the
 * production deploy context, against this file's database and a capturing
 * SMTP server. It fails when a function no longer bundles, when a bundle is
 * over 5 MB, when a bundle links out of itself (only what is inside the zip
 * reaches Netlify), when it ships a content file or an image that the function
 * does not read, or when a bundled function answers wrong. Prints each
 * bundle's size. The zips of an earlier run are reused when none of their
 * inputs changed (`bundleFunctionsCached`: the same bytes as bundling again).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, realpath, rm, stat, writeFile, lstat } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { FunctionResult } from '@netlify/zip-it-and-ship-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormName } from '../../src/lib/forms/definitions/form-names.ts';
import { TOKEN_FIELD } from '../../src/lib/forms/process-submission.ts';
import { bundleFunctionsCached, functionModuleIn } from '../helpers/bundle-functions.ts';
import type { BundledAnswer, BundledCall } from '../helpers/call-bundled-function.ts';
import {
  expectedReference,
  formToken,
  FORMS_CONTENT_DIR,
  ORDERABLE_STARTUP,
  startFormServices,
  storedReferences,
  validApplicationFields,
  validCommitmentFields,
  validOrderFields,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { PROJECT_ROOT, TEST_TMP } from '../helpers/paths.ts';

const run = promisify(execFile);

/** Netlify's limit is 50 MB zipped; ours is far below, so that a stray folder shows. */
const MAX_BUNDLE_BYTES = 5 * 1024 * 1024;
const FUNCTIONS_DIR = join(PROJECT_ROOT, 'netlify', 'functions');
const FUNCTION_NAMES = readdirSync(FUNCTIONS_DIR)
  .filter((file) => extname(file) === '.mts')
  .map((file) => basename(file, '.mts'))
  .sort();
const CALLER = join(PROJECT_ROOT, 'tests', 'helpers', 'call-bundled-function.ts');
/** The deployed site's address (request URL, `Origin`, `context.site.url`). */
const SITE_URL = 'https://pbc-deploy-check.netlify.app';
const SIGNING_SECRET = 'deploy-check-signing-secret-of-at-least-32-characters';
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|ico)$/i;

interface Bundle {
  readonly result: FunctionResult;
  /** Where it is unzipped (outside the repository). */
  readonly folder: string;
  readonly modulePath: string;
  /** Every file of the bundle, relative to `folder`, sorted. */
  readonly files: string[];
  readonly zipBytes: number;
  readonly unzippedBytes: number;
}

let services: FormServices;
let scratch = '';
/** How the zips came: bundled now (and in how long), or reused from an earlier run with the same inputs. */
let bundling = '';
const bundles = new Map<string, Bundle>();
/** Files read by each function during this file's calls. */
const readsByFunction = new Map<string, Set<string>>();

async function listFiles(folder: string, under = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(folder, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(folder, path)));
    else files.push(path);
  }
  return files.sort();
}

async function unzip(result: FunctionResult): Promise<Bundle> {
  const folder = join(scratch, result.name);
  await run('unzip', ['-q', result.path, '-d', folder]);
  const files = await listFiles(folder);
  let unzippedBytes = 0;
  for (const file of files) unzippedBytes += (await lstat(join(folder, file))).size;
  return { result, folder, modulePath: await functionModuleIn(folder, result), files, zipBytes: (await stat(result.path)).size, unzippedBytes };
}

/** Call function `name` from its bundle with `request`; its reads are added to `readsByFunction`. */
async function callBundled(name: string, request: Omit<BundledCall, 'deployContext' | 'siteUrl'>): Promise<BundledAnswer> {
  const bundle = bundles.get(name)!;
  const callFile = join(scratch, `${name}-call.json`);
  const resultFile = join(scratch, `${name}-result.json`);
  await writeFile(callFile, JSON.stringify({ ...request, deployContext: 'production', siteUrl: SITE_URL } satisfies BundledCall));
  // Without the tests' CONTENT_DIR: the function reads the content shipped in its bundle, as on Netlify.
  await run(process.execPath, [CALLER, bundle.modulePath, callFile, resultFile], { cwd: bundle.folder, env: { ...process.env, CONTENT_DIR: undefined }, timeout: 60_000 });
  const answer = JSON.parse(await readFile(resultFile, 'utf8')) as BundledAnswer;
  const reads = readsByFunction.get(name) ?? new Set<string>();
  for (const file of answer.reads) reads.add(file);
  readsByFunction.set(name, reads);
  return answer;
}

const sameOrigin = { origin: SITE_URL, 'sec-fetch-site': 'same-origin' };

/** A valid post of `form` as the enhanced form sends it (JSON answer). */
async function post(form: FormName, fields: Record<string, string>): Promise<BundledAnswer> {
  const body = new URLSearchParams({ ...fields, [TOKEN_FIELD]: await formToken(form, { secret: SIGNING_SECRET }) }).toString();
  return callBundled(form, {
    url: `${SITE_URL}/api/${form}/`,
    method: 'POST',
    headers: { ...sameOrigin, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

beforeAll(async () => {
  services = await startFormServices();
  process.env['FORM_SIGNING_SECRET'] = SIGNING_SECRET;
  // Outside the repository: nothing of the project can be found by walking up from a bundle.
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'pbc-function-bundles-')));
  const started = Date.now();
  const { results, reused, key } = await bundleFunctionsCached(PROJECT_ROOT, join(TEST_TMP, 'function-bundles'));
  bundling = reused ? `reused (inputs unchanged, key ${key})` : `bundled in ${((Date.now() - started) / 1000).toFixed(1)} s (key ${key})`;
  for (const result of results) bundles.set(result.name, await unzip(result));
  // The repository's startups are all samples, which cannot receive orders: each bundle that
  // ships startups gets the forms fixture's real one beside them, as a site with one would ship.
  for (const bundle of bundles.values()) {
    const startups = join(bundle.folder, 'content', 'startups');
    if (existsSync(startups)) await copyFile(join(FORMS_CONTENT_DIR, 'startups', `${ORDERABLE_STARTUP.slug}.md`), join(startups, `${ORDERABLE_STARTUP.slug}.md`));
  }
  // Bundling costs about 20 s of CPU (minutes on a loaded machine); reused when no input changed since the last run.
}, 400_000);

afterAll(async () => {
  await services?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('bundling every function as Netlify does', () => {
  it('bundles each function of netlify/functions, and prints the sizes', () => {
    expect([...bundles.keys()].sort()).toEqual(FUNCTION_NAMES);
    const lines = [...bundles.values()].map(
      (bundle) => `${bundle.result.name.padEnd(26)} ${formatBytes(bundle.zipBytes).padStart(8)} zipped, ${formatBytes(bundle.unzippedBytes).padStart(8)} unzipped, ${bundle.files.length} files`,
    );
    console.info(`[function bundles] ${bundling}\n${lines.join('\n')}`);
  });

  it.each(FUNCTION_NAMES)('%s: the zip is under 5 MB', (name) => {
    expect(bundles.get(name)!.zipBytes).toBeLessThan(MAX_BUNDLE_BYTES);
  });

  it.each(FUNCTION_NAMES)('%s: no file of the bundle links outside it', async (name) => {
    const bundle = bundles.get(name)!;
    const outside: string[] = [];
    for (const file of bundle.files) {
      const target = await realpath(join(bundle.folder, file)).catch(() => '(broken link)');
      if (relative(bundle.folder, target).startsWith('..') || target === '(broken link)') outside.push(`${file} → ${target}`);
    }
    expect(outside).toEqual([]);
  });
});

describe('each bundled function, called from its unzipped folder in the production context', () => {
  it('jeton gives a form token', async () => {
    const answer = await callBundled('jeton', { url: `${SITE_URL}/api/jeton/?formulaire=candidature`, method: 'GET', headers: sameOrigin });
    expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({ status: 200, body: { token: expect.any(String), turnstileSiteKey: null } });
  });

  it('candidature stores an application and mails the team and the applicant', async () => {
    const answer = await post('candidature', validApplicationFields());
    expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
      status: 200,
      body: { status: 'accepted', reference: expectedReference(1), redirect: `/formulaires/merci/?formulaire=candidature&reference=${expectedReference(1)}` },
    });
    const messages = await services.smtp.waitForMessages(2);
    expect(messages.map((message) => message.subject?.includes(expectedReference(1)))).toEqual([true, true]);
  });

  it('demande-bon-de-commande stores an order request and mails the startup at its private address (read from content/startups/ in the bundle)', async () => {
    const answer = await post('demande-bon-de-commande', validOrderFields());
    expect({ status: answer.status, reference: (JSON.parse(answer.body) as { reference?: string }).reference }).toEqual({ status: 200, reference: expectedReference(2) });
    const recipients = (await services.smtp.waitForMessages(5)).flatMap((message) => (message.to && 'value' in message.to ? message.to.value.map((address) => address.address) : []));
    expect(recipients).toContain(ORDERABLE_STARTUP.orderContactEmail);
  });

  it('engagement-acheteur stores a commitment', async () => {
    const answer = await post('engagement-acheteur', validCommitmentFields());
    expect({ status: answer.status, reference: (JSON.parse(answer.body) as { reference?: string }).reference }).toEqual({ status: 200, reference: expectedReference(3) });
    expect(await storedReferences(services.database)).toEqual([expectedReference(1), expectedReference(2), expectedReference(3)]);
  });

  it('merci shows the reference', async () => {
    const answer = await callBundled('merci', { url: `${SITE_URL}/formulaires/merci/?formulaire=candidature&reference=${expectedReference(1)}`, method: 'GET', headers: {} });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(expectedReference(1));
  });

  it.each(['purge-expired-submissions', 'retry-pending-emails'])('the scheduled %s runs and answers 204', async (name) => {
    const answer = await callBundled(name, { url: `${SITE_URL}/.netlify/functions/${name}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"next_run":"2026-01-01T03:00:00.000Z"}' });
    expect(answer.status).toBe(204);
    expect(await storedReferences(services.database)).toHaveLength(3);
  });

  // After the calls above, which record the files each function opened in its bundle.
  it.each(FUNCTION_NAMES)('%s ships no content file nor image that it does not read', (name) => {
    const bundle = bundles.get(name)!;
    const reads = readsByFunction.get(name);
    expect(reads, `${name} was not called`).toBeDefined();
    const shipped = bundle.files.filter((file) => file.startsWith('content/') || IMAGE.test(file));
    expect(shipped.filter((file) => !reads!.has(file))).toEqual([]);
  });
});
