/**
 * Faults around a submission, against the run's PostgreSQL server and a real
 * SMTP server: the database down, hanging, failing the storing statement
 * (missing migration, an error raised mid-transaction, a lock, read-only
 * mode) or its pooled connection going dead; SMTP down then back, refusing
 * for good, refusing for a day, or silent; the process killed (SIGKILL)
 * between the commit and the e-mails; two retry passes at once; a retry pass
 * cut short. Properties (issue 10): an accepted answer means a committed
 * record whose e-mails are each sent exactly once (by the request or the
 * scheduled retry); a submission that could not be stored gets the French 503
 * « rien n’a été enregistré » within 5 s, with nothing stored and nothing sent.
 * Time passing for the outbox (claims, retry delays) is simulated by
 * `advanceOutboxClock`.
 */
import { connect, createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import { loadFormRuntime } from '../../netlify/lib/form-runtime.ts';
import { retryDueMessages, type RetryReport } from '../../src/lib/forms/sending/retry-due-messages.ts';
import { SMTP_TIMEOUTS } from '../../src/lib/email/open-mail-session.ts';
import { CLAIM_MS, MAX_SEND_ATTEMPTS } from '../../src/lib/forms/store/outbox.ts';
import { spawnSubmitter } from '../helpers/child-submitter.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import { refusalProblems } from '../helpers/french-answers.ts';
import {
  advanceOutboxClock,
  countMailsByReference,
  countRows,
  formRequest,
  liftSendingCaps,
  outboxRows,
  startFormServices,
  validOrderFields,
  withToken,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { startInspectingSmtp } from '../helpers/inspecting-smtp.ts';
import { createDatabase, withDatabase } from '../helpers/postgres-server.ts';
import { asSameOrigin } from '../helpers/same-origin-request.ts';
import { runScheduledRetry } from '../helpers/scheduled-retry.ts';

const FORM = 'demande-bon-de-commande';
const UNAVAILABLE = 'Le service est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.';
/** The issue's bound on the visitor's wait for the 503, ms. */
const UNAVAILABLE_WITHIN_MS = 5_000;
const QUARTER_HOUR_MS = 15 * 60 * 1_000;

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
  liftSendingCaps();
});
afterAll(() => services.stop());
beforeEach(async () => {
  // E-mails of the previous test still being sent arrive before this one starts.
  await settleBackgroundWork();
  services.smtp.messages.length = 0;
  // A test that failed half-way may have left e-mails due: the next test's retry pass would claim
  // them too and fail for that reason alone (seen under load: 42 claimed where 12 were due).
  await services.database.query("DELETE FROM outbox WHERE status = 'pending'");
});

async function submit(accept: 'json' | 'html' = 'json', fields?: Record<string, string>): Promise<Response> {
  return orderHandler(asSameOrigin(formRequest(FORM, fields ?? (await withToken(FORM, validOrderFields())), { accept })), functionContext());
}

/** Submit one valid order request in JSON; its reference (the answer must be « accepted »). */
async function submitAccepted(): Promise<string> {
  const response = await submit();
  const body = (await response.json()) as { status: string; reference: string };
  expect({ status: response.status, answer: body.status }).toEqual({ status: 200, answer: 'accepted' });
  return body.reference;
}

/** The outbox rows of some references, as `[reference, kind, status, attempts, last_error]`. */
async function rowsOf(references: readonly string[]): Promise<[string, string, string, number, string | null][]> {
  return (await outboxRows(services.database))
    .filter((row) => references.includes(row.reference))
    .map((row) => [row.reference, row.kind, row.status, row.attempts, row.last_error]);
}

const EACH_ONCE = { team: 1, startup: 1, confirmation: 1 };

/**
 * Submit in JSON and in HTML; each answer must be the French 503 « rien n’a
 * été enregistré », within the issue's 5 s.
 * @returns the time each answer took, ms
 */
async function expectUnavailable(): Promise<number[]> {
  const elapsed: number[] = [];
  for (const accept of ['json', 'html'] as const) {
    const started = performance.now();
    const response = await submit(accept);
    const text = await response.text();
    elapsed.push(performance.now() - started);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(refusalProblems(FORM, 503, response.headers.get('content-type'), text)).toEqual([]);
    if (accept === 'json') expect(JSON.parse(text)).toEqual({ status: 'unavailable', message: UNAVAILABLE });
    else expect(text).toContain('<h1 id="message">Service indisponible</h1>');
  }
  for (const ms of elapsed) expect(ms).toBeLessThan(UNAVAILABLE_WITHIN_MS);
  return elapsed;
}

