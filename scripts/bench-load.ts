/**
 * `npm run bench:load`: the form functions under load, over real HTTP. This
 * process serves them on 127.0.0.1 (the test helper `site-with-functions`, in
 * the `production` deploy context: runtime built once) against the local Netlify
 * Blobs server and an SMTP server (`smtp-server` package); a SECOND process
 * (this script with `--client`) drives it with autocannon: 50 connections for
 * 30 s of valid order requests (JSON, as the enhanced form sends them), each
 * with its own signed token and a unique e-mail address.
 *
 * Each connection is one client: it sends its own address in
 * `x-nf-client-connection-ip`, the header Netlify's proxy sets and the server
 * hands to the function as `context.ip` (all connections come from 127.0.0.1,
 * and 50 clients sharing one rate-limit entry would measure write conflicts on
 * it). The per-client limit is also raised (`RATE_LIMIT_MAX`) far above what one
 * connection sends in 30 s: the bench measures throughput, not the limit. Tokens are issued here, before the run, 10 s in the
 * past (as a page displayed 10 s earlier), and handed to the client in a file.
 *
 * Prints requests per second, p50/p99 latency, errors and non-2xx answers,
 * then, once the requests cut by the end of the run are done, counts stored
 * records against accepted answers (they must be equal) and e-mails received
 * against e-mails recorded as sent. Asserts nothing; exits 1
 * when accepted and stored differ. Options: `CONNECTIONS=50`, `DURATION=30` (s).
 *
 * The function modules import `.tsx` files, loaded through Vite's SSR module
 * loader, as in `bench-forms.ts`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setEnvironmentContext, getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { startSsrLoader } from '../tests/helpers/ssr-loader.ts';
import { readSiteSettings } from '../src/lib/content-model/read-settings.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const CONNECTIONS = Number(process.env['CONNECTIONS'] ?? 50);
const DURATION_SECONDS = Number(process.env['DURATION'] ?? 30);
const SECRET = 'bench-load-signing-secret-of-at-least-32-chars';
const FORM = 'demande-bon-de-commande';
/** Tokens prepared for the client: far more than 30 s can use. */
const TOKENS = 40_000;

/** A valid order request as the enhanced form sends it (JSON); the client adds the token and a unique e-mail. */
const ORDER_FIELDS = {
  organisation: 'Communauté d’agglomération « Mulhouse Alsace »',
  buyer_kind: 'public',
  siret: '732 829 320 00074',
  contact_name: 'Élise Müller',
  role: 'Responsable des achats',
  phone: '03 89 12 34 56',
  startup: 'demo-capteurs-rhin',
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
 * posting as a page of `siteOrigin` (in production the functions accept only the
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

/** Wait until `count()` stops changing for two seconds. */
async function settle(count: () => number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

async function runServer(): Promise<number> {
  const scratch = await mkdtemp(join(PROJECT_ROOT, 'tmp', 'bench-load-'));
  const blobs = new BlobsServer({ directory: join(scratch, 'blobs'), token: 'bench-token' });
  const { port: blobsPort } = await blobs.start();
  const blobsUrl = `http://127.0.0.1:${blobsPort}`;
  setEnvironmentContext({ edgeURL: blobsUrl, uncachedEdgeURL: blobsUrl, token: 'bench-token', siteID: 'bench-site' });

  let mails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        mails += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  Object.assign(process.env, {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM_ADDRESS: 'ne-pas-repondre@premiers-bons-de-commande.fr',
    FORM_SIGNING_SECRET: SECRET,
    RATE_LIMIT_MAX: '1000000000',
  });
  // The site folder only needs a 404 page: the bench posts to the functions.
  await writeFile(join(scratch, '404.html'), '<!doctype html><title>404</title>');

  const vite = await startSsrLoader();
  try {
    const { serveSiteWithFunctions } = (await vite.ssrLoadModule('/tests/helpers/site-with-functions.ts')) as typeof import('../tests/helpers/site-with-functions.ts');
    const { issueFormToken } = (await vite.ssrLoadModule('/src/lib/forms/form-token.ts')) as typeof import('../src/lib/forms/form-token.ts');
    const site = await serveSiteWithFunctions(scratch, { deployContext: 'production' });
    const issuedAt = Date.now() - 10_000;
    const tokens = await Promise.all(Array.from({ length: TOKENS }, () => issueFormToken(SECRET, FORM, issuedAt)));
    const tokensFile = join(scratch, 'tokens.json');
    await writeFile(tokensFile, JSON.stringify(tokens));

    console.log(`Load: ${CONNECTIONS} connections for ${DURATION_SECONDS} s of valid order requests (JSON) from a second process, on 127.0.0.1; Node ${process.version}, ${execFileSync('nproc').toString().trim()} CPU cores (shared).`);
    const siteOrigin = new URL(readSiteSettings(join(PROJECT_ROOT, 'content')).site_url).origin;
    const report = await spawnClient(site.origin, tokensFile, siteOrigin);
    // Requests cut by the end of the run are still being processed here: let them finish.
    await settle(() => site.calls.length);
    await site.close();
    const acceptedByServer = site.calls.filter((call) => call.method === 'POST' && call.status === 200).length;
    const refusedByServer = site.calls.filter((call) => call.method === 'POST' && call.status !== 200).length;

    const store = getStore({ name: 'submissions', consistency: 'strong' });
    const records = (await store.list({ prefix: 'records/' })).blobs;
    const pending = (await store.list({ prefix: 'pending/' })).blobs;
    let recordedSent = 0;
    for (const { key } of records) {
      const record = (await store.get(key, { type: 'json' })) as { messages: { status: string }[] };
      recordedSent += record.messages.filter((message) => message.status === 'sent').length;
    }

    console.log(`\nrequests per second   ${report.requestsPerSecond.toFixed(1)} (${report.requests} requests in ${DURATION_SECONDS} s)`);
    console.log(`latency p50 / p99     ${report.latencyP50} ms / ${report.latencyP99} ms`);
    console.log(`errors                ${report.errors} (time-outs ${report.timeouts}), non-2xx answers ${report.non2xx}`);
    console.log(`accepted answers      ${report.accepted} received by the client (${report.distinctReferences} distinct references; ${report.tokensUsed} tokens used of ${TOKENS}); ${acceptedByServer} sent by the server, ${refusedByServer} other answers`);
    console.log(`stored records        ${records.length} (${pending.length} with e-mails still pending)`);
    console.log(`e-mails received      ${mails} by the SMTP server; ${recordedSent} recorded as sent; ${3 * records.length} expected (3 per record)`);
    // The client misses the answers cut by the end of the run; the server counts every answer it sent.
    const consistent = records.length === acceptedByServer && report.distinctReferences === report.accepted && report.accepted <= acceptedByServer && report.tokensUsed <= TOKENS;
    console.log(consistent ? '\nstored = accepted: yes' : '\nstored = accepted: NO');
    return consistent ? 0 : 1;
  } finally {
    await vite.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await blobs.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--client') await runClient(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else process.exitCode = await runServer();
