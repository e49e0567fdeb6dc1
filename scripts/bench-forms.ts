/**
 * `npm run bench:forms`: throughput and latency of the order-request function,
 * in-process, against the local Netlify Blobs server and a local SMTP server
 * (both on 127.0.0.1), next to a baseline that only reads the same body with
 * `readFormRequest`, all measured in the same run.
 *
 * Each submission is sequential and carries a fresh signed token (issued
 * outside the timed region, as the form page would), so every one is stored
 * under a new reference and sends its three e-mails. The function is measured
 * twice: in the local deploy context (the runtime is rebuilt for each request,
 * so that content edits show up) and in the `production` context (the runtime
 * is built once per instance).
 *
 * The function modules import `.tsx` files, which Node's type stripping does
 * not handle: they are loaded through Vite's SSR module loader, the transform
 * pipeline vitest uses. Prints figures; asserts nothing; exits by itself.
 *
 * Options: `SUBMISSIONS=200` (per measured series), `WARMUP=10`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { createServer as createNetServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startSsrLoader } from '../tests/helpers/ssr-loader.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SUBMISSIONS = Number(process.env['SUBMISSIONS'] ?? 200);
const WARMUP = Number(process.env['WARMUP'] ?? 10);
const LOCAL_SECRET = 'local-development-only-signing-secret';
const PRODUCTION_SECRET = 'bench-production-secret-of-at-least-32-chars';
const FORM = 'demande-bon-de-commande';

type Handler = (request: Request, context: unknown) => Promise<Response> | Response;

/** The order request the benchmark sends, as a visitor types it. */
const ORDER_FIELDS: Record<string, string> = {
  organisation: 'Communauté d’agglomération « Mulhouse Alsace »',
  buyer_kind: 'public',
  siret: '732 829 320 00074',
  contact_name: 'Élise Müller',
  role: 'Responsable des achats',
  email: 'achats@exemple.fr',
  phone: '03 89 12 34 56',
  startup: 'demo-capteurs-rhin',
  kind: 'prototype',
  need: 'Un prototype de capteur de vibrations pour les pompes de la station d’épuration.',
  budget_ht: '14 500,50',
  wished_date: '2027-03-15',
  consent: 'on',
};

interface SmtpServerHandle {
  readonly url: string;
  /** Messages accepted so far. */
  accepted(): number;
  /** TCP connections opened so far. */
  connections(): number;
  stop(): Promise<void>;
}

/**
 * A minimal SMTP responder (RFC 5321 commands only, no parsing of the message):
 * greets at once and accepts every message, like a relay with no greeting delay.
 */
