/**
 * How long the form submissions are kept (personal data, GDPR art. 5(1)(e):
 * storage limitation). The durations are site settings, stated in the privacy
 * notice (`content/pages/confidentialite.md`); the scheduled function
 * `purge-expired-submissions` applies them every day (`store/purge-expired.ts`).
 *
 * Durations run from the instant a submission was received, on the UTC
 * calendar: a few hours of difference with the Paris calendar do not matter
 * for durations counted in months and days.
 */
import type { FormName } from './definitions/form-names.ts';

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
