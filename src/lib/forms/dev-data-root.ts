/**
 * Where `npm run dev` keeps its local state: the embedded database
 * (`.netlify/db`), the file telling `npm run submissions` its address
 * (`.netlify/db-url`) and the e-mails written without `SMTP_URL`
 * (`.netlify/outbox`), all under one folder: the project by default, or the
 * `DEV_DATA_ROOT` setting, so that a second `npm run dev` (the dev browser
 * test's) runs beside a developer's own without sharing its database or outbox
 * (the embedded database opens in one process only).
 */
import { resolve } from 'node:path';

/**
 * @param env process environment (`DEV_DATA_ROOT`, absolute or relative to `projectRoot`)
 * @param projectRoot the project's absolute path
 * @returns the absolute folder holding `.netlify/`
 */
export function resolveDevDataRoot(env: NodeJS.ProcessEnv, projectRoot: string): string {
  const setting = env['DEV_DATA_ROOT'];
  return setting ? resolve(projectRoot, setting) : projectRoot;
}
