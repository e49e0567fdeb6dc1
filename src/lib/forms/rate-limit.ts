/**
 * Per-client rate limit: at most `max` submissions per client in each fixed
 * window of `windowMs` (counted by the database, `pbc_count` in
 * `netlify/database/migrations/`).
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

