/**
 * What happens to a submitted form, in the order the design sets: validation
 * with the form's schema → spam checks (honeypot, signed fill-time token,
 * per-client rate limit, optional Turnstile) → durable storage with a reference
 * → e-mails. Storage comes before any e-mail; an SMTP failure leaves the record
 * pending for the scheduled retry. The function handlers are thin glue around this.
 */
import type { z } from 'zod';
import type { FormName } from './form-names.ts';
import type { SubmittedFields } from './request/read-form-request.ts';
import { issueFormToken, verifyFormToken } from './form-token.ts';
import type { FormsConfig } from './read-forms-config.ts';
import {
  findReferenceByNonce,
  saveSpam,
  saveSubmission,
  takeRateLimitSlot,
  type JsonStore,
  type MessageKind,
  type SubmissionRecord,
} from './submission-repository.ts';
import { sendPendingMessages, type MessageSender } from './send-pending-messages.ts';
import { yearOf, toParisCalendarDate } from '../format/calendar-date.ts';

/** Name of the hidden honeypot field: people never see it, naive bots fill it. */
export const HONEYPOT_FIELD = 'site_web_bis';
/** Name of the hidden field that carries the signed form token. */
export const TOKEN_FIELD = 'jeton';
/** Name of the field Cloudflare Turnstile adds to the form. */
export const TURNSTILE_FIELD = 'cf-turnstile-response';

const CONTROL_FIELDS = new Set([HONEYPOT_FIELD, TOKEN_FIELD, TURNSTILE_FIELD]);

/** A field error: the field name and a French message that names the field. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The outcome of a submission, for the handler to turn into a response. */
export type SubmissionOutcome =
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[]; readonly token: string }
  | { readonly kind: 'confirm'; readonly token: string }
  | { readonly kind: 'spam' }
  | { readonly kind: 'rate-limited' }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'accepted'; readonly reference: string; readonly created: boolean };

/** One form: its schema and who receives its e-mails. */
export interface FormDefinition<Data> {
  readonly name: FormName;
  readonly schema: z.ZodType<Data>;
  /** Recipients of the messages for valid data (team, startup, confirmation). */
  recipients(data: Data): readonly { kind: MessageKind; to: string }[];
}

/** What processing needs from the outside world. */
export interface SubmissionDependencies {
  readonly store: JsonStore;
  readonly config: FormsConfig;
  readonly send: MessageSender;
  /** A hash of the client's address, for the rate limit (never the address). */
  readonly clientKey: string;
  /** Server-side Turnstile check; only called when Turnstile is configured. */
  readonly verifyTurnstile: (token: string) => Promise<boolean>;
  readonly now: () => Date;
  /** Structured log line, without personal data. */
  readonly log: (entry: Record<string, string | number>) => void;
}

/** Field name of errors about the whole form (an unexpected field); the form element carries its anchor. */
export const FORM_LEVEL_ERROR = 'formulaire';

/** Errors of a failed parse, one per field (the first message of each). */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : FORM_LEVEL_ERROR;
    if (!errors.has(field)) errors.set(field, issue.message);
  }
  return [...errors].map(([field, message]) => ({ field, message }));
}

function formFields(fields: SubmittedFields): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !CONTROL_FIELDS.has(name)));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Process one submission.
 * @returns the outcome; never throws for bad input. Storage failures give
 * `unavailable` (nothing is sent); SMTP failures still give `accepted`.
 */
export async function processSubmission<Data>(
  form: FormDefinition<Data>,
  fields: SubmittedFields,
  dependencies: SubmissionDependencies,
): Promise<SubmissionOutcome> {
  const { config, store } = dependencies;
  const now = dependencies.now();
  // Tokens handed back with an answer count as issued one fill time ago: the
  // person has already filled the form once, so confirming or correcting it at
  // once must not look like a bot.
  const freshToken = () => issueFormToken(config.signingSecret, form.name, now.getTime() - config.tokenTiming.minFillMs);

  const parsed = form.schema.safeParse(formFields(fields));
  if (!parsed.success) return { kind: 'invalid', errors: toFieldErrors(parsed.error.issues), token: await freshToken() };

  try {
    if (single(fields[HONEYPOT_FIELD])?.trim()) {
      await saveSpam(store, form.name, 'honeypot', fields, now);
      return { kind: 'spam' };
    }
    const token = await verifyFormToken(single(fields[TOKEN_FIELD]), config.signingSecret, form.name, now.getTime(), config.tokenTiming);
    if (!token.ok) {
      if (token.reason === 'invalid') {
        await saveSpam(store, form.name, 'forged-token', fields, now);
        return { kind: 'spam' };
      }
      // Missing (no JavaScript), too fast or expired: ask the person to confirm, with a fresh token.
      return { kind: 'confirm', token: await freshToken() };
    }
    // A resubmission (double click, retry after a time-out) gets its reference back, whatever the limits.
    const stored = await findReferenceByNonce(store, form.name, token.payload.nonce);
    if (stored) return { kind: 'accepted', reference: stored, created: false };
    // The rate limit comes before Turnstile, so that a refused send does not spend the one-time Turnstile answer.
    if (!(await takeRateLimitSlot(store, dependencies.clientKey, now.getTime(), config.rateLimit))) return { kind: 'rate-limited' };
    if (config.turnstile && !(await dependencies.verifyTurnstile(single(fields[TURNSTILE_FIELD]) ?? ''))) {
      await saveSpam(store, form.name, 'turnstile', fields, now);
      return { kind: 'spam' };
    }

    const { record, created } = await saveSubmission(store, {
      form: form.name,
      nonce: token.payload.nonce,
      data: parsed.data,
      recipients: form.recipients(parsed.data),
      now,
      year: yearOf(toParisCalendarDate(now)),
    });
    // Stored: from here on the visitor gets the reference whatever happens to the e-mails.
    if (created) await sendPendingMessages(store, record as SubmissionRecord, dependencies.send, now);
    return { kind: 'accepted', reference: record.reference, created };
  } catch (error) {
    // Before the record is stored, any failure (the store is down, most likely)
    // means "try again later": nothing was sent, nothing is half-done.
    dependencies.log({ event: 'submission-not-stored', form: form.name, error: error instanceof Error ? error.name : 'unknown' });
    return { kind: 'unavailable' };
  }
}
