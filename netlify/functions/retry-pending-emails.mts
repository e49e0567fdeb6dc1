/**
 * Scheduled every 15 minutes: sends the e-mails still pending (SMTP was down,
 * or the request that stored them stopped before sending). Messages are
 * claimed in the database before sending, so two runs never send the same one.
 */
import type { Config, Context } from '@netlify/functions';
import { retryDueMessages } from '../../src/lib/forms/sending/retry-due-messages.ts';
import { loadFormRuntime } from '../lib/form-runtime.ts';

export default async (_request: Request, context: Context) => {
  const { delivery } = await loadFormRuntime(context);
  const report = await retryDueMessages(delivery.database, delivery.openSession, delivery.compose, delivery.policy);
  console.log(JSON.stringify({ event: 'retry-pending-emails', ...report }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '*/15 * * * *' };