describe('the database unavailable', () => {
  it.for([
    ['down (connection refused)', () => services.stopDatabase()],
    ['hanging (accepts connections, never answers)', () => services.hangDatabase()],
  ] as const)('%s: French 503 in JSON and HTML within 5 s, nothing stored, nothing sent', async ([, fail], { annotate }) => {
    const before = { submissions: await countRows(services.database, 'submissions'), outbox: await countRows(services.database, 'outbox') };
    await fail();
    let elapsed: number[];
    try {
      elapsed = await expectUnavailable();
    } finally {
      await services.restoreDatabase();
    }
    await annotate(`503 after ${elapsed.map((ms) => `${Math.round(ms)} ms`).join(' (JSON), ')} (HTML)`);
    await settleBackgroundWork();
    expect({ submissions: await countRows(services.database, 'submissions'), outbox: await countRows(services.database, 'outbox') }).toEqual(before);
    expect(services.smtp.messages).toEqual([]);
    // And the database back, the same visitor is accepted.
    await submitAccepted();
  });
});

/** A database of the run's server that fails the storing statement in some way, and its tables' contents. */
interface FailingDatabase {
  readonly url: string;
  /** Undo what makes it fail where it blocks readers (a lock). */
  release(): Promise<void>;
  /** Rows of each table that a submission writes (0 when the table does not exist). */
  written(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

async function openFailingDatabase(prepare: (admin: pg.Client, url: string) => Promise<(() => Promise<void>) | void>, migrated = true): Promise<FailingDatabase> {
  const adminUrl = process.env['PBC_TEST_POSTGRES_URL']!;
  let url: string;
  if (migrated) url = await createDatabase(adminUrl);
  else {
    const name = `pbc_unmigrated_${process.pid}_${Date.now()}`;
    const server = new pg.Client({ connectionString: adminUrl });
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
    await server.end();
    url = withDatabase(adminUrl, name);
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const release = await prepare(admin, url);
  return {
    url,
    release: async () => release?.(),
    async written() {
      const counts: Record<string, number> = {};
      for (const table of ['submissions', 'outbox', 'reference_counters', 'rate_counters']) {
        const exists = (await admin.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table])).rows[0]!.found !== null;
        counts[table] = exists ? Number((await admin.query<{ count: string }>(`SELECT count(*) FROM ${table}`)).rows[0]!.count) : 0;
      }
      return counts;
    },
    close: () => admin.end(),
  };
}

describe('the storing statement failing (as a store answering 429 would): never « accepted »', () => {
  it.for([
    ['the database has no migration (pbc_submit does not exist)', false, async () => undefined],
    [
      'an error raised after the record is inserted (SQLSTATE 53300 too_many_connections, from a trigger on the outbox)',
      true,
      async (admin: pg.Client) => {
        await admin.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'too many connections' USING ERRCODE = '53300'; END $$`);
        await admin.query('CREATE TRIGGER refuse BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse()');
      },
    ],
    [
      'the reference counters locked by another session (the statement time-out cancels the wait)',
      true,
      async (_admin: pg.Client, url: string) => {
        const locker = new pg.Client({ connectionString: url });
        await locker.connect();
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE reference_counters IN ACCESS EXCLUSIVE MODE');
        return async () => {
          await locker.query('ROLLBACK');
          await locker.end();
        };
      },
    ],
    [
      'the database read-only (fail-over, maintenance)',
      true,
      async (admin: pg.Client, url: string) => {
        await admin.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_read_only = on`);
      },
    ],
  ] as const)('%s: French 503 within 5 s, nothing written, nothing sent', async ([, migrated, prepare], { annotate }) => {
    const database = await openFailingDatabase(prepare, migrated);
    process.env['NETLIFY_DB_URL'] = database.url;
    let elapsed: number[];
    try {
      elapsed = await expectUnavailable();
    } finally {
      await services.restoreDatabase();
      await database.release();
    }
    await settleBackgroundWork();
    try {
      expect(await database.written()).toEqual({ submissions: 0, outbox: 0, reference_counters: 0, rate_counters: 0 });
    } finally {
      await database.close();
    }
    await annotate(`503 after ${elapsed.map((ms) => `${Math.round(ms)} ms`).join(' (JSON), ')} (HTML)`);
    expect(services.smtp.messages).toEqual([]);
  });
});

