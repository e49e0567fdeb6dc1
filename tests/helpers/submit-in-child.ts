/**
 * Run as a child process by the fault tests (`node tests/helpers/submit-in-child.ts`):
 * posts one order request to the real function in this process, with the
 * environment inherited from the test (Blobs context, `SMTP_URL`), so that the
 * test can kill the process at a chosen moment. The URL-encoded body is read
 * from `SUBMISSION_BODY`. Prints the answer's status when it gets one.
 * The function's `.tsx` imports load through Vite (`ssr-loader.ts`).
 */
import { startSsrLoader } from './ssr-loader.ts';

const vite = await startSsrLoader();
const handler = ((await vite.ssrLoadModule('/netlify/functions/demande-bon-de-commande.mts')) as typeof import('../../netlify/functions/demande-bon-de-commande.mts')).default;
const { functionContext } = (await vite.ssrLoadModule('/tests/helpers/function-context.ts')) as typeof import('./function-context.ts');
const { sameOriginRequest } = (await vite.ssrLoadModule('/tests/helpers/same-origin-request.ts')) as typeof import('./same-origin-request.ts');
const request = sameOriginRequest('http://127.0.0.1:9/api/demande-bon-de-commande/', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body: process.env['SUBMISSION_BODY'] ?? '',
});
const response = await handler(request, functionContext());
console.log(response.status);
await vite.close();
