/**
 * The database function behind every accepted submission (`pbc_submit`, through
 * `storeSubmission`), on a real PostgreSQL: references, resubmissions, the
 * client rate limit, the per-recipient and hourly caps, and the claim of the
 * e-mails by the storing request.
 */
import { describe, expect, it } from 'vitest';
import { storeSubmission, type NewSubmission } from '../../src/lib/forms/store/store-submission.ts';
import { claimDueMessages } from '../../src/lib/forms/store/outbox.ts';
import { openEmptyDatabase } from '../helpers/empty-database.ts';
import { currentReferenceYear, expectedReference } from '../helpers/form-fixtures.ts';

const database = await openEmptyDatabase();

function submission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    form: 'demande-bon-de-commande',
    nonce: crypto.randomUUID(),
    data: { email: 'Achats@Exemple.fr', organisation: 'Fonderie' },
    submitterEmail: 'Achats@Exemple.fr',
    clientKey: 'client-a',
    recipients: [
      { kind: 'team', to: 'contact@premiers-bons-de-commande.fr' },
      { kind: 'startup', to: 'commandes@startup.fr' },
      { kind: 'confirmation', to: 'Achats@Exemple.fr' },
    ],
    rateLimit: { max: 100, windowMs: 600_000 },
    caps: { confirmationsPerAddressPerDay: 3, startupMessagesPerAddressPerDay: 10, submissionsPerHour: 1_000 },
    claimMs: 300_000,
    claimId: crypto.randomUUID(),
    ...overrides,
  };
}

describe('storeSubmission', () => {
  it('gives references in sequence, five digits at least, and six past 99 999', async () => {
    const first = await storeSubmission(database, submission());
    const second = await storeSubmission(database, submission());
    expect([first, second].map((outcome) => (outcome.outcome === 'accepted' ? outcome.reference : outcome.outcome))).toEqual([expectedReference(1), expectedReference(2)]);
    await database.query('UPDATE reference_counters SET last_number = 99999 WHERE year = $1', [currentReferenceYear()]);
    const third = await storeSubmission(database, submission());
    expect(third).toMatchObject({ outcome: 'accepted', reference: `PBC-${currentReferenceYear()}-100000` });
  });

  it('stores the record, a submitter key and one pending outbox row per e-mail, claimed by the request', async () => {
    const input = submission();
    const outcome = await storeSubmission(database, input);
    expect(outcome).toMatchObject({ outcome: 'accepted', hourlyCapReached: false });
    expect(outcome.outcome === 'accepted' && outcome.messages.map((message) => [message.kind, message.recipient, message.status])).toEqual([
      ['team', 'contact@premiers-bons-de-commande.fr', 'pending'],
      ['startup', 'commandes@startup.fr', 'pending'],
      ['confirmation', 'Achats@Exemple.fr', 'pending'],
    ]);
    const { rows } = await database.query('SELECT s.submitter_key, s.data, o.recipient_key, o.claim_id, o.claimed_until > now() AS claimed FROM submissions s JOIN outbox o ON o.submission_id = s.id ORDER BY o.id');
    expect(rows.map((row) => [row.submitter_key, row.recipient_key, row.claim_id, row.claimed])).toEqual([
      ['achats@exemple.fr', 'contact@premiers-bons-de-commande.fr', input.claimId, true],
      ['achats@exemple.fr', 'commandes@startup.fr', input.claimId, true],
      ['achats@exemple.fr', 'achats@exemple.fr', input.claimId, true],
    ]);
    expect(rows[0].data).toEqual(input.data);
    // Claimed by the request: the scheduled retry does not take them.
    expect(await claimDueMessages(database, crypto.randomUUID(), 10)).toEqual([]);
  });

  it('gives a resubmission of the same filling its first reference, storing nothing more', async () => {
    const input = submission();
    const first = await storeSubmission(database, input);
    const again = await storeSubmission(database, { ...input, claimId: crypto.randomUUID() });
    expect(again).toEqual({ outcome: 'duplicate', reference: first.outcome === 'accepted' ? first.reference : '' });
    expect((await database.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n).toBe(3);
  });

  it('20 concurrent stores of one filling: one record, one reference', async () => {
    const input = submission();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => storeSubmission(database, { ...input, claimId: crypto.randomUUID() })));
    expect(new Set(outcomes.map((outcome) => ('reference' in outcome ? outcome.reference : outcome.outcome)))).toEqual(new Set([expectedReference(1)]));
    expect(outcomes.filter((outcome) => outcome.outcome === 'accepted')).toHaveLength(1);
    expect((await database.query('SELECT count(*)::int AS n FROM submissions')).rows[0].n).toBe(1);
  });

  it('refuses the client past its rate limit, storing nothing', async () => {
    const limited = (clientKey: string) => storeSubmission(database, submission({ clientKey, rateLimit: { max: 2, windowMs: 600_000 } }));
    const outcomes = [await limited('a'), await limited('a'), await limited('a'), await limited('b')];
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['accepted', 'accepted', 'rate-limited', 'accepted']);
    expect((await database.query('SELECT count(*)::int AS n FROM submissions')).rows[0].n).toBe(3);
  });

  it('holds confirmations to one address past the daily cap, whatever its case, and keeps the team copy', async () => {
    const spellings = ['achats@exemple.fr', 'ACHATS@exemple.fr', 'Achats@Exemple.FR', 'achats@exemple.fr'];
    const statuses = [];
    for (const [index, address] of spellings.entries()) {
      const outcome = await storeSubmission(database, submission({ clientKey: `client-${index}`, recipients: [{ kind: 'team', to: 'contact@premiers-bons-de-commande.fr' }, { kind: 'confirmation', to: address }] }));
      statuses.push(outcome.outcome === 'accepted' ? outcome.messages.map((message) => `${message.kind}:${message.status}:${message.heldReason ?? ''}`) : []);
    }
    expect(statuses).toEqual([
      ['team:pending:', 'confirmation:pending:'],
      ['team:pending:', 'confirmation:pending:'],
      ['team:pending:', 'confirmation:pending:'],
      ['team:pending:', 'confirmation:held:recipient-cap'],
    ]);
    // The counters hold a hash of the address, never the address.
    const scopes = (await database.query<{ scope: string }>('SELECT scope FROM rate_counters ORDER BY scope')).rows.map((row) => row.scope);
    expect(scopes.filter((scope) => scope.includes('exemple'))).toEqual([]);
    expect(scopes.filter((scope) => scope.startsWith('confirmation:'))).toEqual([`confirmation:${(await database.query("SELECT pbc_address_hash('achats@exemple.fr') AS h")).rows[0].h}`]);
  });

  it('past the hourly cap, holds every e-mail but the team copy and says so', async () => {
    const caps = { confirmationsPerAddressPerDay: 100, startupMessagesPerAddressPerDay: 100, submissionsPerHour: 2 };
    const outcomes = [];
    for (let index = 0; index < 3; index += 1) outcomes.push(await storeSubmission(database, submission({ caps })));
    expect(outcomes.map((outcome) => outcome.outcome === 'accepted' && [outcome.hourlyCapReached, ...outcome.messages.map((message) => message.heldReason ?? message.status)])).toEqual([
      [false, 'pending', 'pending', 'pending'],
      [false, 'pending', 'pending', 'pending'],
      [true, 'pending', 'hourly-cap', 'hourly-cap'],
    ]);
  });
});
