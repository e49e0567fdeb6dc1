/**
 * `npm run dev` when its port (the `PORT` setting) is taken or not a port: it
 * stops at once with a sentence saying what to do, before starting the database
 * or any server (it used to print every address, then die on EADDRINUSE). The
 * port is one this test takes itself, so the test runs beside a developer's own
 * `npm run dev`.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.ts';

let blocker: Server;
let takenPort: number;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  takenPort = (blocker.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
});

/** Run `scripts/dev.ts` with `PORT=port`; resolves with its exit code and everything it printed. */
async function runDev(port: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'dev.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output: output.trim() };
}

describe('npm run dev with its port taken or wrong', () => {
  it('exits with code 1 and says which port and what to do, without starting anything', async () => {
    expect(await runDev(String(takenPort))).toEqual({
      code: 1,
      output: `[dev] Port 127.0.0.1:${takenPort} is not free (EADDRINUSE). The site (and its CMS) needs it: stop what uses it, or choose another port, e.g. \`PORT=4322 npm run dev\`.`,
    });
  });

  it('refuses a PORT that is not a port number, naming the variable', async () => {
    expect(await runDev('43a21')).toEqual({ code: 1, output: '[dev] PORT must be a port number from 1 to 65535, not "43a21".' });
  });
});
