/**
 * `npm run dev`: the whole site locally, in one command.
 * Starts the local submissions database (the embedded Postgres of Netlify's dev
 * tooling in `.netlify/db`, migrations applied), the Astro dev server (pages;
 * the form functions run in-process, src/integrations/local-functions.ts, given
 * the database in `NETLIFY_DB_URL`; with no SMTP_URL, e-mails go to
 * `.netlify/outbox` as .eml files; and the Decap CMS local backend at
 * `/api/v1/`, from src/integrations/local-cms-backend.ts), prints where to go, and stops
 * everything when one stops or on Ctrl+C.
 * Every server listens on loopback only; the site's port is the `PORT` setting
 * (default 4321), checked free before anything starts. `DEV_DATA_ROOT` moves
 * `.netlify/` (database, outbox) elsewhere, for a second instance.
 * With `CMS_WORKFLOW=1`, that backend runs in git mode on a clone of the
 * project (`.cms-workflow/`, see `lib/cms-workflow-repo.ts`) and the site shows
 * that clone's content: the CMS offers the editorial workflow (draft → in
 * review → ready → published), each entry on a `cms/<collection>/<slug>` branch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { resolveDevDataRoot } from '../src/lib/forms/dev-data-root.ts';
import { LOCAL_OUTBOX } from '../src/lib/forms/read-forms-config.ts';
import { readProductionBackend } from '../src/lib/cms/select-cms-backend.ts';
import { assertPortFree } from './lib/assert-port-free.ts';
import { prepareCmsWorkflowRepo } from './lib/cms-workflow-repo.ts';
import { removeDevDatabaseUrl, writeDevDatabaseUrl } from './lib/dev-database-url.ts';
import { LOCAL_DATABASE_DIRECTORY, startEmbeddedDatabase } from './lib/local-database.ts';
import { readPortSetting } from './lib/read-port-setting.ts';

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.log(`[dev] ${name} stopped (code ${code ?? 'signal'}); stopping everything.`);
    shutdown(code ?? 0);
  });
  return child;
}

/** The `PORT` setting (default 4321), once known to be free on loopback. */
async function claimSitePort(): Promise<number> {
  const port = readPortSetting(process.env, 'PORT', 4321);
  await assertPortFree(port, '127.0.0.1', 'The site (and its CMS) needs it: stop what uses it, or choose another port, e.g. `PORT=4322 npm run dev`.');
  return port;
}

const SITE_PORT = await claimSitePort().catch((error: Error) => {
  console.error(`[dev] ${error.message}`);
  return process.exit(1);
});
// `.netlify/` (database, its address, outbox) under the project, or under `DEV_DATA_ROOT`.
const dataRoot = resolveDevDataRoot(process.env, process.cwd());
const database = await startEmbeddedDatabase(join(dataRoot, LOCAL_DATABASE_DIRECTORY));
// The embedded database opens in one process only: `npm run submissions` connects to this one's server.
await writeDevDatabaseUrl(dataRoot, database.connectionString);

const workflowRepo = process.env['CMS_WORKFLOW'] === '1' ? await prepareCmsWorkflowRepo(process.cwd(), readProductionBackend(process.env).branch) : undefined;

const children = [
  start('astro dev', 'astro', ['dev', '--port', String(SITE_PORT)], {
    NETLIFY_DB_URL: database.connectionString,
    ...(workflowRepo ? { CMS_LOCAL_MODE: 'git', GIT_REPO_DIRECTORY: workflowRepo, CONTENT_DIR: join(workflowRepo, 'content') } : {}),
  }),
];

let stopping = false;

function shutdown(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
  void removeDevDatabaseUrl(dataRoot).then(() => database.stop());
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

console.log(`
[dev] Site:               http://127.0.0.1:${SITE_PORT}/
[dev] CMS (Decap):        http://127.0.0.1:${SITE_PORT}/admin/  (local backend at /api/v1/, ${workflowRepo ? `editorial workflow on the git clone ${workflowRepo}` : 'saves into content/'})
[dev] Forms:              http://127.0.0.1:${SITE_PORT}/candidater/, /demander-un-bon-de-commande/ and /s-engager/
[dev] Database:           ${join(dataRoot, LOCAL_DATABASE_DIRECTORY)} (embedded Postgres, ${database.connectionString})
[dev] E-mails:            ${process.env['SMTP_URL'] ? `sent through ${new URL(process.env['SMTP_URL']).host}` : `written as .eml files to ${join(dataRoot, LOCAL_OUTBOX)}`}
[dev] Stored submissions: npm run submissions -- list
`);
