import { describe, expect, it } from 'vitest';
import { addMonthsUtc, DEFAULT_RETENTION, isSpamExpired, isSubmissionExpired, retentionFromSettings } from '../../../src/lib/forms/retention.ts';

describe('addMonthsUtc', () => {
  it.each([
    ['2026-01-15T10:30:00.000Z', 1, '2026-02-15T10:30:00.000Z'],
    ['2026-01-31T23:00:00.000Z', 1, '2026-02-28T23:00:00.000Z'],
    ['2027-01-31T23:00:00.000Z', 13, '2028-02-29T23:00:00.000Z'],
    ['2024-02-29T12:00:00.000Z', 36, '2027-02-28T12:00:00.000Z'],
    ['2026-03-31T22:30:00.000Z', 36, '2029-03-31T22:30:00.000Z'],
    ['2026-12-31T00:00:00.001Z', 2, '2027-02-28T00:00:00.001Z'],
    ['2026-05-31T08:00:00.000Z', 1, '2026-06-30T08:00:00.000Z'],
  ])('%s + %i months → %s', (instant, months, expected) => {
    expect(addMonthsUtc(new Date(instant), months).toISOString()).toBe(expected);
  });
});

describe('retentionFromSettings', () => {
  it.each([
    ['every value set', { retention_months_applications: 24, retention_months_order_requests: 12, retention_days_spam: 7 }, { months: { candidature: 24, 'demande-bon-de-commande': 12, 'engagement-acheteur': 36 }, spamDays: 7 }],
    ['nothing set', {}, { months: { candidature: 36, 'demande-bon-de-commande': 36, 'engagement-acheteur': 36 }, spamDays: 30 }],
  ])('%s', (_case, settings, policy) => {
    expect(retentionFromSettings(settings)).toEqual(policy);
  });
});

describe('isSubmissionExpired (36 months by default)', () => {
  const received = '2026-01-31T23:00:00.000Z';
  it.each([
    ['a day before the end', '2029-01-30T23:00:00.000Z', false],
    ['1 ms before the end', '2029-01-31T22:59:59.999Z', false],
    ['at the end', '2029-01-31T23:00:00.000Z', true],
    ['after the end', '2030-06-01T00:00:00.000Z', true],
  ])('%s → %s', (_case, now, expired) => {
    expect(isSubmissionExpired('candidature', received, new Date(now), DEFAULT_RETENTION)).toBe(expired);
  });

  it('each form has its own duration', () => {
    const policy = retentionFromSettings({ retention_months_applications: 36, retention_months_order_requests: 12 });
    const now = new Date('2027-02-01T00:00:00.000Z');
    expect([isSubmissionExpired('candidature', received, now, policy), isSubmissionExpired('demande-bon-de-commande', received, now, policy)]).toEqual([false, true]);
  });

  it('an unreadable date counts as expired', () => {
    expect(isSubmissionExpired('candidature', 'hier', new Date('2026-01-01T00:00:00Z'), DEFAULT_RETENTION)).toBe(true);
  });
});

describe('isSpamExpired (30 days by default)', () => {
  it.each([
    ['29 days later', '2026-03-01T12:00:00.000Z', '2026-03-30T12:00:00.000Z', false],
    ['30 days later', '2026-03-01T12:00:00.000Z', '2026-03-31T12:00:00.000Z', true],
    ['an unreadable date', 'x', '2026-03-01T12:00:00.000Z', true],
  ])('%s → %s', (_case, received, now, expired) => {
    expect(isSpamExpired(received, new Date(now), DEFAULT_RETENTION)).toBe(expired);
  });
});
