/**
 * Submissions arriving at the same time, against the run's PostgreSQL server:
 * from three processes (separate function instances, each with its own
 * database pool), every accepted submission gets its own reference and
 * record, and each of its e-mails is sent once; the same filling posted
 * several times at once is stored once (issue 10, "Must show").
 */
import { describe, expect, it } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import { spawnSubmitter } from '../helpers/child-submitter.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import {
  countMailsByReference,
  formRequest,
  outboxRows,
  storedReferences,
  useFormServices,
  validOrderFields,
  withToken,
} from '../helpers/form-fixtures.ts';
import { asSameOrigin } from '../helpers/same-origin-request.ts';
import { runScheduledRetry } from '../helpers/scheduled-retry.ts';

const FORM = 'demande-bon-de-commande';
const PROCESSES = 3;
const PER_PROCESS = 10;
const EACH_ONCE = { team: 1, startup: 1, confirmation: 1 };

// Every post names the same buyer and startup: the per-address caps would hold their e-mails.
const services = useFormServices();

describe('concurrent submissions', () => {
  it(`${PROCESSES * PER_PROCESS} order requests from ${PROCESSES} processes at once: distinct references, stored = accepted, each e-mail once`, async ({ annotate }) => {
    const bodies = await Promise.all(
      Array.from({ length: PROCESSES }, () => Promise.all(Array.from({ length: PER_PROCESS }, async () => new URLSearchParams(await withToken(FORM, validOrderFields())).toString()))),
    );
    const children = bodies.map((processBodies) => spawnSubmitter(FORM, processBodies));
    const connectionsBefore = services.smtp.connections;
    let elapsedMs: number;
    try {
      await Promise.all(children.map((child) => child.ready));
      const started = performance.now();
      for (const child of children) child.go();
      await Promise.all(children.map((child) => child.settled));
      elapsedMs = performance.now() - started;
      expect(await Promise.all(children.map((child) => child.exited))).toEqual([null, null, null]);
    } finally {
      for (const child of children) child.process.kill('SIGKILL');
    }
    const answers = children.flatMap((child) => child.answers);
    const answerMs = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    await annotate(
      `${answers.length} posts: answers within ${Math.round(answerMs.at(-1)!)} ms (median ${Math.round(answerMs[answerMs.length >> 1]!)} ms), all mailed after ${Math.round(elapsedMs)} ms`,
    );

    expect(answers.map((answer) => [answer.status, answer.body.status])).toEqual(Array(PROCESSES * PER_PROCESS).fill([200, 'accepted']));
    const references = answers.map((answer) => answer.body.reference!).sort();
    expect(new Set(references).size).toBe(PROCESSES * PER_PROCESS);
    expect(await storedReferences(services.database)).toEqual(references);

    // The children sent everything after answering; the scheduled retry, the backstop, finds nothing left.
    expect((await runScheduledRetry()).status).toBe(204);
    const mails = services.smtp.messages;
    expect(mails).toHaveLength(3 * PROCESSES * PER_PROCESS);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(3 * PROCESSES * PER_PROCESS);
    expect(countMailsByReference(mails)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(services.smtp.connections - connectionsBefore).toBe(PROCESSES * PER_PROCESS);
    expect((await outboxRows(services.database)).filter((row) => row.status !== 'sent')).toEqual([]);
  });

  it('the same filling posted 5 times at once: one reference, one record, 3 e-mails', async () => {
    const fields = await withToken(FORM, validOrderFields());
    const before = await storedReferences(services.database);
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, index) => orderHandler(asSameOrigin(formRequest(FORM, fields, { accept: 'json' })), functionContext({ ip: `198.51.100.${index + 1}` }))),
    );
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { status: string; reference: string }[];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(bodies.map((body) => body.status)).toEqual(Array(5).fill('accepted'));
    const references = new Set(bodies.map((body) => body.reference));
    expect(references.size).toBe(1);
    const [reference] = references;
    expect(await storedReferences(services.database)).toEqual([...before, reference].sort());
    await settleBackgroundWork();
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference!]: EACH_ONCE });
  });
});
