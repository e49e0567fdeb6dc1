/**
 * The retention policy read from the site settings. When a submission or spam
 * entry expires is decided by the database: `tests/functions/purge-expired.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { retentionFromSettings } from '../../../src/lib/forms/retention.ts';

// When a submission or a spam entry expires is decided by the purge statement
// (`store/purge-expired.ts`), tested against the database.
describe('retentionFromSettings', () => {
  it.each([
    ['every value set', { retention_months_applications: 24, retention_months_order_requests: 12, retention_days_spam: 7 }, { months: { candidature: 24, 'demande-bon-de-commande': 12, 'engagement-acheteur': 36 }, spamDays: 7 }],
    ['nothing set', {}, { months: { candidature: 36, 'demande-bon-de-commande': 36, 'engagement-acheteur': 36 }, spamDays: 30 }],
  ])('%s', (_case, settings, policy) => {
    expect(retentionFromSettings(settings)).toEqual(policy);
  });
});
