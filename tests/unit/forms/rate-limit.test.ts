import { describe, expect, it } from 'vitest';
import { rateLimitFromSettings } from '../../../src/lib/forms/rate-limit.ts';

describe('rateLimitFromSettings', () => {
  it.each([
    ['both set', { rate_limit_max_submissions: 3, rate_limit_window_minutes: 60 }, { max: 3, windowMs: 3_600_000 }],
    ['the count only', { rate_limit_max_submissions: 20 }, { max: 20, windowMs: 600_000 }],
    ['the period only', { rate_limit_window_minutes: 1 }, { max: 5, windowMs: 60_000 }],
    ['neither', {}, { max: 5, windowMs: 600_000 }],
  ])('%s → %j', (_case, settings, limit) => {
    expect(rateLimitFromSettings(settings)).toEqual(limit);
  });
});
