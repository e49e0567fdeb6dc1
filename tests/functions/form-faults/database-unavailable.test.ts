/**
 * The database down or hanging: the French 503 within 5 s, nothing stored,
 * nothing sent, and the same visitor accepted once it is back (`harness.ts`).
 */
import { describe, expect, it } from 'vitest';
import { settleBackgroundWork } from '../../helpers/function-context.ts';
import { countRows } from '../../helpers/form-fixtures.ts';
import { expectUnavailable, services, submitAccepted, useFaultServices } from './harness.ts';

useFaultServices();

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
