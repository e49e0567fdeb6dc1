/**
 * Durable storage of form submissions in a key-value store with conditional
 * writes (Netlify Blobs in production and locally; the interface below is the
 * part of `@netlify/blobs`' `Store` that is used, so this module stays free of
 * platform imports).
 *
 * Keys: `records/<reference>` (the submission), `nonces/<form>/<nonce>` (the
 * reference given to a filling of a form: a resubmission finds it),
 * `counters/<year>` (last reference number), `pending/<reference>` (records with
 * e-mails still to send), `spam/<form>/<time>-<id>` (rejected spam, kept apart),
 * `rate/<client hash>` (recent submission times of a client).
 */
import type { FormName } from './form-names.ts';
import { formatReference } from './reference-number.ts';
import { applyRateLimit, type RateLimit } from './rate-limit.ts';

/** Result of a conditional write. */
export interface WriteResult {
  readonly modified: boolean;
  readonly etag?: string;
}

/** The subset of a Netlify Blobs store used here. */
export interface JsonStore {
  get(key: string, options: { type: 'json' }): Promise<unknown>;
  setJSON(key: string, value: unknown, options?: { onlyIfNew?: boolean } | { onlyIfMatch?: string }): Promise<WriteResult>;
  delete(key: string): Promise<void>;
  list(options: { prefix: string }): Promise<{ blobs: { key: string; etag: string }[] }>;
}

/** Who receives which e-mail of a submission. */
export type MessageKind = 'team' | 'startup' | 'confirmation';

/** Delivery state of one e-mail. */
export interface MessageState {
  readonly kind: MessageKind;
  /** Recipient address, fixed when the submission is accepted. */
  readonly to: string;
  /** `failed`: the server refused it for good (SMTP 5xx) or every attempt failed; the team sees it in `npm run submissions`. */
  readonly status: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  /** ISO 8601 instant (UTC) of the successful send. */
  readonly sentAt?: string;
  /** Last SMTP error, without personal data. */
  readonly lastError?: string;
  /** ISO 8601 instant until which a sender holds this message (see `claimMessage`). */
  readonly claimedUntil?: string;
}

/** A stored submission. `Data` is the validated form output. */
export interface SubmissionRecord<Data = Record<string, unknown>> {
  readonly reference: string;
  readonly form: FormName;
  readonly nonce: string;
  /** ISO 8601 instant (UTC) when the submission was accepted. */
  readonly receivedAt: string;
  /** `sent` once every message is sent; `failed` when none is pending and one failed for good. */
  readonly status: 'pending' | 'sent' | 'failed';
  readonly data: Data;
  readonly messages: readonly MessageState[];
}

const MAX_CONDITIONAL_ATTEMPTS = 20;

/** Key of a submission record. */
export const recordKey = (reference: string) => `records/${reference}`;
/** Key marking a record with e-mails still to send. */
export const pendingKey = (reference: string) => `pending/${reference}`;
/** Key linking a filling of a form (its nonce) to its reference. */
export const nonceKey = (form: FormName, nonce: string) => `nonces/${form}/${nonce}`;

/**
 * A value and its ETag. The ETag is taken from a listing, read before the
 * value: the local Blobs server gives ETags only in listings, and a change
 * between the two reads makes the conditional write fail, which is safe.
 */
async function readWithEtag<Value>(store: JsonStore, key: string): Promise<{ value: Value; etag: string } | null> {
  const { blobs } = await store.list({ prefix: key });
  const etag = blobs.find((blob) => blob.key === key)?.etag;
  if (!etag) return null;
  const value = (await store.get(key, { type: 'json' })) as Value | null;
  return value === null ? null : { value, etag };
}

/**
 * Read-modify-write with optimistic concurrency (ETag). `update` gets the
 * current value (or `null`) and returns the next one.
 */
async function updateJson<Value>(store: JsonStore, key: string, update: (current: Value | null) => Value): Promise<Value> {
  for (let attempt = 0; attempt < MAX_CONDITIONAL_ATTEMPTS; attempt += 1) {
    const current = await readWithEtag<Value>(store, key);
    const next = update(current?.value ?? null);
    const result = current
      ? await store.setJSON(key, next, { onlyIfMatch: current.etag })
      : await store.setJSON(key, next, { onlyIfNew: true });
    if (result.modified) return next;
  }
  throw new Error(`Too many concurrent writes to ${key}.`);
}

let allocations: Promise<unknown> = Promise.resolve();

