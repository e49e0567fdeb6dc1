/**
 * Child-process script of the deploy check (`tests/build/function-bundles.test.ts`):
 * calls one Netlify Function from its unzipped bundle, as the platform would,
 * in a fresh process whose working directory is the bundle (Lambda's `/var/task`),
 * and records which files it read there.
 *
 * Usage: node call-bundled-function.ts <function module> <call.json> <result.json>
 * - `<function module>`: path of the function inside the bundle (from `___netlify-entry-point.mjs`);
 * - `<call.json>`: a `BundledCall` (the request, the deploy context and site URL of `context`);
 * - `<result.json>`: written with a `BundledAnswer`.
 * It imports nothing from the project: only the bundle's code runs.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

/** The request to make and the `context` to give. */
export interface BundledCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly deployContext: string;
  readonly siteUrl: string;
}

/** What the function answered, and the files of the bundle it opened (paths relative to the bundle, sorted). */
export interface BundledAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly reads: string[];
}

/** The bundle's files read so far. */
const reads = new Set<string>();

function record(path: unknown): void {
  const text = path instanceof URL ? fileURLToPath(path) : typeof path === 'string' ? path : Buffer.isBuffer(path) ? path.toString() : undefined;
  if (text === undefined) return;
  const inBundle = relative(process.cwd(), resolve(text));
  if (!inBundle.startsWith('..') && !isAbsolute(inBundle)) reads.add(inBundle);
}

/** Wrap `target[name]` so that its first argument (a path) is recorded. */
function watch(target: object, name: string): void {
  const original = (target as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    record(args[0]);
    return (original as (...rest: unknown[]) => unknown).apply(this, args);
  };
}

for (const name of ['readFileSync', 'readFile', 'readdirSync', 'readdir', 'openSync', 'open', 'opendirSync', 'opendir', 'createReadStream']) watch(fs, name);
for (const name of ['readFile', 'readdir', 'open', 'opendir']) watch(fs.promises, name);
// ES modules importing `node:fs` or `node:fs/promises` see the wrapped functions too.
syncBuiltinESMExports();

const [modulePath, callPath, resultPath] = process.argv.slice(2);
if (!modulePath || !callPath || !resultPath) throw new Error('usage: call-bundled-function.ts <function module> <call.json> <result.json>');
const call = JSON.parse(fs.readFileSync(callPath, 'utf8')) as BundledCall;
reads.clear();

const background: Promise<unknown>[] = [];
const context = {
  deploy: { context: call.deployContext, id: 'deploy-check', published: true },
  site: { url: call.siteUrl },
  ip: '192.0.2.10',
  waitUntil: (promise: Promise<unknown>) => background.push(promise),
};
const { default: handler } = (await import(pathToFileURL(resolve(modulePath)).href)) as { default: (request: Request, context: unknown) => Promise<Response> | Response };
const request = new Request(call.url, { method: call.method, headers: call.headers, ...(call.body === undefined ? {} : { body: call.body }) });
const response = await handler(request, context);
const body = await response.text();
// The platform keeps the instance alive for `waitUntil` (e-mails sent after the answer).
await Promise.allSettled(background);
const answer: BundledAnswer = { status: response.status, headers: Object.fromEntries(response.headers), body, reads: [...reads].sort() };
fs.writeFileSync(resultPath, JSON.stringify(answer));
// Open database pools would keep the process alive, as they keep a Lambda instance warm.
process.exit(0);
