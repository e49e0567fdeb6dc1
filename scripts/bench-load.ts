/**
 * `npm run bench:load`: the form functions under load, over real HTTP on
 * 127.0.0.1. This process serves the functions (`tests/helpers/site-with-functions.ts`,
 * production deploy context, runtime built once) against a throwaway
 * PostgreSQL server (`scripts/lib/bench-database.ts`) and a local SMTP
 * responder (its own child process); a SECOND process (this script with `--client`) drives it with
 * autocannon: 50 connections for 30 s of valid order requests (JSON, as the
 * enhanced form sends them), each with its own signed token and e-mail address.
 * No site build is needed: the folder served holds only a 404 page.
 *
 * Each connection is one client: it sends its own address in
 * `x-nf-client-connection-ip`, the header Netlify's proxy sets and the server
 * hands to the function as `context.ip`. The abuse limits are raised far above
 * what a run sends (`scripts/lib/bench-environment.ts`): the bench measures
 * throughput, not the limits. Tokens are issued here before the run, 10 s in
 * the past (as by a page displayed 10 s earlier), and handed to the client in a file.
 *
 * After the run, once the requests cut by its end and the sending handed to
 * `waitUntil` are done, the scheduled retry function
 * (`netlify/functions/retry-pending-emails.mts`) runs once, then the bench
 * compares: stored submissions with accepted answers, e-mails received with 3 ×
 * accepted. Prints the issue's targets; exits 1 when one is missed.
 * Options: `CONNECTIONS=50`, `DURATION=30` (s).
 *
 * The function modules import `.tsx` files, loaded through Vite's SSR module loader.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '@netlify/functions';
import autocannon from 'autocannon';
import { readSiteSettings } from '../src/lib/content-model/read-settings.ts';
import { startSsrLoader } from '../tests/helpers/ssr-loader.ts';
import { startBenchDatabase } from './lib/bench-database.ts';
import { BENCH_STARTUP_SLUG, benchFormsEnvironment } from './lib/bench-environment.ts';
import { startImmediateSmtp } from './lib/immediate-smtp.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const CONNECTIONS = Number(process.env['CONNECTIONS'] ?? 50);
const DURATION_SECONDS = Number(process.env['DURATION'] ?? 30);
const SECRET = 'bench-load-signing-secret-of-at-least-32-chars';
const FORM = 'demande-bon-de-commande';
/** Tokens prepared for the client: far more than 30 s can use (a reused token would be a resubmission). */
const TOKENS = 40_000;
/** The issue's target for the answers (issue 10, "Must show"). */
const TARGET_P99_MS = 1_000;

/** A valid order request as the enhanced form sends it (JSON); the client adds the token and a unique e-mail. */
const ORDER_FIELDS = {
  organisation: 'Communauté d’agglomération « Mulhouse Alsace »',
  buyer_kind: 'public',
  siret: '732 829 320 00074',
  contact_name: 'Élise Müller',
  role: 'Responsable des achats',
  phone: '03 89 12 34 56',
  startup: BENCH_STARTUP_SLUG,
  kind: 'prototype',
  need: 'Un prototype de capteur de vibrations pour les pompes de la station d’épuration.',
  budget_ht: '14 500,50',
  consent: 'on',
};

/** What the client process reports on its standard output (last line, JSON). */
interface ClientReport {
  readonly requestsPerSecond: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  readonly latencyMax: number;
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly accepted: number;
  readonly distinctReferences: number;
  readonly tokensUsed: number;
}

/**
 * The second process: autocannon against `origin`, tokens from `tokensFile`,
 * posting as a page of `siteOrigin` (in production the functions accept the
 * origin of the `site_url` setting, see src/lib/forms/request/check-request-origin.ts).
 */
