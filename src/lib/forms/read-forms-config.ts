/**
 * Settings of the form functions, from environment variables (documented in the
 * README). On a deployed site every required one must be set: a missing one
 * fails the first request with a message naming it, not with an obscure SMTP
 * error. Local runs (see `isLocalDeployContext`) get embedded defaults: e-mails
 * are written to an outbox folder, and a fixed development signing secret is used.
 */
import { join } from 'node:path';
import type { MailDestination } from '../email/open-mail-session.ts';
import { resolveDevDataRoot } from './dev-data-root.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.ts';
import { DEFAULT_TOKEN_TIMING, type TokenTiming } from './form-token.ts';
import type { DeliveryPolicy } from './sending/send-messages.ts';
import { DEFAULT_SENDING_CAPS, type SendingCaps } from './store/store-submission.ts';

/** Everything the form functions need besides the site settings. */
export interface FormsConfig {
  readonly mail: MailDestination;
  /** Sender of every e-mail (never the visitor). */
  readonly from: { readonly name: string; readonly address: string };
  /** HMAC secret for form tokens. */
  readonly signingSecret: string;
  /** Cloudflare Turnstile keys, when the check is enabled. */
  readonly turnstile?: { readonly siteKey: string; readonly secretKey: string };
  readonly rateLimit: RateLimit;
  readonly tokenTiming: TokenTiming;
  readonly caps: SendingCaps;
  /** Who really receives e-mails in this deploy context. */
  readonly delivery: DeliveryPolicy;
}

/** A required setting is missing or wrong on a deployed site. */
export class FormsConfigurationError extends Error {
  constructor(problems: readonly string[]) {
    super(`Form functions are not configured: ${problems.join(' ')}`);
    this.name = 'FormsConfigurationError';
  }
}

/** Where local runs write e-mails, relative to the project root (or `DEV_DATA_ROOT`: `resolveDevDataRoot`). */
export const LOCAL_OUTBOX = join('.netlify', 'outbox');

const LOCAL_SIGNING_SECRET = 'local-development-only-signing-secret';

/**
 * True for a local run: `npm run dev` (src/integrations/local-functions.ts)
 * and `netlify dev` report the deploy context `dev`, the tests' in-process
 * calls none. Deployed
 * sites always have one (`production`, `deploy-preview`, `branch-deploy`).
 */
export function isLocalDeployContext(deployContext: string | undefined): boolean {
  return deployContext === 'dev' || !deployContext;
}

/**
 * Deploy previews and branch deploys: their database branch is a copy of
 * production's, so their e-mails go to `MAIL_TEST_ADDRESS` only, or nowhere.
 */
function deliveryPolicy(deployContext: string | undefined, testAddress: string | undefined): DeliveryPolicy {
  if (deployContext === 'production' || isLocalDeployContext(deployContext)) return { kind: 'deliver' };
  return testAddress ? { kind: 'redirect', to: testAddress } : { kind: 'hold' };
}

function positiveInteger(value: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) problems.push(`${name} must be a positive integer.`);
  return number;
}

/**
 * Read the configuration.
 * @param env process environment
 * @param deployContext Netlify deploy context (`context.deploy.context`), see `isLocalDeployContext`
 * @param projectRoot absolute path used for the local outbox
 * @param rateLimit the limit of the site settings (`rateLimitFromSettings`);
 * `RATE_LIMIT_MAX` and `RATE_LIMIT_WINDOW_SECONDS` override it (tests, benchmarks, an emergency without a content change)
 * @throws FormsConfigurationError naming each missing or invalid variable
 *
 * Variables: `SMTP_URL`, `MAIL_FROM_ADDRESS`, `MAIL_FROM_NAME`, `FORM_SIGNING_SECRET`
 * (≥ 32 characters), `TURNSTILE_SITE_KEY` + `TURNSTILE_SECRET_KEY` (optional,
 * both or neither), `RATE_LIMIT_MAX` and `RATE_LIMIT_WINDOW_SECONDS` (optional),
 * `FORM_MIN_FILL_SECONDS` (optional, default 3), `MAIL_TEST_ADDRESS` (deploy
 * previews and branch deploys: the only recipient; without it they send
 * nothing), `MAIL_CAP_CONFIRMATIONS_PER_DAY`, `MAIL_CAP_STARTUP_PER_DAY` and
 * `SUBMISSIONS_HOURLY_CAP` (optional, see `DEFAULT_SENDING_CAPS`).
 */
