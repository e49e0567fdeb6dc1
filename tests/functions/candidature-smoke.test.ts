import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import handler from '../../netlify/functions/candidature.mts';
import { functionContext } from '../helpers/function-context.ts';
import { expectedReference, formRequest, SITE, startFormServices, TEST_SENDER, validApplicationFields, withToken, type FormServices } from '../helpers/form-fixtures.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

describe('candidature', () => {
  it('stores then mails a valid application, and a resubmission gives the same reference', async () => {
    const fields = await withToken('candidature', validApplicationFields());
    const response = await handler(formRequest('candidature', fields), functionContext());
    expect(response.status).toBe(303);
    const reference = expectedReference(1);
    expect(response.headers.get('location')).toBe(`/formulaires/merci/?formulaire=candidature&reference=${reference}`);
    const messages = await services.smtp.waitForMessages(2);
    expect(messages.map((message) => message.subject).sort()).toEqual([
      `Votre candidature au DAS numérique est bien reçue (${reference})`,
      `[${reference}] Nouvelle candidature au DAS numérique\u00a0: Société Verte`,
    ]);
    for (const message of messages) expect(message.from?.value).toEqual([{ name: TEST_SENDER.name, address: TEST_SENDER.address }]);
    const team = messages.find((message) => message.subject?.startsWith('['))!;
    expect(team.to && 'value' in team.to ? team.to.value[0]?.address : undefined).toBe(SITE.teamAddress);
    expect(team.replyTo?.value).toEqual([{ name: 'Jeanne Dupont', address: 'contact@société-verte.fr' }]);

    const again = await handler(formRequest('candidature', fields), functionContext());
    expect(again.headers.get('location')).toBe(`/formulaires/merci/?formulaire=candidature&reference=${reference}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(services.smtp.messages).toHaveLength(2);
  });
});
