/**
 * What happens to a submitted form, in the order the design sets: validation
 * with the form's schema → spam checks (honeypot, signed fill-time token,
 * optional Turnstile) → one database call that stores it (rate limit,
 * reference, record and outbox in one transaction) → the answer → the
 * e-mails, sent after the answer (`deliver`), the scheduled retry as backstop.
 * The function handlers are thin glue around this.
 */
import type { z } from 'zod';
import type { FormName } from './definitions/form-names.ts';
import type { MessageKind } from './definitions/form-definition.ts';
import type { SubmittedFields } from './request/read-form-request.ts';
import { toWaitSeconds, type ConfirmPrompt } from './describe-confirm-step.ts';
import { issueFormToken, measureFillWait, verifyFormToken } from './form-token.ts';
import type { FormsConfig } from './read-forms-config.ts';
import type { Queryable } from './store/database.ts';
import { CLAIM_MS, type ClaimedMessage } from './store/outbox.ts';
import { recordSpam } from './store/record-spam.ts';
import { storeSubmission } from './store/store-submission.ts';

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
  | ({ readonly kind: 'confirm'; readonly token: string } & ConfirmPrompt)
  | { readonly kind: 'spam' }
  | { readonly kind: 'rate-limited' }
  | { readonly kind: 'unavailable' }
  | {
      readonly kind: 'accepted';
      readonly reference: string;
      /** Sends the e-mails of a submission stored now; run it after answering (`context.waitUntil`). Absent for a resubmission. */
      readonly deliver?: () => Promise<void>;
    };

/** One form: its schema and who receives its e-mails. */
export interface FormDefinition<Data> {
  readonly name: FormName;
  readonly schema: z.ZodType<Data>;
  /** Recipients of the messages for valid data (team, startup, confirmation). */
  recipients(data: Data): readonly { kind: MessageKind; to: string }[];
  /** The submitter's e-mail address in valid data. */
  submitterEmail(data: Data): string;
}

/**
 * Sends the messages of a submission stored now, claimed under `claimId`, and
 * records the results; never throws (a failure leaves them to the scheduled retry).
 */
export type DeliverClaimed = (claimId: string, messages: readonly ClaimedMessage[]) => Promise<void>;

/** What processing needs from the outside world. */
export interface SubmissionDependencies {
  readonly database: Queryable;
  readonly config: FormsConfig;
  readonly deliver: DeliverClaimed;
  /** A keyed hash of the client's address, for the rate limit (never the address). */
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
 * @returns the outcome; never throws. Any database failure gives `unavailable`
 * (nothing stored, nothing sent); SMTP failures happen after the answer.
 */
export async function processSubmission<Data>(
  form: FormDefinition<Data>,
  fields: SubmittedFields,
  dependencies: SubmissionDependencies,
): Promise<SubmissionOutcome> {
  const { config, database } = dependencies;
  const now = dependencies.now();
  // A token handed back with an answer is issued now: the fill time runs again
  // from the answer, so asking for a confirmation cannot be turned into a way
  // around it (issue 10).
  const freshToken = () => issueFormToken(config.signingSecret, form.name, now.getTime());

  const parsed = form.schema.safeParse(formFields(fields));
  if (!parsed.success) return { kind: 'invalid', errors: toFieldErrors(parsed.error.issues), token: await freshToken() };

  try {
    if (single(fields[HONEYPOT_FIELD])?.trim()) {
      await recordSpam(database, form.name, 'honeypot', fields, dependencies.clientKey);
      return { kind: 'spam' };
    }
    const sentToken = single(fields[TOKEN_FIELD]);
    const token = await verifyFormToken(sentToken, config.signingSecret, form.name, now.getTime(), config.tokenTiming);
    if (!token.ok) {
      if (token.reason === 'invalid') {
        await recordSpam(database, form.name, 'forged-token', fields, dependencies.clientKey);
        return { kind: 'spam' };
      }
      if (token.reason === 'too-fast' && sentToken) {
        // Handed back as it is: its fill time keeps running from when it was
        // issued, so the wait shrinks at each try instead of starting again, and
        // the visitor is told how long is left.
        const waitMs = measureFillWait(sentToken, config.signingSecret, form.name, now.getTime(), config.tokenTiming);
        return { kind: 'confirm', token: sentToken, step: 'too-soon', waitSeconds: toWaitSeconds(waitMs) };
      }
      // Missing (no JavaScript) or expired: ask the person to confirm, with a fresh token.
      return { kind: 'confirm', token: await freshToken(), step: 'first', waitSeconds: toWaitSeconds(config.tokenTiming.minFillMs) };
    }
    if (config.turnstile && !(await dependencies.verifyTurnstile(single(fields[TURNSTILE_FIELD]) ?? ''))) {
      await recordSpam(database, form.name, 'turnstile', fields, dependencies.clientKey);
      return { kind: 'spam' };
    }
    const claimId = crypto.randomUUID();
    const stored = await storeSubmission(database, {
      form: form.name,
      nonce: token.payload.nonce,
      data: parsed.data,
      submitterEmail: form.submitterEmail(parsed.data),
      clientKey: dependencies.clientKey,
      recipients: form.recipients(parsed.data),
      rateLimit: config.rateLimit,
      caps: config.caps,
      claimMs: CLAIM_MS,
      claimId,
    });
    if (stored.outcome === 'rate-limited') return { kind: 'rate-limited' };
    // A resubmission (double click, retry after a time-out) gets its reference back; its e-mails are the first one's.
    if (stored.outcome === 'duplicate') return { kind: 'accepted', reference: stored.reference };
    if (stored.hourlyCapReached) dependencies.log({ event: 'hourly-cap-reached', form: form.name, reference: stored.reference, cap: config.caps.submissionsPerHour });
    const submission = { reference: stored.reference, form: form.name, receivedAt: stored.receivedAt, data: JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown> };
    const heldSiblings = stored.messages.flatMap((message) => (message.status === 'held' && message.heldReason ? [{ kind: message.kind, reason: message.heldReason }] : []));
    const pending = stored.messages
      .filter((message) => message.status === 'pending')
      .map((message): ClaimedMessage => ({ id: message.id, kind: message.kind, recipient: message.recipient, submission, heldSiblings }));
    return { kind: 'accepted', reference: stored.reference, ...(pending.length > 0 ? { deliver: () => dependencies.deliver(claimId, pending) } : {}) };
  } catch (error) {
    // Nothing is half-done: the store call is one transaction, and nothing was sent.
    dependencies.log({ event: 'submission-not-stored', form: form.name, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    return { kind: 'unavailable' };
  }
}
