/**
 * Signed form tokens. The server hands one to each form when it is displayed;
 * the token carries the time it was issued, so a submission made faster than a
 * person can type (a bot) is recognised, and a random nonce, which identifies the
 * submission: sending the same form twice (double click, retry after a time-out)
 * carries the same nonce and yields the same record. The HMAC-SHA-256 signature
 * (`node:crypto`, compared in constant time) makes the token impossible to forge
 * without the secret. Node's HMAC is synchronous: Web Crypto's `subtle.verify`
 * ran each check as a crypto job, several times the CPU for the same result
 * (issue 10, `npm run bench:forms`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isFormName, type FormName } from './definitions/index.ts';

/** What a token says. */
export interface FormTokenPayload {
  readonly form: FormName;
  /** Milliseconds since the Unix epoch (UTC) when the form was displayed. */
  readonly issuedAt: number;
  /** Random identifier of this filling of the form (UUID). */
  readonly nonce: string;
}

/** Timing rules: a person needs a few seconds; a form left open for days is stale. */
export interface TokenTiming {
  /** Smallest delay between display and submission, milliseconds (default 3 000). */
  readonly minFillMs: number;
  /** Largest delay, milliseconds (default 24 h). */
  readonly maxAgeMs: number;
}

export const DEFAULT_TOKEN_TIMING: TokenTiming = { minFillMs: 3_000, maxAgeMs: 24 * 60 * 60 * 1_000 };

/** Why a token was not accepted. */
export type TokenRejection = 'missing' | 'invalid' | 'too-fast' | 'expired';

/** HMAC-SHA-256 of the token's payload text (its base64url form), 32 bytes. */
function signPayload(secret: string, payloadText: string): Buffer {
  return createHmac('sha256', secret).update(payloadText).digest();
}

/**
 * Issue a token for a form (computed at once; a promise for its callers, as when it was signed with Web Crypto).
 * @param secret signing secret (`FORM_SIGNING_SECRET`), at least 32 characters in production
 * @param now milliseconds since the epoch
 */
export async function issueFormToken(secret: string, form: FormName, now: number, nonce: string = crypto.randomUUID()): Promise<string> {
  const payload = Buffer.from(JSON.stringify({ form, issuedAt: now, nonce } satisfies FormTokenPayload)).toString('base64url');
  return `${payload}.${signPayload(secret, payload).toString('base64url')}`;
}

function readPayload(text: string): FormTokenPayload | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { form, issuedAt, nonce } = value as Record<string, unknown>;
    if (!isFormName(form) || typeof issuedAt !== 'number' || typeof nonce !== 'string' || !/^[\w-]{8,64}$/.test(nonce)) return undefined;
    return { form, issuedAt, nonce };
  } catch {
    return undefined;
  }
}

/** The payload of a token of `form` signed with `secret`, or why not: missing, or invalid (bad signature, another form, malformed). */
function authenticate(token: string | undefined, secret: string, form: FormName): FormTokenPayload | 'missing' | 'invalid' {
  if (!token) return 'missing';
  const [payloadText, signatureText, extra] = token.split('.');
  const base64Url = /^[A-Za-z0-9_-]+$/;
  if (!payloadText || !signatureText || extra !== undefined || !base64Url.test(payloadText) || !base64Url.test(signatureText)) return 'invalid';
  const signature = Buffer.from(signatureText, 'base64url');
  const expected = signPayload(secret, payloadText);
  const valid = signature.length === expected.length && timingSafeEqual(signature, expected);
  const payload = valid ? readPayload(payloadText) : undefined;
  return payload && payload.form === form ? payload : 'invalid';
}

/**
 * Check a token sent with a form.
 * @returns the payload, or why it is refused: missing, invalid (bad signature,
 * another form, malformed), too fast (sent under `minFillMs`) or expired
 */
export async function verifyFormToken(
  token: string | undefined,
  secret: string,
  form: FormName,
  now: number,
  timing: TokenTiming = DEFAULT_TOKEN_TIMING,
): Promise<{ ok: true; payload: FormTokenPayload } | { ok: false; reason: TokenRejection }> {
  const payload = authenticate(token, secret, form);
  if (typeof payload === 'string') return { ok: false, reason: payload };
  const age = now - payload.issuedAt;
  if (age < timing.minFillMs) return { ok: false, reason: 'too-fast' };
  if (age > timing.maxAgeMs) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/**
 * How long an authentic token must still wait before it respects the minimum
 * fill time: what a visitor told « too fast » is asked to wait.
 * @returns milliseconds, 0 when the token already respects it or is missing or not authentic
 */
export function measureFillWait(token: string | undefined, secret: string, form: FormName, now: number, timing: TokenTiming = DEFAULT_TOKEN_TIMING): number {
  const payload = authenticate(token, secret, form);
  return typeof payload === 'string' ? 0 : Math.max(0, payload.issuedAt + timing.minFillMs - now);
}
