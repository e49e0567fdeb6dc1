/**
 * Runs `decap-server`, Decap's local backend proxy, in a child process, bound to
 * loopback, on a chosen folder, on a free port unless told one (so tests run
 * beside a developer's `npm run dev`): file-system mode (writes straight to
 * disk, no git, no editorial workflow) or git mode (commits on the folder's git
 * repository; the editorial workflow keeps each entry on a `cms/<collection>/<slug>`
 * branch and merges it into the site's branch when published).
 * The admin page looks for it on its own origin at `/api/v1/`
 * (`select-cms-backend.ts`): serve the built site with
 * `serveStatic(dist, { cmsBackendUrl: decap.apiUrl })`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { assertPortFree } from '../../scripts/lib/assert-port-free.ts';
import { freePort } from './free-port.ts';
import { PROJECT_ROOT } from './paths.ts';

export interface DecapServer {
  /** `http://127.0.0.1:PORT/api/v1` */
  readonly apiUrl: string;
  /** Everything the server printed, for failure messages. */
  log(): string;
  /** Stop the server (SIGTERM, then SIGKILL) and wait for it to exit. */
  stop(): Promise<void>;
}

export interface DecapServerOptions {
  /** Folder that stands for the repository: entry paths such as `content/startups/x.md` resolve under it. */
  readonly repoDir: string;
  /** `fs` (default): files written as they are saved; `git`: `repoDir` must be a git repository. */
  readonly mode?: 'fs' | 'git';
  /** TCP port on 127.0.0.1 (default: a free one). */
  readonly port?: number;
  /** How long to wait for the first `info` answer (default 20 s). */
  readonly startTimeoutMs?: number;
}

const DECAP_SERVER_BIN = join(PROJECT_ROOT, 'node_modules', 'decap-server', 'dist', 'index.js');
const HOST = '127.0.0.1';

async function answersInfo(apiUrl: string, mode: 'fs' | 'git'): Promise<boolean> {
  try {
    const response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
      signal: AbortSignal.timeout(1_000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { type?: string };
    return body.type === `local_${mode}`;
  } catch {
    return false;
  }
}

/** Start `decap-server` on `repoDir` and wait until it answers `{ action: 'info' }`. */
export async function startDecapServer(options: DecapServerOptions): Promise<DecapServer> {
  const port = options.port ?? (await freePort());
  await assertPortFree(port, HOST, 'The test asked decap-server for this port: choose another one.');
  const mode = options.mode ?? 'fs';
  const apiUrl = `http://${HOST}:${port}/api/v1`;
  const child: ChildProcess = spawn(process.execPath, [DECAP_SERVER_BIN], {
    // decap-server loads a `.env` from its working directory: run it in the test folder.
    cwd: options.repoDir,
    env: {
      ...process.env,
      BIND_HOST: HOST,
      PORT: String(port),
      MODE: mode,
      GIT_REPO_DIRECTORY: options.repoDir,
      LOG_LEVEL: 'info',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async (): Promise<void> => {
    if (hasExited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  while (!(await answersInfo(apiUrl, mode))) {
    if (hasExited) throw new Error(`decap-server exited before answering on ${apiUrl}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`decap-server did not answer on ${apiUrl} in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { apiUrl, log: () => output, stop };
}
