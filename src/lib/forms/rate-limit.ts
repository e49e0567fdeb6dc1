/**
 * Per-client rate limit over a sliding window: at most `max` accepted
 * submissions per client in `windowMs`. Pure: the caller stores the timestamps.
 */

/** Limit settings (defaults: 5 submissions per client per 10 minutes). */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 5, windowMs: 10 * 60 * 1_000 };

/**
 * The limit set in the site settings (`content/settings/site.yml`).
 * @param settings `rate_limit_max_submissions` (count) and `rate_limit_window_minutes`; a missing one takes its default
 */
export function rateLimitFromSettings(settings: { readonly rate_limit_max_submissions?: number | undefined; readonly rate_limit_window_minutes?: number | undefined }): RateLimit {
  return {
    max: settings.rate_limit_max_submissions ?? DEFAULT_RATE_LIMIT.max,
    windowMs: settings.rate_limit_window_minutes === undefined ? DEFAULT_RATE_LIMIT.windowMs : settings.rate_limit_window_minutes * 60 * 1_000,
  };
}

/**
 * Decide on one more submission.
 * @param previous earlier submission times of this client, ms since the epoch
 * @returns whether it is allowed and the timestamps to store (only those inside the window, plus now when allowed)
 */
export function applyRateLimit(previous: readonly number[], now: number, limit: RateLimit = DEFAULT_RATE_LIMIT): { allowed: boolean; timestamps: number[] } {
  const recent = previous.filter((time) => now - time < limit.windowMs);
  if (recent.length >= limit.max) return { allowed: false, timestamps: recent };
  return { allowed: true, timestamps: [...recent, now] };
}
