import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_TIMING, issueFormToken, measureFillWait, verifyFormToken } from '../../../src/lib/forms/form-token.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const ISSUED_AT = Date.UTC(2026, 4, 12, 8, 30, 0);
const NONCE = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

describe('issueFormToken / verifyFormToken', () => {
  it('gives back the form, the issue time and the nonce of a token sent after the minimum fill time', async () => {
    const token = await issueFormToken(SECRET, 'demande-bon-de-commande', ISSUED_AT, NONCE);
    expect(token).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(await verifyFormToken(token, SECRET, 'demande-bon-de-commande', ISSUED_AT + 10_000)).toEqual({
      ok: true,
      payload: { form: 'demande-bon-de-commande', issuedAt: ISSUED_AT, nonce: NONCE },
    });
  });

  it('signs as Web Crypto did (HMAC-SHA-256 of the payload text): tokens of pages shown before the change stay valid, and only those', async () => {
    const payload = Buffer.from(JSON.stringify({ form: 'candidature', issuedAt: ISSUED_AT, nonce: NONCE })).toString('base64url');
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const signature = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload))).toString('base64url');
    expect(await issueFormToken(SECRET, 'candidature', ISSUED_AT, NONCE)).toBe(`${payload}.${signature}`);
    expect(await verifyFormToken(`${payload}.${signature}`, SECRET, 'candidature', ISSUED_AT + 10_000)).toMatchObject({ ok: true });
    // A signature one byte short, or of another secret, is refused (the constant-time comparison needs equal lengths).
    expect(await verifyFormToken(`${payload}.${signature.slice(0, -2)}`, SECRET, 'candidature', ISSUED_AT + 10_000)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyFormToken(`${payload}.${signature}`, `${SECRET}!`, 'candidature', ISSUED_AT + 10_000)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('draws a new nonce for each token', async () => {
    const first = await verifyFormToken(await issueFormToken(SECRET, 'candidature', ISSUED_AT), SECRET, 'candidature', ISSUED_AT + 5_000);
    const second = await verifyFormToken(await issueFormToken(SECRET, 'candidature', ISSUED_AT), SECRET, 'candidature', ISSUED_AT + 5_000);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) {
      expect(first.payload.nonce).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.payload.nonce).not.toBe(second.payload.nonce);
    }
  });

  it.each([
    ['at the minimum fill time', DEFAULT_TOKEN_TIMING.minFillMs, true],
    ['1 ms under the minimum fill time', DEFAULT_TOKEN_TIMING.minFillMs - 1, 'too-fast'],
    ['at once', 0, 'too-fast'],
    ['before it was issued (clock skew)', -60_000, 'too-fast'],
    ['24 h after', DEFAULT_TOKEN_TIMING.maxAgeMs, true],
    ['24 h and 1 ms after', DEFAULT_TOKEN_TIMING.maxAgeMs + 1, 'expired'],
    ['a week after', 7 * 24 * 3_600_000, 'expired'],
  ])('a token sent %s → %s', async (_when, delay, expected) => {
    const token = await issueFormToken(SECRET, 'candidature', ISSUED_AT, NONCE);
    const result = await verifyFormToken(token, SECRET, 'candidature', ISSUED_AT + delay);
    expect(result.ok ? true : result.reason).toBe(expected);
  });

  it('follows the timing it is given', async () => {
    const token = await issueFormToken(SECRET, 'candidature', ISSUED_AT, NONCE);
    expect((await verifyFormToken(token, SECRET, 'candidature', ISSUED_AT, { minFillMs: 0, maxAgeMs: 1_000 })).ok).toBe(true);
    expect(await verifyFormToken(token, SECRET, 'candidature', ISSUED_AT + 1_001, { minFillMs: 0, maxAgeMs: 1_000 })).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['at once', 0, DEFAULT_TOKEN_TIMING.minFillMs],
    ['1.2 s after', 1_200, DEFAULT_TOKEN_TIMING.minFillMs - 1_200],
    ['at the minimum fill time', DEFAULT_TOKEN_TIMING.minFillMs, 0],
    ['a minute after', 60_000, 0],
  ])('measureFillWait: a token sent %s must still wait %i ms', async (_when, delay, waitMs) => {
    const token = await issueFormToken(SECRET, 'candidature', ISSUED_AT, NONCE);
    expect(measureFillWait(token, SECRET, 'candidature', ISSUED_AT + delay)).toBe(waitMs);
  });

  it('measureFillWait: nothing to wait for a missing, forged or other-form token (they are never handed back)', async () => {
    expect(measureFillWait(undefined, SECRET, 'candidature', ISSUED_AT)).toBe(0);
    expect(measureFillWait(await issueFormToken(`${SECRET}!`, 'candidature', ISSUED_AT, NONCE), SECRET, 'candidature', ISSUED_AT)).toBe(0);
    expect(measureFillWait(await issueFormToken(SECRET, 'demande-bon-de-commande', ISSUED_AT, NONCE), SECRET, 'candidature', ISSUED_AT)).toBe(0);
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
  ])('a %s token is missing', async (_name, token) => {
    expect(await verifyFormToken(token, SECRET, 'candidature', ISSUED_AT)).toEqual({ ok: false, reason: 'missing' });
  });

  /** Tokens that must be refused as invalid, built from a genuine one. */
  const forgeries: [string, (genuine: string) => Promise<string> | string][] = [
    ['signed with another secret', () => issueFormToken('another-secret-of-at-least-32-characters', 'candidature', ISSUED_AT, NONCE)],
    ['issued for the other form', () => issueFormToken(SECRET, 'demande-bon-de-commande', ISSUED_AT, NONCE)],
    [
      'with a payload changed to an earlier time (signature kept)',
      (genuine) => {
        const [, signature] = genuine.split('.');
        const payload = Buffer.from(JSON.stringify({ form: 'candidature', issuedAt: ISSUED_AT - 3_600_000, nonce: NONCE })).toString('base64url');
        return `${payload}.${signature}`;
      },
    ],
    ['with the signature removed', (genuine) => `${genuine.split('.')[0]}.`],
    ['with the signature of another payload', async (genuine) => `${genuine.split('.')[0]}.${(await issueFormToken(SECRET, 'candidature', ISSUED_AT + 1, NONCE)).split('.')[1]}`],
    ['without the dot', (genuine) => genuine.replace('.', '')],
    ['with a third part', (genuine) => `${genuine}.extra`],
    ['made of dots', () => '...'],
    ['not base64', () => '%%%%.%%%%'],
    ['a JWT-looking string', () => 'eyJhbGciOiJIUzI1NiJ9.eyJmb3JtIjoiY2FuZGlkYXR1cmUifQ.c2lnbmF0dXJl'],
    ['with a nonce too short', () => issueFormToken(SECRET, 'candidature', ISSUED_AT, 'court')],
    ['with a nonce holding a slash', () => issueFormToken(SECRET, 'candidature', ISSUED_AT, '../../records/PBC-2026-00001')],
    [
      'whose signed payload is not JSON',
      async () => {
        const payload = Buffer.from('pas du JSON').toString('base64url');
        const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
        const signature = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload))).toString('base64url');
        return `${payload}.${signature}`;
      },
    ],
  ];

  it.each(forgeries)('a token %s is invalid', async (_name, forge) => {
    const genuine = await issueFormToken(SECRET, 'candidature', ISSUED_AT, NONCE);
    const token = await forge(genuine);
    expect(token).not.toBe(genuine);
    expect(await verifyFormToken(token, SECRET, 'candidature', ISSUED_AT + 10_000)).toEqual({ ok: false, reason: 'invalid' });
  });
});
