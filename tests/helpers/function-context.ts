/**
 * The `Context` argument of a Netlify Function, as the platform gives it, for
 * calling handlers in-process. Only the members the handlers read are set.
 * `waitUntil` keeps the promises it is given, as the platform keeps the
 * function alive for them; `settleBackgroundWork` waits for them all.
 */
import type { Context } from '@netlify/functions';

const backgroundWork = new Set<Promise<unknown>>();

/** Wait until every promise given to `context.waitUntil` so far has settled. */
export async function settleBackgroundWork(): Promise<void> {
  while (backgroundWork.size > 0) await Promise.allSettled([...backgroundWork]);
}

/**
 * @param deployContext `''` as in the local emulation, or `production`, `deploy-preview`…
 * @param ip client address (hashed for the rate limit)
 * @param siteUrl the site's main address (`context.site.url`, Netlify's `URL`); none by default, as in local runs
 */
export function functionContext({ deployContext = '', ip = '127.0.0.1', siteUrl }: { deployContext?: string; ip?: string; siteUrl?: string } = {}): Context {
  const waitUntil = (promise: Promise<unknown>) => {
    const tracked = promise.catch(() => undefined).finally(() => backgroundWork.delete(tracked));
    backgroundWork.add(tracked);
  };
  return { deploy: { context: deployContext, id: 'test', published: false }, ip, site: siteUrl === undefined ? {} : { url: siteUrl }, waitUntil } as unknown as Context;
}
