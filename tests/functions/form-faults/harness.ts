/**
 * What the form-fault files share (`tests/functions/form-faults/*.test.ts`),
 * against the run's PostgreSQL server and a real SMTP server. The faults are
 * split into files that vitest runs side by side, each in its own process with
 * its own database, SMTP server and environment (the handlers read
 * `NETLIFY_DB_URL` and `SMTP_URL` from `process.env`, which a test switches):
 * they spend their time waiting on the production time-outs, not computing.
 * Properties (issue 10): an accepted answer means a committed record whose
 * e-mails are each sent exactly once (by the request or the scheduled retry); a
 * submission that could not be stored gets the French 503 « rien n’a été
 * enregistré » within 5 s, with nothing stored and nothing sent. Time passing
 * for the outbox (claims, retry delays) is simulated by `advanceOutboxClock`.
 */
import { createServer, type Socket } from 'node:net';
import { beforeEach, expect } from 'vitest';
import orderHandler from '../../../netlify/functions/demande-bon-de-commande.mts';
import { functionContext, settleBackgroundWork } from '../../helpers/function-context.ts';
import { refusalProblems } from '../../helpers/french-answers.ts';
import {
  advanceOutboxClock,
  formRequest,
  outboxRows,
  useFormServices,
  validOrderFields,
  withToken,
  type FormServices,
} from '../../helpers/form-fixtures.ts';
import { asSameOrigin } from '../../helpers/same-origin-request.ts';

export const FORM = 'demande-bon-de-commande';
const UNAVAILABLE = 'Le service est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.';
/** The issue's bound on the visitor's wait for the 503, ms. */
export const UNAVAILABLE_WITHIN_MS = 5_000;
export const QUARTER_HOUR_MS = 15 * 60 * 1_000;
/** Each e-mail of a submission, once (`countMailsByReference`). */
export const EACH_ONCE = { team: 1, startup: 1, confirmation: 1 };

/** The file's form services (`useFaultServices`). */
export let services: FormServices;

/**
 * The file's form services (`useFormServices`); besides, before each test,
 * drop the e-mails still due.
 */
export function useFaultServices(): void {
  services = useFormServices();
  beforeEach(async () => {
    // A test that failed half-way may have left e-mails due: the next test's retry pass would claim
    // them too and fail for that reason alone (seen under load: 42 claimed where 12 were due).
    await services.database.query("DELETE FROM outbox WHERE status = 'pending'");
  });
}

/** Post an order request (a valid one with a fresh token unless `fields` are given), in JSON or HTML. */
export async function submit(accept: 'json' | 'html' = 'json', fields?: Record<string, string>): Promise<Response> {
  return orderHandler(asSameOrigin(formRequest(FORM, fields ?? (await withToken(FORM, validOrderFields())), { accept })), functionContext());
}

/** Submit one valid order request in JSON; its reference (the answer must be « accepted »). */
export async function submitAccepted(): Promise<string> {
  const response = await submit();
  const body = (await response.json()) as { status: string; reference: string };
  expect({ status: response.status, answer: body.status }).toEqual({ status: 200, answer: 'accepted' });
  return body.reference;
}

/** The outbox rows of some references, as `[reference, kind, status, attempts, last_error]`. */
export async function rowsOf(references: readonly string[]): Promise<[string, string, string, number, string | null][]> {
  return (await outboxRows(services.database))
    .filter((row) => references.includes(row.reference))
    .map((row) => [row.reference, row.kind, row.status, row.attempts, row.last_error]);
}

/**
 * Submit in JSON and in HTML; each answer must be the French 503 « rien n’a
 * été enregistré », within the issue's 5 s.
 * @returns the time each answer took, ms
 */
export async function expectUnavailable(): Promise<number[]> {
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

/** A TCP server that accepts every connection and never says a word (no SMTP greeting). */
export async function startSilentSmtp(): Promise<{ url: string; sockets: Socket[]; stop(): Promise<void> }> {
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

/** Leave `count` submissions with all their e-mails pending and due (SMTP down when they came, the retry delay past). */
export async function pendingSubmissions(count: number): Promise<string[]> {
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