async function startImmediateSmtp(): Promise<SmtpServerHandle> {
  let accepted = 0;
  let connections = 0;
  const server = createNetServer((socket) => {
    connections += 1;
    let inData = false;
    let buffer = '';
    socket.setEncoding('latin1');
    socket.write('220 bench ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          accepted += 1;
          socket.write('250 OK: queued\r\n');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) return;
        const command = buffer.slice(0, lineEnd).toUpperCase();
        buffer = buffer.slice(lineEnd + 2);
        if (command.startsWith('EHLO')) socket.write('250-bench\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
        else if (command.startsWith('DATA')) {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (command.startsWith('QUIT')) socket.end('221 Bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    connections: () => connections,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The `smtp-server` package, as the tests use it (without reverse DNS lookup): it
 * waits 100 ms after each connection before greeting, to catch clients that talk too early.
 */
async function startSmtpServerPackage(): Promise<SmtpServerHandle> {
  let accepted = 0;
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    connections: () => connections,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

interface Series {
  readonly name: string;
  readonly durationsMs: number[];
  readonly totalMs: number;
  readonly failures: number;
  /** Per call: Blobs requests, SMTP connections, messages accepted. */
  readonly perCall?: { readonly blobs: number; readonly smtpConnections: number; readonly mails: number };
}

/** Counters read before and after a series. */
interface Meters {
  blobs(): number;
  smtp?: SmtpServerHandle;
}

/**
 * Run `count` sequential calls; `prepare` (untimed) builds the input of call `index`,
 * `call` (timed) returns true when the outcome is the expected one.
 */
async function measure<Input>(
  name: string,
  count: number,
  prepare: (index: number) => Promise<Input>,
  call: (input: Input) => Promise<boolean>,
  meters?: Meters,
): Promise<Series> {
  const durationsMs: number[] = [];
  let failures = 0;
  let totalMs = 0;
  const before = { blobs: meters?.blobs() ?? 0, connections: meters?.smtp?.connections() ?? 0, mails: meters?.smtp?.accepted() ?? 0 };
  for (let index = 0; index < count; index += 1) {
    const input = await prepare(index);
    const started = performance.now();
    const ok = await call(input);
    const elapsed = performance.now() - started;
    durationsMs.push(elapsed);
    totalMs += elapsed;
    if (!ok) failures += 1;
  }
  if (!meters?.smtp) return { name, durationsMs, totalMs, failures };
  return {
    name,
    durationsMs,
    totalMs,
    failures,
    perCall: {
      blobs: (meters.blobs() - before.blobs) / count,
      smtpConnections: (meters.smtp.connections() - before.connections) / count,
      mails: (meters.smtp.accepted() - before.mails) / count,
    },
  };
}

function printTable(series: readonly Series[]): void {
  const rows = series.map((entry) => {
    const sorted = [...entry.durationsMs].sort((left, right) => left - right);
    const quarter = Math.max(1, Math.floor(entry.durationsMs.length / 4));
    const medianOf = (part: number[]) => percentile(part.sort((left, right) => left - right), 0.5).toFixed(1);
    const drift = `${medianOf(entry.durationsMs.slice(0, quarter))} → ${medianOf(entry.durationsMs.slice(-quarter))}`;
    return [
      entry.name,
      String(entry.durationsMs.length),
      (entry.durationsMs.length / (entry.totalMs / 1_000)).toFixed(1),
      percentile(sorted, 0.5).toFixed(2),
      percentile(sorted, 0.95).toFixed(2),
      sorted[sorted.length - 1]!.toFixed(2),
      drift,
      String(entry.failures),
      entry.perCall ? entry.perCall.blobs.toFixed(1) : '—',
      entry.perCall ? entry.perCall.smtpConnections.toFixed(1) : '—',
      entry.perCall ? entry.perCall.mails.toFixed(1) : '—',
    ];
  });
  const header = ['series', 'n', 'per second', 'p50 ms', 'p95 ms', 'max ms', 'p50 1st → last quarter', 'unexpected', 'Blobs req./call', 'SMTP conn./call', 'mails/call'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** The local Blobs server on an empty folder, `@netlify/blobs` pointed at it; counts requests. */
async function startBlobs(counter: (type: string) => void): Promise<{ stop(): Promise<void> }> {
  const directory = await mkdtemp(join(PROJECT_ROOT, 'tmp', 'bench-forms-'));
  const server = new BlobsServer({ directory, token: 'bench-token', onRequest: ({ type }) => counter(type) });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, token: 'bench-token', siteID: 'bench-site' });
  return {
    async stop() {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  let blobRequests = 0;
  const blobRequestsByType = new Map<string, number>();
  const countBlobRequest = (type: string) => {
    blobRequests += 1;
    blobRequestsByType.set(type, (blobRequestsByType.get(type) ?? 0) + 1);
  };
  // Each series starts on an empty store: the local server lists by walking its folder,
  // so its requests slow down as submissions pile up.
  let blobs = await startBlobs(countBlobRequest);
  const freshStore = async () => {
    await blobs.stop();
    blobs = await startBlobs(countBlobRequest);
  };
  const immediateSmtp = await startImmediateSmtp();
  const packageSmtp = await startSmtpServerPackage();
  process.env['MAIL_FROM_ADDRESS'] = 'ne-pas-repondre@premiers-bons-de-commande.fr';
  process.env['RATE_LIMIT_MAX'] = String(10 * (SUBMISSIONS + WARMUP) + 10);

  const vite = await startSsrLoader();
  try {
    const handler = ((await vite.ssrLoadModule('/netlify/functions/demande-bon-de-commande.mts')) as { default: Handler }).default;
    const { readFormRequest } = (await vite.ssrLoadModule('/src/lib/forms/request/read-form-request.ts')) as typeof import('../src/lib/forms/request/read-form-request.ts');
    const { issueFormToken } = (await vite.ssrLoadModule('/src/lib/forms/form-token.ts')) as typeof import('../src/lib/forms/form-token.ts');

    const bodyWithToken = async (secret: string) =>
      new URLSearchParams({ ...ORDER_FIELDS, jeton: await issueFormToken(secret, FORM, Date.now() - 10_000) }).toString();
    const request = (body: string) =>
      new Request(`http://127.0.0.1:9/api/${FORM}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body });
    const localContext = { deploy: { context: '', id: 'bench', published: false }, ip: '127.0.0.1' };
    const productionContext = { deploy: { context: 'production', id: 'bench', published: true }, ip: '127.0.0.1' };
    const accepted = (response: Response) => response.status === 303 && /reference=PBC-\d{4}-\d{5}/.test(response.headers.get('location') ?? '');
    const submit = (secret: string, context: object) => [() => bodyWithToken(secret), async (body: string) => accepted(await handler(request(body), context))] as const;

    const results: Series[] = [];

    const baselineBody = await bodyWithToken(LOCAL_SECRET);
    const parseOnly = async (body: string) => (await readFormRequest(request(body))).ok;
    await measure('warm-up', WARMUP, async () => baselineBody, parseOnly);
    results.push(await measure('baseline: readFormRequest only', SUBMISSIONS, async () => baselineBody, parseOnly));

    // Local deploy context: the runtime (settings, startups, schemas) is rebuilt for each request.
    process.env['SMTP_URL'] = immediateSmtp.url;
    await freshStore();
    await measure('warm-up', WARMUP, ...submit(LOCAL_SECRET, localContext));
    const byTypeBeforeLocal = new Map(blobRequestsByType);
    results.push(await measure('function, local context', SUBMISSIONS, ...submit(LOCAL_SECRET, localContext), { blobs: () => blobRequests, smtp: immediateSmtp }));

    const byTypeAfterLocal = new Map(blobRequestsByType);

    // Production context: the runtime is built once (its SMTP URL is fixed then).
    process.env['FORM_SIGNING_SECRET'] = PRODUCTION_SECRET;
    await freshStore();
    await measure('warm-up', WARMUP, ...submit(PRODUCTION_SECRET, productionContext));
    results.push(await measure('function, production context', SUBMISSIONS, ...submit(PRODUCTION_SECRET, productionContext), { blobs: () => blobRequests, smtp: immediateSmtp }));

    // The same, local context, through the smtp-server package (its 100 ms pause before each greeting).
    process.env['SMTP_URL'] = packageSmtp.url;
    delete process.env['FORM_SIGNING_SECRET'];
    await freshStore();
    const slowCount = Math.max(1, Math.round(SUBMISSIONS / 4));
    await measure('warm-up', Math.min(WARMUP, 3), ...submit(LOCAL_SECRET, localContext));
    results.push(await measure('function, local, smtp-server package', slowCount, ...submit(LOCAL_SECRET, localContext), { blobs: () => blobRequests, smtp: packageSmtp }));

    console.log(`\nOrder request (${FORM}): sequential submissions, each with a fresh token, after ${WARMUP} warm-up ones; Node ${process.version}.`);
    console.log('A function call reads, validates, checks spam, stores in the local Blobs server and sends 3 e-mails (team, startup, confirmation).');
    console.log('SMTP: a minimal local responder that greets at once, except the last series (smtp-server package, 100 ms pause before each greeting).\n');
    printTable(results);
    const perType = [...byTypeAfterLocal]
      .map(([type, count]) => `${type} ${((count - (byTypeBeforeLocal.get(type) ?? 0)) / SUBMISSIONS).toFixed(1)}`)
      .join(', ');
    console.log(`\nBlobs requests per accepted submission, by kind: ${perType}.`);
    const medians = results.map((entry) => percentile([...entry.durationsMs].sort((left, right) => left - right), 0.5));
    console.log(`\nMedian cost over the baseline: local ${(medians[1]! - medians[0]!).toFixed(2)} ms, production ${(medians[2]! - medians[0]!).toFixed(2)} ms.`);
  } finally {
    await vite.close();
    await immediateSmtp.stop();
    await packageSmtp.stop();
    await blobs.stop();
  }
}

await main();
