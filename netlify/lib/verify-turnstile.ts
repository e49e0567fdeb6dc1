/**
 * Server-side check of a Cloudflare Turnstile answer
 * (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/).
 * `TURNSTILE_VERIFY_URL` may point elsewhere for tests.
 */
const DEFAULT_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/**
 * @returns true when Cloudflare says the token is valid; false on any failure (including a time-out of 5 s)
 */
export async function verifyTurnstileToken(secret: string, token: string, remoteIp: string): Promise<boolean> {
  if (!token) return false;
  try {
    const response = await fetch(process.env['TURNSTILE_VERIFY_URL'] || DEFAULT_VERIFY_URL, {
      method: 'POST',
      body: new URLSearchParams({ secret, response: token, remoteip: remoteIp }),
      signal: AbortSignal.timeout(5_000),
    });
    const result = (await response.json()) as { success?: unknown };
    return result.success === true;
  } catch {
    return false;
  }
}
