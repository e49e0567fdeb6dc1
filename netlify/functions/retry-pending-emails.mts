/**
 * Scheduled every 15 minutes: sends the e-mails of stored submissions that are
 * still pending (SMTP was down when they arrived). Each message is claimed
 * before sending and marked sent at once, so none is sent twice.
 */
import type { Config, Context } from '@netlify/functions';
import { retryPendingSubmissions } from '../../src/lib/forms/retry-pending-submissions.ts';
import { loadFormRuntime } from '../lib/form-runtime.ts';

export default async (_request: Request, context: Context) => {
  const runtime = await loadFormRuntime(context);
  const report = await retryPendingSubmissions(runtime.store, runtime.send, new Date());
  console.log(JSON.stringify({ event: 'retry-pending-emails', ...report }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '*/15 * * * *' };
