/**
 * The connection string of the local database of a running `npm run dev`,
 * shared through a file. The embedded database (`local-database.ts`, PGlite)
 * can be opened by one process only: while `npm run dev` holds it, other
 * commands (`npm run submissions`) connect to the server it started, whose
 * address this file gives together with the id of the process that wrote it.
 * A file left by a process that has ended is ignored.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The file, relative to the project root (`.netlify/` is git-ignored). */
export const DEV_DATABASE_URL_FILE = join('.netlify', 'db-url');

/** What the file holds (JSON). */
interface DevDatabaseUrl {
  readonly url: string;
  readonly pid: number;
}

/** True when a process of this id is running (`kill -0`; EPERM: running, as another user). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Record the connection string of the database this process serves (readable
 * by the user only: it may carry a password).
 * @param projectRoot absolute path of the project
 * @param url `postgres://…`
 * @param pid the serving process (default: this one)
 */
export async function writeDevDatabaseUrl(projectRoot: string, url: string, pid: number = process.pid): Promise<void> {
  const content: DevDatabaseUrl = { url, pid };
  const path = join(projectRoot, DEV_DATABASE_URL_FILE);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(content)}\n`, { encoding: 'utf8', mode: 0o600 });
}

/**
 * Remove the file, if this process (or `pid`) wrote it; another one's is left alone.
 * @param projectRoot absolute path of the project
 */
export async function removeDevDatabaseUrl(projectRoot: string, pid: number = process.pid): Promise<void> {
  const path = join(projectRoot, DEV_DATABASE_URL_FILE);
  if ((await readRecord(path))?.pid === pid) await rm(path, { force: true });
}

async function readRecord(path: string): Promise<DevDatabaseUrl | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<DevDatabaseUrl>;
    return typeof value.url === 'string' && Number.isSafeInteger(value.pid) && (value.pid ?? 0) > 0 ? { url: value.url, pid: value.pid! } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The connection string of the running `npm run dev`'s database.
 * @param projectRoot absolute path of the project
 * @returns undefined when there is no file, an unreadable one, or one whose process has ended
 */
export async function readDevDatabaseUrl(projectRoot: string): Promise<string | undefined> {
  const record = await readRecord(join(projectRoot, DEV_DATABASE_URL_FILE));
  return record && isProcessAlive(record.pid) ? record.url : undefined;
}
