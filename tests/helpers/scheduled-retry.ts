/**
 * One run of the scheduled retry of e-mails (`netlify/functions/retry-pending-emails.mts`),
 * called as the platform calls it.
 */
import type { Context } from '@netlify/functions';
import retryHandler from '../../netlify/functions/retry-pending-emails.mts';
import { functionContext } from './function-context.ts';

/**
 * Run the retry handler once.
 * @param handler the handler to call (a freshly imported one when a test resets the modules)
 * @returns its answer (204 when the pass ran)
 */
export function runScheduledRetry(context: Context = functionContext(), handler: typeof retryHandler = retryHandler): Promise<Response> {
  return handler(new Request('http://127.0.0.1:9/.netlify/functions/retry-pending-emails', { method: 'POST', body: '{"next_run":"2026-05-12T09:15:00Z"}' }), context);
}
