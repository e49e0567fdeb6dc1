/** GET /formulaires/merci/?formulaire=…&reference=PBC-… — the thank-you page, showing the reference. */
import { createElement } from 'react';
import type { Config } from '@netlify/functions';
import { isFormName } from '../../src/lib/forms/definitions/form-names.ts';
import { REFERENCE_PATTERN } from '../../src/lib/forms/reference-number.ts';
import { MessageContent, ThankYouContent } from '../../src/lib/forms/render-form-response.tsx';
import { htmlResponse } from '../lib/respond.ts';

export default (request: Request) => {
  const parameters = new URL(request.url).searchParams;
  const form = parameters.get('formulaire');
  const reference = parameters.get('reference') ?? '';
  if (!isFormName(form) || !REFERENCE_PATTERN.test(reference)) {
    return htmlResponse(request, 404, 'Page introuvable', createElement(MessageContent, { title: 'Page introuvable', message: 'Ce lien de confirmation est incomplet.' }));
  }
  return htmlResponse(request, 200, 'Merci', createElement(ThankYouContent, { form, reference }));
};

// A literal: Netlify reads `config` statically when it bundles the function.
export const config: Config = { path: ['/formulaires/merci/', '/formulaires/merci'] };
