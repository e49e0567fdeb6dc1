/**
 * Faults around a submission, beyond those of `order-request-delivery.test.ts`
 * (SMTP down or refusing, Blobs server stopped): the Blobs server failing
 * chosen writes (500, dropped connections, a write done but its answer lost),
 * through a proxy; the process killed (SIGKILL) between storing and mailing;
 * an SMTP server that accepts connections and then says nothing. Properties: an accepted answer means a stored record,
 * mailed exactly once (after the scheduled retry if need be); a submission that
 * could not be stored gets a French "nothing was recorded", never a thank-you.
 */
import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setEnvironmentContext } from '@netlify/blobs';
import { SMTP_TIMEOUTS } from '../../src/lib/email/create-mail-transport.ts';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import { loadFormRuntime } from '../../netlify/lib/form-runtime.ts';
import { retryPendingSubmissions } from '../../src/lib/forms/retry-pending-submissions.ts';
import { SEND_LEASE_MS } from '../../src/lib/forms/send-pending-messages.ts';
import retryHandler from '../../netlify/functions/retry-pending-emails.mts';
import type { SubmissionRecord } from '../../src/lib/forms/submission-repository.ts';
import { functionContext } from '../helpers/function-context.ts';
import { refusalProblems } from '../helpers/french-answers.ts';
import { formRequest, startFormServices, storedKeys, submissionsStore, validOrderFields, withToken, type FormServices } from '../helpers/form-fixtures.ts';
import { startFaultyProxy, type FaultyProxy } from '../helpers/faulty-proxy.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';
import { asSameOrigin } from '../helpers/same-origin-request.ts';

let services: FormServices;
let proxy: FaultyProxy;

beforeAll(async () => {
  services = await startFormServices();
  proxy = await startFaultyProxy(services.blobs.url);
  // The functions (and this test's reads) reach the Blobs server through the proxy.
  setEnvironmentContext({ edgeURL: proxy.url, uncachedEdgeURL: proxy.url, token: 'test-blobs-token', siteID: 'test-site' });
});
afterAll(async () => {
  await proxy.close();
  await services.stop();
});
beforeEach(() => {
  proxy.rule = () => 'pass';
  services.smtp.messages.length = 0;
});

const FORM = 'demande-bon-de-commande';

async function submit(accept: 'json' | 'html' = 'json'): Promise<Response> {
  return orderHandler(asSameOrigin(formRequest(FORM, await withToken(FORM, validOrderFields()), { accept })), functionContext());
}

function runRetry(): Promise<Response> {
  return retryHandler(new Request('http://127.0.0.1:9/.netlify/functions/retry-pending-emails', { method: 'POST' }), functionContext());
}

/** Per stored reference, how many e-mails of each kind the SMTP server received. */
function mailsPerReference(): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const mail of services.smtp.messages) {
    const [, reference, kind] = /^<(PBC-\d{4}-\d{5})\.(\w+)@/.exec(mail.messageId ?? '') ?? [];
    counts[reference!] ??= {};
    counts[reference!]![kind!] = (counts[reference!]![kind!] ?? 0) + 1;
  }
  return counts;
}

/** A write under `folder/` of the submissions store (the path reads `/test-site/site:submissions/records/…`). */
const isWrite = (method: string, path: string, folder: string) => method === 'PUT' && path.includes(`submissions/${folder}/`);

