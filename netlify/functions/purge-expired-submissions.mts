/**
 * Scheduled every day at 03:00 UTC: erases the stored submissions, spam and
 * rate-limit entries whose retention period has ended (durations in the site
 * settings, `src/lib/forms/retention.ts`). Logs counts only.
 */
import type { Config, Context } from '@netlify/functions';
import { purgeExpiredData } from '../../src/lib/forms/personal-data.ts';
import { retentionFromSettings } from '../../src/lib/forms/retention.ts';
import { loadFormRuntime } from '../lib/form-runtime.ts';

export default async (_request: Request, context: Context) => {
  const runtime = await loadFormRuntime(context);
  const report = await purgeExpiredData(runtime.store, new Date(), retentionFromSettings(runtime.settings), runtime.config.rateLimit);
  console.log(JSON.stringify({ event: 'purge-expired-submissions', ...report }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '0 3 * * *' };