/**
 * Runs reference allocations of this process one at a time. Netlify's Blobs
 * service checks `onlyIfNew` atomically, but the local Blobs server
 * (`@netlify/blobs/server`, used by `astro dev`, the tests and the benchmarks)
 * checks then writes with awaits in between, so two concurrent creates of the
 * same key could both succeed and share a reference.
 */
function oneAtATime<Result>(task: () => Promise<Result>): Promise<Result> {
  const run = allocations.then(task, task);
  allocations = run.catch(() => undefined);
  return run;
}

/**
 * True when the record under `record.reference` is this submission's own (same
 * form and nonce): a create whose answer was lost (connection dropped) and that
 * the client retried finds its own write taken, not another submission's.
 */
async function isOwnRecord<Data>(store: JsonStore, record: SubmissionRecord<Data>): Promise<boolean> {
  const stored = await loadSubmission<Data>(store, record.reference);
  return stored?.nonce === record.nonce && stored.form === record.form;
}

/**
 * Create the record under the next free reference of the year. Uniqueness
 * rests on create-only writes (`onlyIfNew`); the counter only says where to start.
 */
async function createWithNextReference<Data>(store: JsonStore, year: number, build: (reference: string) => SubmissionRecord<Data>): Promise<SubmissionRecord<Data>> {
  const counterKey = `counters/${year}`;
  let sequence = (((await store.get(counterKey, { type: 'json' })) as { last: number } | null)?.last ?? 0) + 1;
  for (;;) {
    const record = build(formatReference(year, sequence));
    if ((await store.setJSON(recordKey(record.reference), record, { onlyIfNew: true })).modified || (await isOwnRecord(store, record))) {
      await updateJson<{ last: number }>(store, counterKey, (current) => ({ last: Math.max(current?.last ?? 0, sequence) }));
      return record;
    }
    sequence += 1;
  }
}

/** The reference already stored for a filling of a form (same nonce), if any. */
export async function findReferenceByNonce(store: JsonStore, form: FormName, nonce: string): Promise<string | undefined> {
  const claimed = (await store.get(nonceKey(form, nonce), { type: 'json' })) as { reference: string } | null;
  if (!claimed) return undefined;
  return (await loadSubmission(store, claimed.reference)) ? claimed.reference : undefined;
}

/** Load a submission by reference; `null` when unknown. */
export async function loadSubmission<Data>(store: JsonStore, reference: string): Promise<SubmissionRecord<Data> | null> {
  return (await store.get(recordKey(reference), { type: 'json' })) as SubmissionRecord<Data> | null;
}

/** What a new submission is made of. */
export interface NewSubmission<Data> {
  readonly form: FormName;
  readonly nonce: string;
  readonly data: Data;
  /** Recipients, one per message to send. */
  readonly recipients: readonly { readonly kind: MessageKind; readonly to: string }[];
  /** Instant of acceptance. */
  readonly now: Date;
  /** Year of the reference (Europe/Paris calendar year of `now`). */
  readonly year: number;
}

/**
 * Store a submission before anything else, or find the one already stored for
 * the same filling of the form (same nonce).
 * @returns the record and whether it was created now (`false` for a resubmission)
 * @throws the store's error when it cannot be read or written (the caller answers 503)
 */
export async function saveSubmission<Data>(
  store: JsonStore,
  submission: NewSubmission<Data>,
): Promise<{ record: SubmissionRecord<Data>; created: boolean }> {
  const claimKey = nonceKey(submission.form, submission.nonce);
  const claimed = (await store.get(claimKey, { type: 'json' })) as { reference: string } | null;
  if (claimed) {
    const existing = await loadSubmission<Data>(store, claimed.reference);
    if (existing) return { record: existing, created: false };
  }
  const receivedAt = submission.now.toISOString();
  const status = submission.recipients.length === 0 ? 'sent' : 'pending';
  const build = (reference: string): SubmissionRecord<Data> => ({
    reference,
    form: submission.form,
    nonce: submission.nonce,
    receivedAt,
    status,
    data: submission.data,
    messages: submission.recipients.map(({ kind, to }) => ({ kind, to, status: 'pending', attempts: 0 })),
  });
  const record = claimed
    ? await recreate(store, build(claimed.reference))
    : await oneAtATime(() => createWithNextReference(store, submission.year, build));
  if (!claimed && !(await store.setJSON(claimKey, { reference: record.reference }, { onlyIfNew: true })).modified) {
    // A concurrent request with the same nonce won: keep its record, drop ours (nothing was sent).
    await store.delete(recordKey(record.reference));
    return saveSubmission(store, submission);
  }
  // The record is stored: from here on the visitor gets its reference. Should the
  // pending index fail, the request still sends the e-mails, and a failed send
  // writes the index again (`recordSendAttempt`) for the scheduled retry.
  if (status === 'pending') await store.setJSON(pendingKey(record.reference), { since: receivedAt }).catch(() => undefined);
  return { record, created: true };
}

