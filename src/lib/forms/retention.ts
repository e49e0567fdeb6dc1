/**
 * How long the form submissions are kept (personal data, GDPR art. 5(1)(e):
 * storage limitation). The durations are site settings, stated in the privacy
 * notice (`content/pages/confidentialite.md`); the scheduled function
 * `purge-expired-submissions` applies them every day. Pure: no store, no clock.
 *
 * Durations run from the instant a submission was received (UTC, as stored in
 * `receivedAt`), on the UTC calendar: a few hours of difference with the Paris
 * calendar do not matter for durations counted in months and days.
 */
import type { FormName } from './form-names.ts';

/** Retention durations. */
export interface RetentionPolicy {
  /** Months a submission of each form is kept after it was received. */
  readonly months: Readonly<Record<FormName, number>>;
  /** Days a submission refused as spam is kept (for reviewing false positives). */
  readonly spamDays: number;
}

/**
 * Defaults: 36 months for both forms — the CNIL's reference period for
 * business contacts that did not become customers (3 years after the last
 * contact, "référentiel relatif aux traitements de données à caractère
 * personnel mis en œuvre aux fins de gestion des activités commerciales",
 * 2019), long enough to follow an application or a request up; 30 days for spam.
 */
export const DEFAULT_RETENTION: RetentionPolicy = { months: { candidature: 36, 'demande-bon-de-commande': 36, 'engagement-acheteur': 36 }, spamDays: 30 };

/**
 * The policy of the site settings; a missing value takes its default.
 * @param settings `retention_months_applications`, `retention_months_order_requests`, `retention_days_spam`
 */
export function retentionFromSettings(settings: {
  readonly retention_months_applications?: number | undefined;
  readonly retention_months_order_requests?: number | undefined;
  readonly retention_days_spam?: number | undefined;
}): RetentionPolicy {
  return {
    months: {
      candidature: settings.retention_months_applications ?? DEFAULT_RETENTION.months.candidature,
      'demande-bon-de-commande': settings.retention_months_order_requests ?? DEFAULT_RETENTION.months['demande-bon-de-commande'],
      'engagement-acheteur': DEFAULT_RETENTION.months['engagement-acheteur'],
    },
    spamDays: settings.retention_days_spam ?? DEFAULT_RETENTION.spamDays,
  };
}

/**
 * `instant` plus `months` calendar months (UTC), the day clamped to the end of
 * a shorter month: 31 January + 1 month = 28 (or 29) February, same time of day.
 */
export function addMonthsUtc(instant: Date, months: number): Date {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth() + months;
  // Day 0 of the following month is the last day of the target month (Date.UTC carries over years).
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(instant.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds(), instant.getUTCMilliseconds()));
}

/**
 * Whether a submission received at `receivedAt` must be erased at `now`.
 * @param receivedAt ISO 8601 instant; an unreadable one counts as expired (it cannot be kept without a date)
 */
export function isSubmissionExpired(form: FormName, receivedAt: string, now: Date, policy: RetentionPolicy): boolean {
  const received = new Date(receivedAt);
  if (Number.isNaN(received.getTime())) return true;
  return now.getTime() >= addMonthsUtc(received, policy.months[form]).getTime();
}

/** Whether spam received at `receivedAt` (ISO 8601) must be erased at `now`; unreadable dates count as expired. */
export function isSpamExpired(receivedAt: string, now: Date, policy: RetentionPolicy): boolean {
  const received = Date.parse(receivedAt);
  return Number.isNaN(received) || now.getTime() - received >= policy.spamDays * 24 * 60 * 60 * 1_000;
}