describe('Blobs failing on write', () => {
  it.each([
    ['answers 500 to every write of a record', 'fail-500'],
    ['drops the connection of every write of a record', 'drop'],
  ] as const)('when the store %s: 503 « rien n’a été enregistré », nothing stored, nothing mailed', async (_case, fault) => {
    const before = await storedKeys('records/');
    proxy.rule = ({ method, path }) => (isWrite(method, path, 'records') ? fault : 'pass');
    const json = await submit('json');
    const html = await submit('html');
    proxy.rule = () => 'pass';
    for (const [response, text] of [[json, await json.text()], [html, await html.text()]] as const) {
      expect(response.status).toBe(503);
      expect(refusalProblems(FORM, 503 - 100, response.headers.get('content-type'), text)).toEqual([]);
      expect(text).toContain('rien n’a été enregistré');
    }
    // The client library retried each write before giving up.
    expect(proxy.log.filter(({ fault: applied }) => applied === fault).length).toBeGreaterThanOrEqual(2 * 6);
    expect(await storedKeys('records/')).toEqual(before);
    expect(services.smtp.messages).toEqual([]);
  });

  it('a first attempt of every write that fails (500 or dropped) is retried: stored once, mailed once', async () => {
    const before = await storedKeys('records/');
    const failed = new Set<string>();
    let writes = 0;
    proxy.rule = ({ method, path }) => {
      if (method !== 'PUT' || failed.has(path)) return 'pass';
      failed.add(path);
      writes += 1;
      return writes % 2 === 0 ? 'drop' : 'fail-500';
    };
    const response = await submit();
    proxy.rule = () => 'pass';
    expect(response.status).toBe(200);
    const { reference } = (await response.json()) as { reference: string };
    // Rate limit, record, counter, nonce, pending index: each first write failed.
    expect(writes).toBeGreaterThanOrEqual(5);
    expect(await storedKeys('records/')).toEqual([...before, `records/${reference}`].sort());
    expect(mailsPerReference()).toEqual({ [reference]: { team: 1, startup: 1, confirmation: 1 } });
  });

  it('a record written but whose answer is lost is not stored twice', async () => {
    const before = await storedKeys('records/');
    let dropped = false;
    proxy.rule = ({ method, path }) => {
      if (dropped || !isWrite(method, path, 'records')) return 'pass';
      dropped = true;
      return 'forward-then-drop';
    };
    const response = await submit();
    proxy.rule = () => 'pass';
    expect(response.status).toBe(200);
    const { reference } = (await response.json()) as { reference: string };
    expect(dropped).toBe(true);
    expect(await storedKeys('records/')).toEqual([...before, `records/${reference}`].sort());
    expect(mailsPerReference()).toEqual({ [reference]: { team: 1, startup: 1, confirmation: 1 } });
  });

  it('the pending index failing after the record is stored: accepted, and mailed exactly once', async () => {
    const before = await storedKeys('records/');
    proxy.rule = ({ method, path }) => (isWrite(method, path, 'pending') ? 'fail-500' : 'pass');
    const response = await submit();
    const body = (await response.json()) as { status: string; reference: string };
    proxy.rule = () => 'pass';
    expect((await runRetry()).status).toBe(204);
    const added = (await storedKeys('records/')).filter((key) => !before.includes(key));
    expect(added).toHaveLength(1);
    const reference = added[0]!.slice('records/'.length);
    expect({ status: response.status, body }).toEqual({ status: 200, body: expect.objectContaining({ status: 'accepted', reference }) });
    expect(((await submissionsStore().get(added[0]!, { type: 'json' })) as SubmissionRecord).status).toBe('sent');
    expect(mailsPerReference()).toEqual({ [reference]: { team: 1, startup: 1, confirmation: 1 } });
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

describe('the process killed between storing and mailing', () => {
  it('after SIGKILL, the next scheduled retry mails the stored submission exactly once, and a resubmission gets its reference', async () => {
    const before = await storedKeys('records/');
    const silent = await startSilentSmtp();
    const fields = await withToken(FORM, validOrderFields());
    const child = spawn(process.execPath, ['tests/helpers/submit-in-child.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, SMTP_URL: silent.url, SUBMISSION_BODY: new URLSearchParams(fields).toString() },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let answered = '';
    child.stdout.on('data', (chunk: Buffer) => (answered += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    try {
      // Stored and indexed as pending, the child is now waiting for the silent server's greeting.
      const deadline = Date.now() + 60_000;
      while ((await storedKeys('pending/')).length === 0 || silent.sockets.length === 0) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } finally {
      child.kill('SIGKILL');
      await silent.stop();
    }
    expect(answered).toBe('');
    const added = (await storedKeys('records/')).filter((key) => !before.includes(key));
    expect(added).toHaveLength(1);
    const reference = added[0]!.slice('records/'.length);
    expect(services.smtp.messages).toEqual([]);

    // The killed sender's claim holds its message for SEND_LEASE_MS: the next scheduled run (15 min later) is past it.
    const runtime = await loadFormRuntime(functionContext());
    const later = new Date(Date.now() + SEND_LEASE_MS + 1_000);
    expect(await retryPendingSubmissions(runtime.store, runtime.send, later)).toMatchObject({ sent: 3, failed: 0 });
    expect(await retryPendingSubmissions(runtime.store, runtime.send, later)).toMatchObject({ submissions: 0, sent: 0 });
    // The visitor, who never got an answer, sends the form again: same reference, no new e-mail.
    const again = await orderHandler(asSameOrigin(formRequest(FORM, fields, { accept: 'json' })), functionContext());
    expect(await again.json()).toMatchObject({ status: 'accepted', reference });
    expect(mailsPerReference()).toEqual({ [reference]: { team: 1, startup: 1, confirmation: 1 } });
    expect(await storedKeys('records/')).toEqual([...before, `records/${reference}`].sort());
  });
});

describe('SMTP accepting connections, then hanging', () => {
  it('the visitor gets the reference after one greeting time-out, not one per message; the retry then sends each message once', async () => {
    const silent = await startSilentSmtp();
    process.env['SMTP_URL'] = silent.url;
    const started = performance.now();
    let response: Response;
    try {
      response = await submit();
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await silent.stop();
    }
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(SMTP_TIMEOUTS.greetingTimeout - 100);
    expect(elapsed).toBeLessThan(2 * SMTP_TIMEOUTS.greetingTimeout);
    expect(silent.sockets).toHaveLength(1);
    const { reference } = (await response.json()) as { reference: string };
    const pending = (await submissionsStore().get(`records/${reference}`, { type: 'json' })) as SubmissionRecord;
    expect(pending.messages.map(({ status, attempts }) => [status, attempts])).toEqual([
      ['pending', 1],
      ['pending', 0],
      ['pending', 0],
    ]);
    expect((await runRetry()).status).toBe(204);
    expect((await runRetry()).status).toBe(204);
    expect(mailsPerReference()).toEqual({ [reference]: { team: 1, startup: 1, confirmation: 1 } });
  });
});
