/**
 * Submissions arriving at the same time each get their own reference and
 * record (the local Blobs server checks create-only writes non-atomically, so
 * the repository allocates references one at a time within a process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import retryHandler from '../../netlify/functions/retry-pending-emails.mts';
import { functionContext } from '../helpers/function-context.ts';
import { formRequest, startFormServices, storedKeys, validOrderFields, withToken, type FormServices } from '../helpers/form-fixtures.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
  process.env['RATE_LIMIT_MAX'] = '100';
});
afterAll(async () => {
  delete process.env['RATE_LIMIT_MAX'];
  await services.stop();
});

describe('concurrent submissions', () => {
  it('12 order requests at once: 12 references, 12 records, 36 e-mails each sent once', async () => {
    const requests = await Promise.all(
      Array.from({ length: 12 }, async () => formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' })),
    );
    const responses = await Promise.all(requests.map((request, index) => orderHandler(request, functionContext({ ip: `192.0.2.${index + 1}` }))));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { status: string; reference: string }[];
    expect(bodies.map((body) => body.status)).toEqual(Array(12).fill('accepted'));
    const references = new Set(bodies.map((body) => body.reference));
    expect(references.size).toBe(12);
    expect((await storedKeys('records/')).sort()).toEqual([...references].map((reference) => `records/${reference}`).sort());
    // Whatever the local store let through at request time, the scheduled retry completes the rest, once.
    const retry = await retryHandler(new Request('http://127.0.0.1:9/.netlify/functions/retry-pending-emails', { method: 'POST' }), functionContext());
    expect(retry.status).toBe(204);
    await services.smtp.waitForMessages(36);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(services.smtp.messages).toHaveLength(36);
    expect(new Set(services.smtp.messages.map((message) => message.messageId)).size).toBe(36);
    expect(await storedKeys('pending/')).toEqual([]);
  });
});
