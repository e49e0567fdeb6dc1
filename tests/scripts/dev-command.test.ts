/**
 * `npm run dev` when the CMS local backend's port (127.0.0.1:8081, fixed by the
 * admin page) is taken: it stops at once with a sentence saying what to do,
 * before starting the database or any server (it used to print every address,
 * then die on EADDRINUSE).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.ts';

let blocker: Server | undefined;

beforeAll(async () => {
  // Taken by this test, or already by something else on the machine: either way, taken.
  blocker = await new Promise<Server | undefined>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(8081, '127.0.0.1', () => resolve(server));
  });
});

afterAll(async () => {
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
});

describe('npm run dev with port 8081 taken', () => {
  it('exits with code 1 and says which port and what to do, without starting anything', async () => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'dev.ts')], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      '[dev] Port 127.0.0.1:8081 is not free (EADDRINUSE). The CMS local backend (decap-server) needs it: stop the other `npm run dev` or `decap-server` first (a second site on another PORT cannot run beside it).',
    );
  });
});
