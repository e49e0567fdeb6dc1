/**
 * The outbox on a real PostgreSQL: claims that never overlap, results recorded
 * only under their claim, attempts, retry delays and the final failure.
 */
import { describe, expect, it } from 'vitest';
import { claimDueMessages, MAX_SEND_ATTEMPTS, recordSendResults } from '../../src/lib/forms/store/outbox.ts';
import { storeSubmission } from '../../src/lib/forms/store/store-submission.ts';
import { openEmptyDatabase } from '../helpers/empty-database.ts';

const database = await openEmptyDatabase();

/** Store `count` submissions of three e-mails each, whose request claim has already expired. */
async function storeAbandoned(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await storeSubmission(database, {
      form: 'demande-bon-de-commande',
      nonce: crypto.randomUUID(),
      data: { email: `acheteur-${index}@exemple.fr` },
      submitterEmail: `acheteur-${index}@exemple.fr`,
      clientKey: `client-${index}`,
      recipients: [
        { kind: 'team', to: 'contact@premiers-bons-de-commande.fr' },
        { kind: 'startup', to: 'commandes@startup.fr' },
        { kind: 'confirmation', to: `acheteur-${index}@exemple.fr` },
      ],
      rateLimit: { max: 100, windowMs: 600_000 },
      caps: { confirmationsPerAddressPerDay: 100, startupMessagesPerAddressPerDay: 100, submissionsPerHour: 1_000 },
      claimMs: 300_000,
      claimId: crypto.randomUUID(),
    });
  }
  // The requests that stored them stopped before sending (a crash): their claims are over.
  await database.query("UPDATE outbox SET claimed_until = now() - interval '1 second'");
}

async function statuses(): Promise<string[]> {
  return (await database.query<{ s: string }>("SELECT status || ':' || attempts AS s FROM outbox ORDER BY id")).rows.map((row) => row.s);
}

describe('claimDueMessages', () => {
  it('gives each due message to one claimer only, with its submission and held siblings', async () => {
    await storeAbandoned(10);
    const claims = await Promise.all(Array.from({ length: 4 }, () => claimDueMessages(database, crypto.randomUUID(), 12)));
    const ids = claims.flat().map((message) => message.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const first = claims.flat().find((message) => message.kind === 'confirmation')!;
    expect(first.submission.form).toBe('demande-bon-de-commande');
    expect(first.submission.data['email']).toBe(first.recipient);
    expect(first.heldSiblings).toEqual([]);
    // All held now: a fifth claimer gets nothing.
    expect(await claimDueMessages(database, crypto.randomUUID(), 50)).toEqual([]);
  });
});

describe('recordSendResults', () => {
  it('records sent, failed and deferred messages, and only under its own claim', async () => {
    await storeAbandoned(1);
    const claimId = crypto.randomUUID();
    const [team, startup, confirmation] = await claimDueMessages(database, claimId, 10);
    await recordSendResults(database, crypto.randomUUID(), [{ id: team!.id, outcome: 'sent' }]);
    expect(await statuses()).toEqual(['pending:0', 'pending:0', 'pending:0']);
    await recordSendResults(database, claimId, [
      { id: team!.id, outcome: 'sent' },
      { id: startup!.id, outcome: 'failed', error: 'Error: 550', attempted: true },
      { id: confirmation!.id, outcome: 'retry', error: 'Error: ECONNREFUSED', attempted: true },
    ]);
    expect(await statuses()).toEqual(['sent:1', 'failed:1', 'pending:1']);
    const { rows } = await database.query("SELECT last_error, claim_id, next_attempt_at > now() + interval '4 minutes' AS delayed FROM outbox ORDER BY id");
    expect(rows.map((row) => [row.last_error, row.claim_id, row.delayed])).toEqual([
      [null, null, false],
      ['Error: 550', null, false],
      ['Error: ECONNREFUSED', null, true],
    ]);
    // The deferred message waits its delay: not due yet.
    expect(await claimDueMessages(database, crypto.randomUUID(), 10)).toEqual([]);
  });

  it('does not count an attempt for a message not tried, and fails a message at its last attempt', async () => {
    await storeAbandoned(1);
    await database.query('UPDATE outbox SET attempts = $1', [MAX_SEND_ATTEMPTS - 1]);
    const claimId = crypto.randomUUID();
    const [team, startup, confirmation] = await claimDueMessages(database, claimId, 10);
    await recordSendResults(database, claimId, [
      { id: team!.id, outcome: 'retry', error: 'Error: 421', attempted: true },
      { id: startup!.id, outcome: 'retry', error: 'Error: 421', attempted: false },
      { id: confirmation!.id, outcome: 'held', reason: 'deploy-preview' },
    ]);
    expect(await statuses()).toEqual([`failed:${MAX_SEND_ATTEMPTS}`, `pending:${MAX_SEND_ATTEMPTS - 1}`, `held:${MAX_SEND_ATTEMPTS - 1}`]);
    // Not tried: due again at once.
    expect((await claimDueMessages(database, crypto.randomUUID(), 10)).map((message) => message.kind)).toEqual(['startup']);
  });
});
