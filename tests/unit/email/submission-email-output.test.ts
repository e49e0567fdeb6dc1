/**
 * The e-mails of fixed submissions, byte for byte, against the output recorded
 * in `tests/unit/email/rendered-with-react/` when the HTML body was rendered
 * with React's `renderToStaticMarkup` (React 19.3.1). The body is now written
 * by `renderSubmissionEmailHtml`, without React (issue 10: React's development
 * build, which a Netlify function runs, cost more than the rest of the
 * composition); recipients must get exactly what they got before.
 * Every value a person can type goes through the HTML with the characters that
 * need escaping: & < > " ' and a backtick, line breaks, accents.
 */
import { describe, expect, it } from 'vitest';
import { composeSubmissionEmail, type EmailContext } from '../../../src/lib/email/compose-submission-email.ts';
import type { HeldMessage } from '../../../src/lib/forms/store/outbox.ts';
import type { MessageKind, StoredSubmission } from '../../../src/lib/forms/store/stored-submission.ts';
import { STORED_APPLICATION_DATA } from '../../helpers/form-fixtures.ts';

const CONTEXT: EmailContext = {
  from: { name: 'Premiers bons de commande', address: 'ne-pas-repondre@premiers-bons-de-commande.fr' },
  teamAddress: 'contact@premiers-bons-de-commande.fr',
  siteName: 'Premiers bons de commande',
  siteUrl: 'https://premiers-bons-de-commande.netlify.app/?a=1&b="2"',
};

const HOSTILE = `<script>alert("x")</script> & 'quotes' \`tick\` > fin`;

const ORDER: StoredSubmission = {
  reference: 'PBC-2026-00042',
  form: 'demande-bon-de-commande',
  receivedAt: '2026-05-12T21:30:00.000Z',
  data: {
    organisation: `Communauté d’agglomération « Mulhouse Alsace » ${HOSTILE}`,
    buyer_kind: 'public',
    siret: '73282932000074',
    contact_name: 'Élise O\'Müller',
    role: 'Responsable des achats <b>',
    email: 'Achats+IT@exemple.fr',
    phone: '+33389123456',
    startup: 'demo-capteurs-rhin',
    kind: 'prototype',
    need: `Deux lignes :\n<b>capteurs</b> & « pompes » de l’usine.\n${HOSTILE}`,
    budget_ht: 14_500.5,
    wished_date: '2027-03-15',
    consent: true,
  },
};

const APPLICATION: StoredSubmission = {
  reference: 'PBC-2026-00043',
  form: 'candidature',
  receivedAt: '2026-05-12T08:31:00.000Z',
  data: {
    ...STORED_APPLICATION_DATA,
    company_name: `L’Atelier « Vert » & Cie ${HOSTILE}`,
    presentation: `Des capteurs pour les ateliers.\n${HOSTILE}`,
    offer_title: 'Prototype "clé en main"',
  },
};

const COMMITMENT: StoredSubmission = {
  reference: 'PBC-2026-00044',
  form: 'engagement-acheteur',
  receivedAt: '2026-05-12T08:32:00.000Z',
  data: {
    organisation: `Fonderie « Rhin & Doller » ${HOSTILE}`,
    buyer_kind: 'pme-eti',
    siret: '73282932000074',
    contact_name: 'Marc Weber',
    role: 'Directeur des achats',
    email: 'achats@fonderie-rhin.example',
    phone: '+33389123456',
    consent: true,
  },
};

const HELD: readonly HeldMessage[] = [
  { kind: 'startup', reason: 'recipient-cap' },
  { kind: 'confirmation', reason: 'hourly-cap' },
];

describe('the e-mails of fixed submissions are those rendered with React', () => {
  it.each<[string, StoredSubmission, MessageKind, string | undefined, readonly HeldMessage[]]>([
    ['order-team', ORDER, 'team', 'Démo Capteurs Rhin', []],
    ['order-team-held', ORDER, 'team', 'Démo Capteurs Rhin', HELD],
    ['order-team-no-startup', ORDER, 'team', undefined, []],
    ['order-startup', ORDER, 'startup', 'Démo Capteurs Rhin', []],
    ['order-confirmation', ORDER, 'confirmation', 'Démo Capteurs Rhin', []],
    ['application-team', APPLICATION, 'team', undefined, []],
    ['application-confirmation', APPLICATION, 'confirmation', undefined, []],
    ['commitment-team', COMMITMENT, 'team', undefined, [{ kind: 'confirmation', reason: 'deploy-preview' }]],
    ['commitment-confirmation', COMMITMENT, 'confirmation', undefined, []],
  ])('%s', async (name, record, kind, startupName, held) => {
    const message = composeSubmissionEmail(record, kind, 'destinataire@exemple.fr', CONTEXT, startupName, held);
    await expect(String(message.html)).toMatchFileSnapshot(`./rendered-with-react/${name}.html`);
    await expect(`${message.subject}\n\n${message.text}`).toMatchFileSnapshot(`./rendered-with-react/${name}.txt`);
  });
});
