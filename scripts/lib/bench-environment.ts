/**
 * The environment the form functions read (`src/lib/forms/read-forms-config.ts`)
 * in the benchmarks: the benchmark's database and SMTP server, and every abuse
 * limit raised far above what a run sends (per-client rate limit, per-address
 * daily caps, global hourly cap), so that the figures measure the work of a
 * submission, not the limits, and every submission sends its three e-mails.
 * The content is the test fixture's: `content/` publishes fictional sample
 * startups only, which an order request may not name (issue 14).
 */

/** Content folder with a real startup (`atelier-test`), relative to the project root. */
export const BENCH_CONTENT_DIR = 'tests/fixtures/content-with-orders';

/** The real startup of `BENCH_CONTENT_DIR` the benchmarks' order requests name. */
export const BENCH_STARTUP_SLUG = 'atelier-test';

/** High enough for any benchmark run (a limit is a positive integer). */
const UNLIMITED = '1000000000';

/**
 * Variables to assign to `process.env` before the functions' runtime is built.
 * @param databaseUrl `postgres://…` (`NETLIFY_DB_URL`)
 * @param smtpUrl `smtp://127.0.0.1:PORT`
 * @param signingSecret `FORM_SIGNING_SECRET`, required in the production deploy context (32 characters or more)
 */
export function benchFormsEnvironment(databaseUrl: string, smtpUrl: string, signingSecret: string): Record<string, string> {
  return {
    CONTENT_DIR: BENCH_CONTENT_DIR,
    NETLIFY_DB_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    MAIL_FROM_ADDRESS: 'ne-pas-repondre@premiers-bons-de-commande.fr',
    FORM_SIGNING_SECRET: signingSecret,
    RATE_LIMIT_MAX: UNLIMITED,
    SUBMISSIONS_HOURLY_CAP: UNLIMITED,
    MAIL_CAP_CONFIRMATIONS_PER_DAY: UNLIMITED,
    MAIL_CAP_STARTUP_PER_DAY: UNLIMITED,
  };
}
