/**
 * GET /api/jeton?formulaire=<form name> (`FORM_NAMES`) — a signed token for a form being
 * displayed (fill time and resubmission identity), fetched by the form's script.
 */
import type { Config, Context } from '@netlify/functions';
import { CROSS_SITE_MESSAGE } from '../../src/lib/forms/request/check-request-origin.ts';
import { isFormName } from '../../src/lib/forms/definitions/form-names.ts';
import { issueFormToken } from '../../src/lib/forms/form-token.ts';
import { loadFormRuntime } from '../lib/form-runtime.ts';
import { guardOrigin } from '../lib/guard-origin.ts';
import { jsonResponse } from '../lib/respond.ts';

export default async (request: Request, context: Context) => {
  if (request.method !== 'GET' && request.method !== 'OPTIONS') return jsonResponse(405, { message: 'Méthode non acceptée.' }, { allow: 'GET, OPTIONS' });
  const form = new URL(request.url).searchParams.get('formulaire');
  try {
    const guarded = await guardOrigin(request, context, ['GET'], () => jsonResponse(403, { message: CROSS_SITE_MESSAGE }));
    if (guarded) return guarded;
    if (!isFormName(form)) return jsonResponse(400, { message: 'Formulaire inconnu.' });
    const { config: formsConfig } = await loadFormRuntime(context);
    const token = await issueFormToken(formsConfig.signingSecret, form, Date.now());
    return jsonResponse(200, { token, turnstileSiteKey: formsConfig.turnstile?.siteKey ?? null });
  } catch (error) {
    console.error(JSON.stringify({ event: 'form-token-error', error: error instanceof Error ? error.message : 'unknown' }));
    return jsonResponse(503, { message: 'Service momentanément indisponible.' });
  }
};

export const config: Config = { path: ['/api/jeton/', '/api/jeton'] };
