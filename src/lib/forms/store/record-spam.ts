/**
 * Keep a send refused as spam (honeypot, forged token, Turnstile) for a short
 * review of false positives, within bounds: a flood is counted, not stored
 * (database function `pbc_record_spam`, one round trip).
 */
import type { FormName } from '../definitions/form-names.ts';
import type { SubmittedFields } from '../request/read-form-request.ts';
import type { Queryable } from './database.ts';
import { comparableEmail } from '../../email-address/read-email-address.ts';
import { toStorableText } from '../../text/text-hygiene.ts';

/** Bounds of spam storage. */
export const SPAM_LIMITS = {
  /** Entries kept per client and hour. */
  perClientPerHour: 5,
  /** Entries kept per day for the whole site. */
  perDay: 500,
  /** Fields kept per entry. */
  fields: 40,
  /** Characters kept per value. */
  valueLength: 2_000,
} as const;

/**
 * The fields cut to the bounds above, storable (`toStorableText`: no rule has
 * read these values, and a failed insert would answer the bot 503 instead of its refusal).
 */
function boundedFields(fields: SubmittedFields): Record<string, string | string[]> {
  const cut = (value: string) => toStorableText(value.slice(0, SPAM_LIMITS.valueLength));
  return Object.fromEntries(
    Object.entries(fields)
      .slice(0, SPAM_LIMITS.fields)
      .map(([name, value]) => [toStorableText(name.slice(0, 100)), Array.isArray(value) ? value.slice(0, 10).map(cut) : cut(value)]),
  );
}

/**
 * Record one refused send.
 * @param reason `honeypot`, `forged-token` or `turnstile`
 * @param clientKey keyed hash of the client's address
 * @returns whether it was kept (false: over a bound, only counted)
 * @throws the database's error
 */
export async function recordSpam(database: Queryable, form: FormName, reason: string, fields: SubmittedFields, clientKey: string): Promise<boolean> {
  // A repeated `email` field comes as a list: its first value keys the entry, so that access and erasure find it.
  const email = [fields['email'] ?? []].flat()[0];
  const submitterKey = email === undefined ? null : comparableEmail(toStorableText(email));
  const { rows } = await database.query<{ kept: boolean }>('SELECT pbc_record_spam($1, $2, $3, $4, $5, $6, $7) AS kept', [
    form,
    reason,
    clientKey,
    JSON.stringify(boundedFields(fields)),
    submitterKey,
    SPAM_LIMITS.perClientPerHour,
    SPAM_LIMITS.perDay,
  ]);
  return rows[0]?.kept === true;
}
