/**
 * Run as a child process by the fault and concurrency tests (start it with
 * `spawnSubmitter` of `child-submitter.ts`): posts form bodies to the real
 * function in this process, with the environment inherited from the test
 * (`NETLIFY_DB_URL`, `SMTP_URL`, limits), so that the test can run several
 * processes at once, or kill one at a chosen moment.
 *
 * Protocol:
 * - `SUBMISSION_FORM`: the form posted to; `SUBMISSION_BODIES`: a JSON array of
 *   URL-encoded bodies;
 * - prints `ready` once the function is loaded, then waits for one line on its
 *   standard input (the test's « go »), so that the posts of every process start together;
 * - posts every body at once (client addresses `192.0.2.1`, `192.0.2.2`, …),
 *   prints one line per answer as it arrives (`answer {"status":200,"body":{…},"ms":12.3}`:
 *   the prefix tells it from the function's own JSON log lines),
 *   `ms` the time from the « go » to the answer),
 *   waits for the work each function gave to `context.waitUntil` (the
 *   e-mails), prints `settled` and exits.
 *
 * The function's `.tsx` imports load through Vite (`ssr-loader.ts`).
 */
import { once } from 'node:events';
import { ANSWER_PREFIX } from './child-submitter.ts';
import { startSsrLoader } from './ssr-loader.ts';

const form = process.env['SUBMISSION_FORM'] ?? 'demande-bon-de-commande';
const bodies = JSON.parse(process.env['SUBMISSION_BODIES'] ?? '[]') as string[];

const vite = await startSsrLoader();
const handler = ((await vite.ssrLoadModule(`/netlify/functions/${form}.mts`)) as typeof import('../../netlify/functions/demande-bon-de-commande.mts')).default;
const { functionContext, settleBackgroundWork } = (await vite.ssrLoadModule('/tests/helpers/function-context.ts')) as typeof import('./function-context.ts');
const { sameOriginRequest } = (await vite.ssrLoadModule('/tests/helpers/same-origin-request.ts')) as typeof import('./same-origin-request.ts');

console.log('ready');
await once(process.stdin, 'data');
process.stdin.pause();
const started = performance.now();

await Promise.all(
  bodies.map(async (body, index) => {
    const request = sameOriginRequest(`http://127.0.0.1:9/api/${form}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    const response = await handler(request, functionContext({ ip: `192.0.2.${index + 1}` }));
    const answer = (await response.json()) as unknown;
    console.log(ANSWER_PREFIX + JSON.stringify({ status: response.status, body: answer, ms: performance.now() - started }));
  }),
);
await settleBackgroundWork();
console.log('settled');
await vite.close();
