/**
 * The POST handler shared by both form functions: read the request, process
 * the submission, answer in JSON (enhanced form) or HTML (JavaScript off).
 * Never a 500 or a stack trace for the visitor.
 */
import { createElement } from 'react';
import type { Context } from '@netlify/functions';
import type { FormName } from '../../src/lib/forms/definitions/form-names.ts';
import { FORM_DEFINITIONS, THANK_YOU_PATH } from '../../src/lib/forms/definitions/index.ts';
import { CROSS_SITE_MESSAGE } from '../../src/lib/forms/request/check-request-origin.ts';
import { describeConfirmStep } from '../../src/lib/forms/describe-confirm-step.ts';
import { processSubmission, type SubmissionOutcome } from '../../src/lib/forms/process-submission.ts';
import { readFormRequest, type SubmittedFields } from '../../src/lib/forms/request/read-form-request.ts';
import { refillFormPage } from '../../src/lib/forms/refill-form-page.ts';
import { ConfirmContent, ErrorsContent, MessageContent } from '../../src/lib/forms/render-form-response.tsx';
import { composePageTitle, describeFormErrorState } from '../../src/lib/site/page-title.ts';
import { loadFormRuntime, submissionDependencies } from './form-runtime.ts';
import { guardOrigin } from './guard-origin.ts';
import { fetchSitePage, htmlResponse, jsonResponse, pageResponse } from './respond.ts';

const UNAVAILABLE = 'Le service est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.';
const REFUSED = 'Envoi refusé : le formulaire semble avoir été rempli automatiquement. Si vous pensez qu’il s’agit d’une erreur, écrivez à l’équipe du programme.';
const TOO_MANY = 'Trop d’envois depuis votre connexion en peu de temps. Réessayez dans quelques minutes.';

function thankYouUrl(form: FormName, reference: string): string {
  return `${THANK_YOU_PATH}?${new URLSearchParams({ formulaire: form, reference })}`;
}

function respondJson(form: FormName, outcome: SubmissionOutcome): Response {
  switch (outcome.kind) {
    case 'accepted':
      return jsonResponse(200, { status: 'accepted', reference: outcome.reference, redirect: thankYouUrl(form, outcome.reference) });
    case 'invalid':
      return jsonResponse(422, { status: 'invalid', errors: outcome.errors, token: outcome.token });
    case 'confirm':
      return jsonResponse(202, { status: 'confirm', token: outcome.token, message: describeConfirmStep(outcome) });
    case 'spam':
      return jsonResponse(400, { status: 'refused', message: REFUSED });
    case 'rate-limited':
      return jsonResponse(429, { status: 'refused', message: TOO_MANY }, { 'retry-after': '600' });
    case 'unavailable':
      return jsonResponse(503, { status: 'unavailable', message: UNAVAILABLE }, { 'retry-after': '60' });
  }
}

/**
 * Errors without JavaScript: the form's own page again, with everything typed
 * and the errors (`refillFormPage`); the plain list of errors when that page
 * cannot be fetched.
 */
async function respondInvalid(request: Request, form: FormName, fields: SubmittedFields, outcome: Extract<SubmissionOutcome, { kind: 'invalid' }>): Promise<Response> {
  const page = await fetchSitePage(request, FORM_DEFINITIONS[form].path);
  const refilled = page === undefined ? undefined : refillFormPage(page, { form, fields, errors: outcome.errors, token: outcome.token });
  if (refilled !== undefined) return pageResponse(422, refilled);
  return htmlResponse(request, 422, composePageTitle([describeFormErrorState(outcome.errors.length)], FORM_DEFINITIONS[form].title), createElement(ErrorsContent, { form, errors: outcome.errors }));
}

