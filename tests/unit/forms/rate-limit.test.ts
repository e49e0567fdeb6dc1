import { describe, expect, it } from 'vitest';
import { applyRateLimit, DEFAULT_RATE_LIMIT, rateLimitFromSettings } from '../../../src/lib/forms/rate-limit.ts';

const NOW = Date.UTC(2026, 4, 12, 9, 0, 0);
const LIMIT = { max: 2, windowMs: 60_000 };

describe('applyRateLimit', () => {
  it.each([
    ['a first submission', [], true, [NOW]],
    ['a second one inside the window', [NOW - 10_000], true, [NOW - 10_000, NOW]],
    ['a third one inside the window', [NOW - 20_000, NOW - 10_000], false, [NOW - 20_000, NOW - 10_000]],
    ['one after the oldest left the window', [NOW - 60_000, NOW - 10_000], true, [NOW - 10_000, NOW]],
    ['one 1 ms before the oldest leaves the window', [NOW - 59_999, NOW - 10_000], false, [NOW - 59_999, NOW - 10_000]],
    ['one after every earlier submission left the window', [NOW - 600_000, NOW - 300_000, NOW - 61_000], true, [NOW]],
  ])('%s: allowed %s, keeps %j', (_case, previous, allowed, timestamps) => {
    expect(applyRateLimit(previous, NOW, LIMIT)).toEqual({ allowed, timestamps });
  });

  it('does not change the timestamps it is given', () => {
    const previous = [NOW - 1_000];
    applyRateLimit(previous, NOW, LIMIT);
    expect(previous).toEqual([NOW - 1_000]);
  });

  it('allows 5 submissions per 10 minutes by default', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ max: 5, windowMs: 600_000 });
    let timestamps: number[] = [];
    const decisions: boolean[] = [];
    for (let index = 0; index < 6; index += 1) {
      const decision = applyRateLimit(timestamps, NOW + index * 1_000);
      decisions.push(decision.allowed);
      timestamps = decision.timestamps;
    }
    expect(decisions).toEqual([true, true, true, true, true, false]);
    expect(applyRateLimit(timestamps, NOW + 600_000).allowed).toBe(true);
  });
});

describe('rateLimitFromSettings', () => {
  it.each([
    ['both set', { rate_limit_max_submissions: 3, rate_limit_window_minutes: 60 }, { max: 3, windowMs: 3_600_000 }],
    ['the count only', { rate_limit_max_submissions: 20 }, { max: 20, windowMs: 600_000 }],
    ['the period only', { rate_limit_window_minutes: 1 }, { max: 5, windowMs: 60_000 }],
    ['neither', {}, { max: 5, windowMs: 600_000 }],
  ])('%s → %j', (_case, settings, limit) => {
    expect(rateLimitFromSettings(settings)).toEqual(limit);
  });

  it('a limit of 3 per hour refuses the fourth submission until the first is an hour old', () => {
    const limit = rateLimitFromSettings({ rate_limit_max_submissions: 3, rate_limit_window_minutes: 60 });
    const times = [NOW, NOW + 60_000, NOW + 120_000];
    expect(applyRateLimit(times, NOW + 3_599_999, limit).allowed).toBe(false);
    expect(applyRateLimit(times, NOW + 3_600_000, limit).allowed).toBe(true);
  });
});
