/**
 * The `Context` argument of a Netlify Function, as the platform gives it, for
 * calling handlers in-process. Only the members the handlers read are set.
 */
import type { Context } from '@netlify/functions';

/**
 * @param deployContext `''` as in the local emulation, or `production`
 * @param ip client address (hashed for the rate limit)
 * @param siteUrl the site's main address (`context.site.url`, Netlify's `URL`); none by default, as in local runs
 */
export function functionContext({ deployContext = '', ip = '127.0.0.1', siteUrl }: { deployContext?: string; ip?: string; siteUrl?: string } = {}): Context {
  return { deploy: { context: deployContext, id: 'test', published: false }, ip, site: siteUrl === undefined ? {} : { url: siteUrl } } as unknown as Context;
}