async function runClient(origin: string, tokensFile: string, siteOrigin: string): Promise<void> {
  const tokens = JSON.parse(await readFile(tokensFile, 'utf8')) as string[];
  let next = 0;
  let clients = 0;
  const references = new Set<string>();
  let accepted = 0;
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: `/api/${FORM}/`,
        setupRequest: (request, context: { ip?: string }) => {
          const index = next++;
          context.ip ??= `10.0.${++clients >> 8}.${clients & 255}`;
          // Same-origin headers, as a browser on the site sends them; each connection is one client.
          request.headers = {
            'content-type': 'application/json',
            accept: 'application/json',
            origin: siteOrigin,
            'sec-fetch-site': 'same-origin',
            'x-nf-client-connection-ip': context.ip,
          };
          request.body = JSON.stringify({ ...ORDER_FIELDS, email: `achats+${index}@exemple.fr`, jeton: tokens[index % tokens.length] });
          return request;
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          const answer = JSON.parse(body) as { status?: string; reference?: string };
          if (answer.status !== 'accepted' || !answer.reference) return;
          accepted += 1;
          references.add(answer.reference);
        },
      },
    ],
  });
  const report: ClientReport = {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMax: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    accepted,
    distinctReferences: references.size,
    tokensUsed: next,
  };
  console.log(JSON.stringify(report));
}

/** Run the client as a second process and read its report. */
function spawnClient(origin: string, tokensFile: string, siteOrigin: string): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--client', origin, tokensFile, siteOrigin], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop()!) as ClientReport) : reject(new Error(`client exited with ${code}`))));
  });
}

