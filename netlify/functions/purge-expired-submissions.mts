/**
 * Scheduled every day at 03:00 UTC: erases the stored submissions, spam and
 * counters whose retention period has ended (durations in the site settings,
 * `src/lib/forms/retention.ts`), in one statement. Logs counts only.
 */
import type { Config, Context } from '@netlify/functions';
import { retentionFromSettings } from '../../src/lib/forms/retention.ts';
import { purgeExpired } from '../../src/lib/forms/store/purge-expired.ts';
import { loadFormRuntime } from '../lib/form-runtime.ts';

export default async (_request: Request, context: Context) => {
  const runtime = await loadFormRuntime(context);
  const report = await purgeExpired(runtime.database, new Date(), retentionFromSettings(runtime.settings));
  console.log(JSON.stringify({ event: 'purge-expired-submissions', ...report }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '0 3 * * *' };
