import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import handler from '../../netlify/functions/candidature.mts';
import { issueFormToken } from '../../src/lib/forms/form-token.ts';
import { startLocalBlobs, type LocalBlobs } from '../helpers/blobs-server.ts';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture.ts';
import { functionContext } from '../helpers/function-context.ts';

let blobs: LocalBlobs;
let smtp: SmtpCapture;

beforeAll(async () => {
  blobs = await startLocalBlobs();
  smtp = await startSmtpCapture();
  process.env['SMTP_URL'] = smtp.url;
});
afterAll(async () => {
  delete process.env['SMTP_URL'];
  await smtp.stop();
  await blobs.stop();
});

describe('candidature', () => {
  it('stores then mails a valid application, and a resubmission gives the same reference', async () => {
    const token = await issueFormToken('local-development-only-signing-secret', 'candidature', Date.now() - 10_000);
    const body = new URLSearchParams({
      company_name: 'Société Verte', siret: '732 829 320 00074', postcode: '68100', commune: 'Mulhouse', sectors: 'Industrie du futur',
      presentation: 'Nous concevons des capteurs pour les ateliers de la région mulhousienne, depuis 2024.',
      offer_title: 'Prototype de capteur', offer_kind: 'prototype', offer_price_ht: '12 000,50', team_size: '4',
      contact_name: 'Jeanne Dupont', email: 'contact@société-verte.fr', phone: '03 89 12 34 56', consent: 'on', jeton: token,
    });
    const request = () => new Request('http://127.0.0.1:9/api/candidature/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const started = performance.now();
    const response = await handler(request(), functionContext());
    const elapsed = performance.now() - started;
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/formulaires/merci/?formulaire=candidature&reference=PBC-2026-00001');
    const messages = await smtp.waitForMessages(2);
    expect(messages.map((message) => message.subject).sort()).toEqual([
      'Votre candidature au DAS numérique est bien reçue (PBC-2026-00001)',
      '[PBC-2026-00001] Nouvelle candidature au DAS numérique\u00a0: Société Verte',
    ]);
    const again = await handler(request(), functionContext());
    expect(again.headers.get('location')).toBe('/formulaires/merci/?formulaire=candidature&reference=PBC-2026-00001');
    expect(smtp.messages).toHaveLength(2);
    process.stdout.write(`ELAPSED ${Math.round(elapsed)} ms\n`);
  });
});
