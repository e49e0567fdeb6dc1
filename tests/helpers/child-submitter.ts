/**
 * Child processes posting forms to the real function (`submit-in-child.ts`):
 * each is a separate Node process with its own database pool and mail
 * sessions, as separate function instances are on Netlify.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { FormName } from '../../src/lib/forms/definitions/form-names.ts';
import { PROJECT_ROOT } from './paths.ts';

/** How the child marks a line holding one answer (`answer {json}`). */
export const ANSWER_PREFIX = 'answer ';

/** One answer of the function, as the child printed it. */
export interface ChildAnswer {
  readonly status: number;
  readonly body: { readonly status: string; readonly reference?: string };
  /** Time from the « go » to the answer, ms. */
  readonly ms: number;
}

/** A running child. */
export interface ChildSubmitter {
  readonly process: ChildProcessByStdio<Writable, Readable, null>;
  /** Resolves once the function is loaded and the child waits for `go()`. */
  readonly ready: Promise<void>;
  /** Let the child post all its bodies at once. */
  go(): void;
  /** Answers received so far, in the order they arrived. */
  readonly answers: ChildAnswer[];
  /** Resolves when the child has posted everything and its e-mails are sent (or given up). */
  readonly settled: Promise<void>;
  /** Resolves with the signal that ended the child (`null` after a normal exit). */
  readonly exited: Promise<NodeJS.Signals | null>;
}

/**
 * Start a child that will post `bodies` (URL-encoded) to `form`.
 * @param env variables on top of this process's (which the child inherits: `NETLIFY_DB_URL`, `SMTP_URL`…)
 */
export function spawnSubmitter(form: FormName, bodies: readonly string[], env: Record<string, string> = {}): ChildSubmitter {
  const child = spawn(process.execPath, ['tests/helpers/submit-in-child.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, SUBMISSION_FORM: form, SUBMISSION_BODIES: JSON.stringify(bodies) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers: ChildAnswer[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let markReady: () => void = () => undefined;
  let markSettled: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    void exited.then(() => reject(new Error('the child exited before it was ready')));
  });
  const settled = new Promise<void>((resolve, reject) => {
    markSettled = resolve;
    void exited.then(() => reject(new Error('the child exited before its e-mails were settled')));
  });
  // Unhandled if the test never awaits them (a child killed on purpose).
  ready.catch(() => undefined);
  settled.catch(() => undefined);
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') markReady();
      else if (line === 'settled') markSettled();
      // The function's own log lines (JSON too) share this stdout: only `answer` lines are answers.
      else if (line.startsWith(ANSWER_PREFIX)) answers.push(JSON.parse(line.slice(ANSWER_PREFIX.length)) as ChildAnswer);
    }
  });
  return { process: child, ready, go: () => child.stdin.end('go\n'), answers, settled, exited };
}