function respondHtml(request: Request, form: FormName, fields: SubmittedFields, outcome: SubmissionOutcome): Promise<Response> | Response {
  const title = FORM_DEFINITIONS[form].title;
  switch (outcome.kind) {
    case 'accepted':
      return new Response(null, { status: 303, headers: { location: thankYouUrl(form, outcome.reference), 'cache-control': 'no-store' } });
    case 'invalid':
      return respondInvalid(request, form, fields, outcome);
    case 'confirm':
      return htmlResponse(request, 200, `${title} : confirmation`, createElement(ConfirmContent, { form, fields, token: outcome.token, prompt: outcome }));
    case 'spam':
      return htmlResponse(request, 400, 'Envoi refusé', createElement(MessageContent, { title: 'Envoi refusé', message: REFUSED, form }));
    case 'rate-limited':
      return htmlResponse(request, 429, 'Trop d’envois', createElement(MessageContent, { title: 'Trop d’envois', message: TOO_MANY, form }), { 'retry-after': '600' });
    case 'unavailable':
      return htmlResponse(request, 503, 'Service indisponible', createElement(MessageContent, { title: 'Service indisponible', message: UNAVAILABLE, form }), { 'retry-after': '60' });
  }
}

/** Configuration or content errors: the message names the problem for the team, never for the visitor. */
function logRuntimeError(form: FormName, context: Context, error: unknown): void {
  console.error(JSON.stringify({ event: 'form-runtime-error', form, deployContext: context.deploy.context, error: error instanceof Error ? error.message : 'unknown' }));
}

/**
 * Run the sending after the answer: Netlify keeps the function alive for a
 * promise given to `context.waitUntil`. Where the platform has none (an older
 * emulation), the answer waits for the sending: slower, never lost.
 */
async function runAfterAnswer(context: Context, task: () => Promise<void>): Promise<void> {
  if (typeof context.waitUntil === 'function') context.waitUntil(task());
  else await task();
}

/**
 * Handle a POST to a form endpoint (and `OPTIONS`: 204 with `Allow`, see `guardOrigin`).
 * @returns 303 (accepted, no JS), 200 (accepted JSON or confirmation page), 202
 * (JSON confirmation), 403 for a request from another site (nothing read or
 * stored), other 4xx with French messages, 503 when the database fails or
 * does not answer in time (within 5 s, nothing stored)
 */
export async function handleFormPost(form: FormName, request: Request, context: Context): Promise<Response> {
  const receivedAt = new Date();
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const refuseCrossSite = () =>
    wantsJson || (request.headers.get('content-type') ?? '').includes('application/json')
      ? jsonResponse(403, { status: 'refused', message: CROSS_SITE_MESSAGE })
      : htmlResponse(request, 403, 'Envoi refusé', createElement(MessageContent, { title: 'Envoi refusé', message: CROSS_SITE_MESSAGE, form }));
  let guarded: Response | undefined;
  try {
    guarded = await guardOrigin(request, context, ['POST'], refuseCrossSite);
  } catch (error) {
    logRuntimeError(form, context, error);
    return wantsJson ? respondJson(form, { kind: 'unavailable' }) : respondHtml(request, form, {}, { kind: 'unavailable' });
  }
  if (guarded) return guarded;
  const read = await readFormRequest(request);
  if (!read.ok) {
    if (wantsJson || read.status === 415) return jsonResponse(read.status, { status: 'refused', message: read.message }, read.headers);
    return htmlResponse(request, read.status, 'Envoi impossible', createElement(MessageContent, { title: 'Envoi impossible', message: read.message, form }), read.headers);
  }
  let outcome: SubmissionOutcome;
  try {
    const runtime = await loadFormRuntime(context);
    outcome = await processSubmission(runtime.forms[form] as Parameters<typeof processSubmission>[0], read.fields, submissionDependencies(runtime, context, receivedAt));
    if (outcome.kind === 'accepted' && outcome.deliver) await runAfterAnswer(context, outcome.deliver);
  } catch (error) {
    logRuntimeError(form, context, error);
    outcome = { kind: 'unavailable' };
  }
  return read.format === 'json' || wantsJson ? respondJson(form, outcome) : respondHtml(request, form, read.fields, outcome);
}