describe('SMTP down, then back', () => {
  it('the visitors get their references; after the scheduled retry each e-mail of each submission arrived exactly once', async () => {
    await services.stopSmtp();
    let references: string[];
    try {
      references = [await submitAccepted(), await submitAccepted(), await submitAccepted()];
      await settleBackgroundWork();
    } finally {
      await services.restartSmtp();
    }
    // The first message of each submission failed (the session stopped there); the others were not tried, for that reason.
    const refused = 'Error: ESOCKET';
    expect(await rowsOf(references)).toEqual(
      references.flatMap((reference) => [
        [reference, 'team', 'pending', 1, refused],
        [reference, 'startup', 'pending', 0, refused],
        [reference, 'confirmation', 'pending', 0, refused],
      ]),
    );
    // The next run sends the messages never tried; the failed ones wait for their retry delay (5 min).
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toHaveLength(6);
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);

    expect(services.smtp.messages).toHaveLength(9);
    expect(new Set(services.smtp.messages.map((mail) => mail.messageId)).size).toBe(9);
    expect(countMailsByReference(services.smtp.messages)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(await rowsOf(references)).toEqual(
      references.flatMap((reference) => [
        [reference, 'team', 'sent', 2, refused],
        [reference, 'startup', 'sent', 1, refused],
        [reference, 'confirmation', 'sent', 1, refused],
      ]),
    );
  });

  it('a permanent refusal (550) marks every message failed with its error; the retry never sends them', async () => {
    services.smtp.refuse = true;
    services.smtp.refusalCode = 550;
    let reference: string;
    try {
      reference = await submitAccepted();
      await settleBackgroundWork();
    } finally {
      services.smtp.refuse = false;
      services.smtp.refusalCode = 451;
    }
    const failed = ['team', 'startup', 'confirmation'].map((kind) => [reference, kind, 'failed', 1, 'Error: 550']);
    expect(await rowsOf([reference])).toEqual(failed);
    await advanceOutboxClock(services.database, 24 * 60 * 60 * 1_000);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toEqual([]);
    expect(await rowsOf([reference])).toEqual(failed);
  });
});

describe('SMTP refusing for a day', () => {
  it(`a message still refused (451) at its ${MAX_SEND_ATTEMPTS}th attempt is marked failed, and the retry stops sending it`, async () => {
    services.smtp.refuse = true;
    let reference: string;
    try {
      reference = await submitAccepted();
      await settleBackgroundWork();
      // A day of scheduled runs later: the team's copy has failed every time.
      await services.database.query(
        `UPDATE outbox SET attempts = $1 FROM submissions s WHERE s.id = outbox.submission_id AND s.reference = $2 AND outbox.kind = 'team'`,
        [MAX_SEND_ATTEMPTS - 1, reference],
      );
      await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
      expect((await runScheduledRetry()).status).toBe(204);
    } finally {
      services.smtp.refuse = false;
    }
    expect(await rowsOf([reference])).toEqual([
      [reference, 'team', 'failed', MAX_SEND_ATTEMPTS, 'Error: 451'],
      [reference, 'startup', 'pending', 0, 'Error: 451'],
      [reference, 'confirmation', 'pending', 0, 'Error: 451'],
    ]);
    // SMTP back: the others go, the failed one stays failed (shown to the team).
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: { startup: 1, confirmation: 1 } });
    expect((await rowsOf([reference])).map(([, kind, status]) => [kind, status])).toEqual([
      ['team', 'failed'],
      ['startup', 'sent'],
      ['confirmation', 'sent'],
    ]);
  });
});

