/**
 * Putting an answer into the site's layout: what a visitor typed is copied as
 * text, even when it looks like a `String.prototype.replace` pattern (found by
 * the fuzz test: a field named `` $` `` copied the layout's header into the page).
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmContent, ErrorsContent, renderInTemplate } from '../../../src/lib/forms/render-form-response.tsx';
import { RESPONSE_SLOT, RESPONSE_TEMPLATE_TITLE } from '../../../src/lib/forms/definitions/index.ts';

const TEMPLATE = `<html lang="fr"><head><title>${RESPONSE_TEMPLATE_TITLE}</title></head><body><nav>Menu</nav><main>${RESPONSE_SLOT}</main><footer>Pied</footer></body></html>`;

describe('renderInTemplate', () => {
  it.each(['$`', "$'", '$&', '$$', '$1'])('keeps %s typed in a field name as text', (typed) => {
    const page = renderInTemplate(TEMPLATE, 'Erreurs', createElement(ErrorsContent, { form: 'candidature', errors: [{ field: 'formulaire', message: `Formulaire : champ inattendu (${typed}).` }] }));
    expect(page.match(/<nav>/g)).toHaveLength(1);
    expect(page.match(/<footer>/g)).toHaveLength(1);
    // React escapes `&` and `'`; nothing else changes.
    expect(page).toContain(`champ inattendu (${typed.replace('&', '&amp;').replace("'", '&#x27;')}).`);
  });

  it('keeps replacement patterns in the values echoed by the confirmation page', () => {
    const page = renderInTemplate(TEMPLATE, 'Confirmation', createElement(ConfirmContent, { form: 'candidature', fields: { commune: "$` $' $&" }, token: 'jeton', prompt: { step: 'first', waitSeconds: 3 } }));
    expect(page).toContain(`<input type="hidden" name="commune" value="$\` $&#x27; $&amp;"/>`);
    expect(page.match(/<nav>/g)).toHaveLength(1);
    expect(page.endsWith('<footer>Pied</footer></body></html>')).toBe(true);
  });
});

describe('ConfirmContent', () => {
  const NBSP = '\u00a0';

  it.each([
    [{ step: 'first', waitSeconds: 3 } as const, 'Vos réponses sont prêtes et ne sont pas encore envoyées. Dernière étape', 'attendez 3 secondes, puis confirmez-le'],
    // « not sent yet » once, not in the lead sentence and again in the step's.
    [{ step: 'too-soon', waitSeconds: 2 } as const, 'Vos réponses sont prêtes. Pas encore envoyé', 'attendez encore 2 secondes, puis confirmez-le'],
  ])('without JavaScript, the page says what to do and how long to wait (%o)', (prompt, opening, wait) => {
    const html = renderInTemplate(TEMPLATE, 'Confirmation', createElement(ConfirmContent, { form: 'candidature', fields: { nom: 'Jeanne' }, token: 'jeton', prompt }));
    const paragraph = /<p>([^<]*)<\/p>/.exec(html)?.[1];
    expect(paragraph).toBe(
      `${opening}${NBSP}: pour vérifier que l’envoi vient bien d’une personne, ${wait} avec le bouton «${NBSP}Confirmer l’envoi${NBSP}».`,
    );
    expect(html).toContain('<input type="hidden" name="jeton" value="jeton"/>');
  });
});