/** Wait until `count()` stops changing for one second. */
async function settle(count: () => number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** One line of the targets block; returns whether the target is met. */
function printTarget(label: string, figure: string, target: string, met: boolean): boolean {
  console.log(`  ${label.padEnd(28)} ${figure.padEnd(48)} target ${target.padEnd(16)} ${met ? 'met' : 'MISSED'}`);
  return met;
}

async function runServer(): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'pbc-bench-load-'));
  const database = await startBenchDatabase();
  const smtp = await startImmediateSmtp();
  Object.assign(process.env, benchFormsEnvironment(database.url, smtp.url, SECRET));
  // The site folder only needs a 404 page: the bench posts to the functions.
  await writeFile(join(scratch, '404.html'), '<!doctype html><title>404</title>');
  const vite = await startSsrLoader();
  try {
    const { serveSiteWithFunctions } = (await vite.ssrLoadModule('/tests/helpers/site-with-functions.ts')) as typeof import('../tests/helpers/site-with-functions.ts');
    // The same module instance as the server's: it tracks the promises given to `waitUntil`.
    const { functionContext, settleBackgroundWork } = (await vite.ssrLoadModule('/tests/helpers/function-context.ts')) as typeof import('../tests/helpers/function-context.ts');
    const { formToken } = (await vite.ssrLoadModule('/tests/helpers/form-fixtures.ts')) as typeof import('../tests/helpers/form-fixtures.ts');
    const retry = ((await vite.ssrLoadModule('/netlify/functions/retry-pending-emails.mts')) as { default: (request: Request, context: Context) => Promise<Response> }).default;
    // One function instance per connection, busy until its sending is done (as on Netlify).
    const site = await serveSiteWithFunctions(scratch, { deployContext: 'production', instances: CONNECTIONS });
    const tokens = await Promise.all(Array.from({ length: TOKENS }, () => formToken(FORM, { secret: SECRET })));
    const tokensFile = join(scratch, 'tokens.json');
    await writeFile(tokensFile, JSON.stringify(tokens));

    console.log(`Load: ${CONNECTIONS} connections for ${DURATION_SECONDS} s of valid order requests (JSON) from a second process, on 127.0.0.1; Node ${process.version}, ${availableParallelism()} CPU cores (shared).`);
    console.log(`Database: ${database.engine} (a throwaway server, tests/helpers/postgres-server.ts). SMTP: a local responder that greets at once, in a child process (scripts/lib/immediate-smtp.ts).`);
    const siteOrigin = new URL(readSiteSettings(join(PROJECT_ROOT, 'content')).site_url).origin;
    const report = await spawnClient(site.origin, tokensFile, siteOrigin);
    // Requests cut by the end of the run are still being processed here: let them finish, then their sending.
    await settle(() => site.calls.length);
    await settleBackgroundWork();
    await site.close();
    const acceptedByServer = site.calls.filter((call) => call.method === 'POST' && call.status === 200).length;
    const otherAnswers = site.calls.filter((call) => call.method === 'POST' && call.status !== 200);
    const { accepted: mailsBeforeRetry, connections: connectionsBeforeRetry } = await smtp.counts();
    const retryResponse = await retry(new Request('http://127.0.0.1/.netlify/functions/retry-pending-emails', { method: 'POST' }), functionContext({ deployContext: 'production' }));

    const count = async (sql: string) => Number((await database.client.query<{ count: string }>(sql)).rows[0]!.count);
    const stored = await count('SELECT count(*) FROM submissions');
    const outboxSent = await count(`SELECT count(*) FROM outbox WHERE status = 'sent'`);
    const outboxOther = await count(`SELECT count(*) FROM outbox WHERE status <> 'sent'`);
    const { accepted: mails } = await smtp.counts();
    const notSent = (
      await database.client.query<{ status: string; attempts: number; last_error: string | null; count: string }>(
        `SELECT status, attempts, last_error, count(*) FROM outbox WHERE status <> 'sent' GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 5`,
      )
    ).rows.map((row) => `${row.count} ${row.status} after ${row.attempts} attempt(s) (${row.last_error ?? 'no error'})`);

    console.log(`\nrequests per second   ${report.requestsPerSecond.toFixed(1)} (${report.requests} requests in ${DURATION_SECONDS} s)`);
    console.log(`answer p50 / p99      ${report.latencyP50} ms / ${report.latencyP99} ms (max ${report.latencyMax} ms)`);
    // Requests the client started but did not see answered: cut by the end of the run (autocannon closes its connections).
    const cut = report.tokensUsed - report.requests;
    const otherStatuses = [...new Set(otherAnswers.map((call) => call.status))].join(', ');
    console.log(`errors                ${report.errors} (time-outs ${report.timeouts}); non-2xx answers ${report.non2xx}; ${cut} requests cut by the end of the run, of which the server refused ${otherAnswers.length}${otherStatuses ? ` (${otherStatuses}: the body was cut)` : ''}`);
    console.log(`accepted answers      ${acceptedByServer} sent by the server; ${report.accepted} received by the client (${report.distinctReferences} distinct references; ${report.tokensUsed} tokens used of ${TOKENS})`);
    console.log(`stored submissions    ${stored}`);
    console.log(`e-mails               ${mailsBeforeRetry} received after the answers (${connectionsBeforeRetry} SMTP connections), ${mails} after one retry pass (answer ${retryResponse.status}); outbox: ${outboxSent} sent, ${outboxOther} not sent${notSent.length > 0 ? `: ${notSent.join('; ')}` : ''}`);

    console.log('\nTargets (issue 10):');
    const met = [
      printTarget('errors', `${report.errors + report.non2xx} (errors and non-2xx answers received)`, '0', report.errors === 0 && report.non2xx === 0 && otherAnswers.length <= cut),
      printTarget('stored = accepted', `${stored} stored, ${acceptedByServer} accepted`, 'equal', stored === acceptedByServer && report.distinctReferences === report.accepted && report.tokensUsed <= TOKENS),
      printTarget('e-mails = 3 × accepted', `${mails} e-mails, 3 × ${acceptedByServer} = ${3 * acceptedByServer}`, 'equal', mails === 3 * acceptedByServer),
      printTarget('answer p99', `${report.latencyP99} ms`, `≤ ${TARGET_P99_MS} ms`, report.latencyP99 <= TARGET_P99_MS),
    ];
    return met.every(Boolean) ? 0 : 1;
  } finally {
    await vite.close();
    await smtp.stop();
    await database.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--client') await runClient(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else process.exitCode = await runServer();