/** A TCP server that accepts every connection and never says a word (no SMTP greeting). */
async function startSilentSmtp(): Promise<{ url: string; sockets: Socket[]; stop(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as { port: number }).port}`,
    sockets,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('SMTP accepting connections, then saying nothing', () => {
  it('the visitor is answered at once; the sending gives up after one greeting time-out and leaves the e-mails to the retry', async ({ annotate }) => {
    const silent = await startSilentSmtp();
    process.env['SMTP_URL'] = silent.url;
    let answerMs: number;
    let sendingMs: number;
    let reference: string;
    try {
      const started = performance.now();
      reference = await submitAccepted();
      answerMs = performance.now() - started;
      await settleBackgroundWork();
      sendingMs = performance.now() - started;
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await silent.stop();
    }
    await annotate(`answer after ${Math.round(answerMs)} ms, sending given up after ${Math.round(sendingMs)} ms`);
    expect(answerMs).toBeLessThan(1_000);
    expect(sendingMs).toBeGreaterThanOrEqual(SMTP_TIMEOUTS.greetingTimeout - 100);
    expect(sendingMs).toBeLessThan(2 * SMTP_TIMEOUTS.greetingTimeout);
    expect(silent.sockets).toHaveLength(1);
    expect((await rowsOf([reference])).map(([, kind, status, attempts]) => [kind, status, attempts])).toEqual([
      ['team', 'pending', 1],
      ['startup', 'pending', 0],
      ['confirmation', 'pending', 0],
    ]);
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: EACH_ONCE });
  });
});

describe('the process killed between the commit and the e-mails', () => {
  it('after SIGKILL, the first retry past the claim sends each e-mail once; a resubmission gets the reference and sends nothing', async () => {
    const silent = await startSilentSmtp();
    const fields = await withToken(FORM, validOrderFields());
    const child = spawnSubmitter(FORM, [new URLSearchParams(fields).toString()], { SMTP_URL: silent.url });
    try {
      await child.ready;
      child.go();
      // Answered, then waiting for the silent server's greeting with the e-mails claimed: kill it there.
      await waitFor(() => child.answers.length === 1 && silent.sockets.length === 1);
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
    } finally {
      child.process.kill('SIGKILL');
      await silent.stop();
    }
    const [answer] = child.answers;
    expect(answer).toMatchObject({ status: 200, body: { status: 'accepted' } });
    const reference = answer!.body.reference!;
    const pending = ['team', 'startup', 'confirmation'].map((kind) => [reference, kind, 'pending', 0, null]);
    expect(await rowsOf([reference])).toEqual(pending);

    // The dead request's claim still holds its messages: a retry now sends nothing.
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toEqual([]);
    // The first scheduled run after the claim expired sends them, once.
    await advanceOutboxClock(services.database, CLAIM_MS + 1_000);
    expect((await runScheduledRetry()).status).toBe(204);
    expect((await runScheduledRetry()).status).toBe(204);
    // The visitor sends the form again: same reference, no new e-mail.
    const again = await submit('json', fields);
    expect(await again.json()).toMatchObject({ status: 'accepted', reference });
    await settleBackgroundWork();
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: EACH_ONCE });
    expect(await rowsOf([reference])).toEqual(['team', 'startup', 'confirmation'].map((kind) => [reference, kind, 'sent', 1, null]));
  });
});

describe('two retry passes at once', () => {
  it('20 submissions left pending: both passes together send each of the 60 e-mails once', async ({ annotate }) => {
    // All 60 messages due: more than one batch (`RETRY_BATCH`).
    const references = await pendingSubmissions(20);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let passes: Response[];
    let lines: unknown[];
    try {
      passes = await Promise.all([runScheduledRetry(), runScheduledRetry()]);
    } finally {
      lines = log.mock.calls.map(([line]) => line);
      log.mockRestore();
    }
    expect(passes.map((response) => response.status)).toEqual([204, 204]);
    // Each message was claimed by one pass only (the passes' log lines).
    const reports = lines.map((line) => JSON.parse(String(line)) as { event: string; claimed: number });
    expect(reports.map(({ event }) => event)).toEqual(['retry-pending-emails', 'retry-pending-emails']);
    expect(reports.reduce((total, report) => total + report.claimed, 0)).toBe(60);
    await annotate(`messages claimed by each pass: ${reports.map((report) => report.claimed).join(' and ')}`);
    expect(services.smtp.messages).toHaveLength(60);
    expect(new Set(services.smtp.messages.map((mail) => mail.messageId)).size).toBe(60);
    expect(countMailsByReference(services.smtp.messages)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect((await rowsOf(references)).filter(([, , status]) => status !== 'sent')).toEqual([]);
  });
});

/** Leave `count` submissions with all their e-mails pending and due (SMTP down when they came, the retry delay past). */
async function pendingSubmissions(count: number): Promise<string[]> {
  await services.stopSmtp();
  let references: string[];
  try {
    references = await Promise.all(Array.from({ length: count }, () => submitAccepted()));
    await settleBackgroundWork();
  } finally {
    await services.restartSmtp();
  }
  await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
  return references;
}

/** Number of the given submissions' e-mails recorded as sent. */
async function recordedSent(references: readonly string[]): Promise<number> {
  return (await rowsOf(references)).filter(([, , status]) => status === 'sent').length;
}

describe('the scheduled retry stopped part-way (time limit, crash)', () => {
  it('records each submission’s sends before sending the next one, so a pass cut short re-sends at most one submission’s e-mails', async () => {
    const references = await pendingSubmissions(4);
    const checking = await startInspectingSmtp(() => recordedSent(references));
    process.env['SMTP_URL'] = checking.url;
    try {
      expect((await runScheduledRetry()).status).toBe(204);
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await checking.stop();
    }
    // When the i-th message arrived, the submissions before its own were all recorded as sent.
    expect(checking.arrivals.map(({ seen }) => seen)).toEqual([0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9]);
    expect(countMailsByReference(checking.arrivals.map(({ mail }) => mail))).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
  });

  it('starts no submission after its time budget; the first pass after the claim sends the rest, each e-mail once', async () => {
    const references = await pendingSubmissions(4);
    // A slow server: 150 ms per message, so one submission takes about 450 ms.
    const slow = await startInspectingSmtp(() => new Promise((resolve) => setTimeout(resolve, 150)));
    process.env['SMTP_URL'] = slow.url;
    let first: RetryReport;
    try {
      const { delivery } = await loadFormRuntime(functionContext());
      first = await retryDueMessages(delivery.database, delivery.openSession, delivery.compose, delivery.policy, 500);
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await slow.stop();
    }
    expect(first.claimed).toBe(12);
    expect(first.sent % 3).toBe(0);
    expect(first.sent).toBeGreaterThanOrEqual(3);
    expect(first.sent).toBeLessThan(12);
    expect(await recordedSent(references)).toBe(first.sent);
    // The rest stay claimed by the finished pass: the next run takes them once the claim has expired.
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toEqual([]);
    await advanceOutboxClock(services.database, CLAIM_MS + 1_000);
    expect((await runScheduledRetry()).status).toBe(204);
    const mails = [...slow.arrivals.map(({ mail }) => mail), ...services.smtp.messages];
    expect(countMailsByReference(mails)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(await recordedSent(references)).toBe(12);
  });

  it('with the SMTP server unreachable, tries one submission and ends the pass; past the claim and the delay, each e-mail is sent once', async () => {
    const references = await pendingSubmissions(4);
    await services.stopSmtp();
    let first: RetryReport;
    try {
      const { delivery } = await loadFormRuntime(functionContext());
      first = await retryDueMessages(delivery.database, delivery.openSession, delivery.compose, delivery.policy);
    } finally {
      await services.restartSmtp();
    }
    // One connection refused: that submission's three messages are deferred, the other nine wait under the claim.
    expect(first).toEqual({ claimed: 12, sent: 0, deferred: 3, failed: 0, held: 0 });
    expect(await recordedSent(references)).toBe(0);
    // Past the claim and the refused message's retry delay, one pass sends everything.
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(await recordedSent(references)).toBe(12);
  });
});

/**
 * A TCP proxy in front of the database whose connections can go dead: after
 * `cut()`, the connections open then forward nothing more and never close (a
 * network path lost without a reset: NAT time-out, fail-over); new connections
 * still work.
 */
async function startCuttableProxy(target: URL): Promise<{ url: string; cut(): void; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let cutBefore = 0;
  let opened = 0;
  const server = createServer((client) => {
    const index = (opened += 1);
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    const alive = () => index > cutBefore;
    client.on('data', (chunk) => alive() && upstream.write(chunk));
    upstream.on('data', (chunk) => alive() && client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: url.toString(),
    cut: () => {
      cutBefore = opened;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the database connection lost without a reset', () => {
  it('a visitor given a dead pooled connection gets the 503 within 5 s; the dead connections are dropped and the next visitors are accepted', async ({ annotate }) => {
    const proxy = await startCuttableProxy(new URL(services.databaseUrl));
    process.env['NETLIFY_DB_URL'] = proxy.url;
    const before = await countRows(services.database, 'submissions');
    const answers: { status: number; ms: number }[] = [];
    try {
      // Open the pool's connections (the answer's statement, then the e-mails' record).
      await Promise.all([submitAccepted(), submitAccepted(), submitAccepted()]);
      await settleBackgroundWork();
      proxy.cut();
      for (let visitor = 0; visitor < 5; visitor += 1) {
        const started = performance.now();
        const response = await submit();
        await response.body?.cancel();
        answers.push({ status: response.status, ms: performance.now() - started });
      }
    } finally {
      await services.restoreDatabase();
      await proxy.stop();
    }
    await annotate(`answers after the cut: ${answers.map(({ status, ms }) => `${status} in ${Math.round(ms)} ms`).join(', ')}`);
    const statuses = answers.map(({ status }) => status);
    // At most one 503 per pooled connection (3 at most), all before the first acceptance.
    const unavailable = statuses.filter((status) => status === 503).length;
    expect(unavailable).toBeGreaterThanOrEqual(1);
    expect(unavailable).toBeLessThanOrEqual(3);
    expect(statuses).toEqual([...Array(unavailable).fill(503), ...Array(5 - unavailable).fill(200)]);
    for (const { ms } of answers) expect(ms).toBeLessThan(UNAVAILABLE_WITHIN_MS);
    await settleBackgroundWork();
    expect(await countRows(services.database, 'submissions')).toBe(before + 3 + 5 - unavailable);
  });
});