export function readFormsConfig(env: Readonly<Record<string, string | undefined>>, deployContext: string | undefined, projectRoot: string, rateLimit: RateLimit = DEFAULT_RATE_LIMIT): FormsConfig {
  const local = isLocalDeployContext(deployContext);
  const problems: string[] = [];
  const smtpUrl = env['SMTP_URL'];
  const delivery = deliveryPolicy(deployContext, env['MAIL_TEST_ADDRESS'] || undefined);
  if (!smtpUrl && !local && delivery.kind !== 'hold') problems.push('SMTP_URL is required (smtp://user:password@host:587).');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://.');
  const fromAddress = env['MAIL_FROM_ADDRESS'] || (local ? 'ne-pas-repondre@localhost' : '');
  if (!fromAddress) problems.push('MAIL_FROM_ADDRESS is required (the sender of every e-mail).');
  const signingSecret = env['FORM_SIGNING_SECRET'] || (local ? LOCAL_SIGNING_SECRET : '');
  if (!local && signingSecret.length < 32) problems.push('FORM_SIGNING_SECRET is required, at least 32 characters.');
  const siteKey = env['TURNSTILE_SITE_KEY'];
  const secretKey = env['TURNSTILE_SECRET_KEY'];
  if (Boolean(siteKey) !== Boolean(secretKey)) problems.push('TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY go together.');
  const limit: RateLimit = {
    max: positiveInteger(env['RATE_LIMIT_MAX'], rateLimit.max, 'RATE_LIMIT_MAX', problems),
    windowMs: positiveInteger(env['RATE_LIMIT_WINDOW_SECONDS'], rateLimit.windowMs / 1_000, 'RATE_LIMIT_WINDOW_SECONDS', problems) * 1_000,
  };
  const minFillSeconds = env['FORM_MIN_FILL_SECONDS'] === '0' ? 0 : positiveInteger(env['FORM_MIN_FILL_SECONDS'], DEFAULT_TOKEN_TIMING.minFillMs / 1_000, 'FORM_MIN_FILL_SECONDS', problems);
  const caps: SendingCaps = {
    confirmationsPerAddressPerDay: positiveInteger(env['MAIL_CAP_CONFIRMATIONS_PER_DAY'], DEFAULT_SENDING_CAPS.confirmationsPerAddressPerDay, 'MAIL_CAP_CONFIRMATIONS_PER_DAY', problems),
    startupMessagesPerAddressPerDay: positiveInteger(env['MAIL_CAP_STARTUP_PER_DAY'], DEFAULT_SENDING_CAPS.startupMessagesPerAddressPerDay, 'MAIL_CAP_STARTUP_PER_DAY', problems),
    submissionsPerHour: positiveInteger(env['SUBMISSIONS_HOURLY_CAP'], DEFAULT_SENDING_CAPS.submissionsPerHour, 'SUBMISSIONS_HOURLY_CAP', problems),
  };
  if (problems.length > 0) throw new FormsConfigurationError(problems);
  return {
    mail: smtpUrl ? { kind: 'smtp', url: smtpUrl } : { kind: 'outbox', directory: join(resolveDevDataRoot(env, projectRoot), LOCAL_OUTBOX) },
    from: { name: env['MAIL_FROM_NAME'] || 'Premiers bons de commande', address: fromAddress },
    signingSecret,
    ...(siteKey && secretKey ? { turnstile: { siteKey, secretKey } } : {}),
    rateLimit: limit,
    tokenTiming: { ...DEFAULT_TOKEN_TIMING, minFillMs: minFillSeconds * 1_000 },
    caps,
    delivery,
  };
}
