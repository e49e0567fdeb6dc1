/**
 * Signed form tokens. The server hands one to each form when it is displayed;
 * the token carries the time it was issued, so a submission made faster than a
 * person can type (a bot) is recognised, and a random nonce, which identifies the
 * submission: sending the same form twice (double click, retry after a time-out)
 * carries the same nonce and yields the same record. The HMAC-SHA-256 signature
 * (Web Crypto) makes the token impossible to forge without the secret.
 */
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

const encoder = new TextEncoder();

function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
}

/** Imported keys by usage and secret: an instance signs and verifies with one secret (set per deploy). */
const importedKeys = new Map<string, Promise<CryptoKey>>();

function importKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  const cacheKey = `${usage}:${secret}`;
  let key = importedKeys.get(cacheKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
    importedKeys.set(cacheKey, key);
  }
  return key;
}

/**
 * Issue a token for a form.
 * @param secret signing secret (`FORM_SIGNING_SECRET`), at least 32 characters in production
 * @param now milliseconds since the epoch
 */
export async function issueFormToken(secret: string, form: FormName, now: number, nonce: string = crypto.randomUUID()): Promise<string> {
  const payload = toBase64Url(encoder.encode(JSON.stringify({ form, issuedAt: now, nonce } satisfies FormTokenPayload)));
  const signature = await crypto.subtle.sign('HMAC', await importKey(secret, 'sign'), encoder.encode(payload));
  return `${payload}.${toBase64Url(signature)}`;
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
  if (!token) return { ok: false, reason: 'missing' };
  const [payloadText, signatureText, extra] = token.split('.');
  const base64Url = /^[A-Za-z0-9_-]+$/;
  if (!payloadText || !signatureText || extra !== undefined || !base64Url.test(payloadText) || !base64Url.test(signatureText)) {
    return { ok: false, reason: 'invalid' };
  }
  const signature = Buffer.from(signatureText, 'base64url');
  const valid = await crypto.subtle.verify('HMAC', await importKey(secret, 'verify'), signature, encoder.encode(payloadText));
  const payload = valid ? readPayload(payloadText) : undefined;
  if (!payload || payload.form !== form) return { ok: false, reason: 'invalid' };
  const age = now - payload.issuedAt;
  if (age < timing.minFillMs) return { ok: false, reason: 'too-fast' };
  if (age > timing.maxAgeMs) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
