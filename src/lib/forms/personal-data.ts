/**
 * The personal data the form functions keep in their store, and its life
 * cycle: erasure when the retention period ends (GDPR art. 5(1)(e)), and the
 * rights of access and erasure of one person (GDPR art. 15 and 17), found by
 * e-mail address. Key layout: `submission-repository.ts`.
 *
 * What holds personal data: `records/<reference>` (the submission), and
 * `spam/…` (the raw fields of a refused send). Linked keys without personal
 * data go with their record: `nonces/<form>/<nonce>` and `pending/<reference>`.
 * `rate/<hash>` holds a keyed hash of the client's IP address and recent
 * submission times: it cannot be linked to an e-mail address, and is erased
 * once its times are older than the rate-limit window.
 */
import type { FormName } from './form-names.ts';
import type { RateLimit } from './rate-limit.ts';
import { isSpamExpired, isSubmissionExpired, type RetentionPolicy } from './retention.ts';
import { listSubmissionReferences, loadSubmission, nonceKey, pendingKey, recordKey, type JsonStore, type SubmissionRecord } from './submission-repository.ts';

/** A send refused as spam, as stored. */
export interface SpamEntry {
  readonly key: string;
  readonly reason: string;
  /** ISO 8601 instant (UTC). */
  readonly receivedAt: string;
  /** The fields as sent. */
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

/** Counts of erased entries, for logs (no personal data). */
export interface PurgeReport {
  readonly submissions: number;
  readonly spam: number;
  readonly rateEntries: number;
}

async function keysUnder(store: JsonStore, prefix: string): Promise<string[]> {
  return (await store.list({ prefix })).blobs.map((blob) => blob.key).sort();
}

/** Erase a submission and the keys that point to it. */
async function eraseSubmission(store: JsonStore, record: Pick<SubmissionRecord, 'reference' | 'form' | 'nonce'>): Promise<void> {
  await store.delete(pendingKey(record.reference));
  await store.delete(nonceKey(record.form as FormName, record.nonce));
  await store.delete(recordKey(record.reference));
}

async function loadSpam(store: JsonStore): Promise<SpamEntry[]> {
  const entries: SpamEntry[] = [];
  for (const key of await keysUnder(store, 'spam/')) {
    const value = (await store.get(key, { type: 'json' })) as Omit<SpamEntry, 'key'> | null;
    if (value) entries.push({ key, ...value });
  }
  return entries;
}

/**
 * Erase what has outlived its retention period: submissions (per form), spam,
 * and rate-limit entries whose times are all outside the window.
 * @param now the instant of the run
 * @returns how many entries of each kind were erased
 * @throws the store's error (the scheduled function logs it and runs again the next day)
 */
export async function purgeExpiredData(store: JsonStore, now: Date, policy: RetentionPolicy, rateLimit: RateLimit): Promise<PurgeReport> {
  let submissions = 0;
  for (const reference of await listSubmissionReferences(store)) {
    const record = await loadSubmission(store, reference);
    if (record && isSubmissionExpired(record.form, record.receivedAt, now, policy)) {
      await eraseSubmission(store, record);
      submissions += 1;
    }
  }
  let spam = 0;
  for (const entry of await loadSpam(store)) {
    if (isSpamExpired(entry.receivedAt, now, policy)) {
      await store.delete(entry.key);
      spam += 1;
    }
  }
  let rateEntries = 0;
  for (const key of await keysUnder(store, 'rate/')) {
    const value = (await store.get(key, { type: 'json' })) as { timestamps?: number[] } | null;
    const latest = Math.max(...(value?.timestamps ?? []));
    if (!(now.getTime() - latest < rateLimit.windowMs)) {
      await store.delete(key);
      rateEntries += 1;
    }
  }
  return { submissions, spam, rateEntries };
}

/**
 * An e-mail address in a comparable form: trimmed, lower case, the domain in
 * its ASCII (punycode) form through the WHATWG URL parser, so that
 * `Jeanne@Société-Verte.fr` and `jeanne@xn--socit-verte-ebbb.fr` compare equal.
 */
export function comparableEmail(address: string): string {
  const text = address.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  try {
    return `${text.slice(0, at)}@${new URL(`http://${text.slice(at + 1)}`).hostname}`;
  } catch {
    return text;
  }
}

/** Everything stored about one e-mail address. */
export interface PersonalData {
  /** The address searched, as given. */
  readonly email: string;
  /** Submissions sent with this address (field `email`). */
  readonly submissions: readonly SubmissionRecord[];
  /** Spam whose `email` field is this address. */
  readonly spam: readonly SpamEntry[];
}

function hasEmail(value: unknown, wanted: string): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((item) => typeof item === 'string' && comparableEmail(item) === wanted);
}

/**
 * Find everything stored about `email` (right of access, GDPR art. 15).
 * The startups' private order addresses are not form data: they live in the
 * content (`content/startups/`) and are changed there.
 */
export async function findPersonalData(store: JsonStore, email: string): Promise<PersonalData> {
  const wanted = comparableEmail(email);
  const submissions: SubmissionRecord[] = [];
  for (const reference of await listSubmissionReferences(store)) {
    const record = await loadSubmission<Record<string, unknown>>(store, reference);
    if (record && hasEmail(record.data['email'], wanted)) submissions.push(record);
  }
  const spam = (await loadSpam(store)).filter((entry) => hasEmail(entry.fields['email'], wanted));
  return { email, submissions, spam };
}

/**
 * Erase what `findPersonalData` found (right to erasure, GDPR art. 17).
 * @returns how many submissions and spam entries were erased
 */
export async function erasePersonalData(store: JsonStore, found: PersonalData): Promise<{ submissions: number; spam: number }> {
  for (const record of found.submissions) await eraseSubmission(store, record);
  for (const entry of found.spam) await store.delete(entry.key);
  return { submissions: found.submissions.length, spam: found.spam.length };
}