/** Write a record whose reference was claimed by a request that stopped before storing it. */
async function recreate<Data>(store: JsonStore, record: SubmissionRecord<Data>): Promise<SubmissionRecord<Data>> {
  await store.setJSON(recordKey(record.reference), record, { onlyIfNew: true });
  return (await loadSubmission<Data>(store, record.reference)) ?? record;
}

/** Status of a record from its messages' statuses. */
function recordStatus(messages: readonly MessageState[]): SubmissionRecord['status'] {
  if (messages.some((message) => message.status === 'pending')) return 'pending';
  return messages.every((message) => message.status === 'sent') ? 'sent' : 'failed';
}

/**
 * Record the outcome of one send attempt. When no message is left pending,
 * the record becomes `sent` (or `failed`) and leaves the pending index.
 * @param outcome the send time, or the SMTP error (no personal data) and
 * whether it is final (the message is then `failed` and never retried)
 */
export async function recordSendAttempt(
  store: JsonStore,
  reference: string,
  kind: MessageKind,
  outcome: { sentAt: Date } | { error: string; final: boolean },
): Promise<SubmissionRecord> {
  const updated = await updateJson<SubmissionRecord>(store, recordKey(reference), (current) => {
    if (!current) throw new Error(`Unknown submission ${reference}.`);
    const messages = current.messages.map((message): MessageState => {
      if (message.kind !== kind || message.status !== 'pending') return message;
      const attempts = message.attempts + 1;
      // The claim ends with the attempt either way.
      return 'sentAt' in outcome
        ? { kind: message.kind, to: message.to, attempts, status: 'sent', sentAt: outcome.sentAt.toISOString() }
        : { kind: message.kind, to: message.to, attempts, status: outcome.final ? 'failed' : 'pending', lastError: outcome.error };
    });
    return { ...current, messages, status: recordStatus(messages) };
  });
  if (updated.status !== 'pending') await store.delete(pendingKey(reference));
  else if ('error' in outcome) await store.setJSON(pendingKey(reference), { since: updated.receivedAt });
  return updated;
}

/**
 * Reserve a pending message for one sender until `now + leaseMs`.
 * @returns false when it is already sent or held by another sender
 */
export async function claimMessage(store: JsonStore, reference: string, kind: MessageKind, now: Date, leaseMs: number): Promise<boolean> {
  let claimed = false;
  await updateJson<SubmissionRecord>(store, recordKey(reference), (current) => {
    if (!current) throw new Error(`Unknown submission ${reference}.`);
    claimed = false;
    const messages = current.messages.map((message) => {
      const free = message.status === 'pending' && (!message.claimedUntil || Date.parse(message.claimedUntil) <= now.getTime());
      if (message.kind !== kind || !free) return message;
      claimed = true;
      return { ...message, claimedUntil: new Date(now.getTime() + leaseMs).toISOString() };
    });
    return { ...current, messages };
  });
  return claimed;
}

/** References of the submissions that still have e-mails to send, oldest first. */
export async function listPendingReferences(store: JsonStore): Promise<string[]> {
  const { blobs } = await store.list({ prefix: 'pending/' });
  return blobs.map((blob) => blob.key.slice('pending/'.length)).sort();
}

/** Every stored submission reference, oldest first (for the team's command). */
export async function listSubmissionReferences(store: JsonStore): Promise<string[]> {
  const { blobs } = await store.list({ prefix: 'records/' });
  return blobs.map((blob) => blob.key.slice('records/'.length)).sort();
}

/** Keep rejected spam apart from real submissions, for review; it is never mailed. */
export async function saveSpam(store: JsonStore, form: FormName, reason: string, fields: unknown, now: Date): Promise<void> {
  await store.setJSON(`spam/${form}/${now.toISOString()}-${crypto.randomUUID()}`, { reason, receivedAt: now.toISOString(), fields });
}

/**
 * Count one more submission for a client and tell whether it is allowed.
 * @param clientKey a hash of the client address (never the address itself)
 */
export async function takeRateLimitSlot(store: JsonStore, clientKey: string, now: number, limit: RateLimit): Promise<boolean> {
  let allowed = false;
  await updateJson<{ timestamps: number[] }>(store, `rate/${clientKey}`, (current) => {
    const decision = applyRateLimit(current?.timestamps ?? [], now, limit);
    allowed = decision.allowed;
    return { timestamps: decision.timestamps };
  });
  return allowed;
}
