/**
 * Who receives the e-mails in each deploy context (issue 10, "deploy
 * contexts"): a deploy preview or branch deploy, whose database branch is a
 * copy of production's (real addresses included), sends every e-mail to
 * `MAIL_TEST_ADDRESS` only, or nothing at all without it (the outbox rows are
 * then `held`, reason `deploy-preview`); production sends to the real
 * recipients, even when `MAIL_TEST_ADDRESS` is set. The request and the
 * scheduled retry follow the same rule.
 *
 * A function instance serves one deploy, so the runtime of a deployed context
 * is built once per process (`form-runtime.ts`): each case loads the
 * functions afresh (`vi.resetModules`) after setting its environment.
 */
import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type orderHandlerType from '../../netlify/functions/demande-bon-de-commande.mts';
import type retryHandlerType from '../../netlify/functions/retry-pending-emails.mts';
import { TOKEN_FIELD } from '../../src/lib/forms/process-submission.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import {
  advanceOutboxClock,
  countMailsByReference,
  formRequest,
  formToken,
  liftSendingCaps,
  ORDERABLE_STARTUP,
  outboxRows,
  SITE,
  startFormServices,
  VALID_ORDER_DATA,
  validOrderFields,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { runScheduledRetry } from '../helpers/scheduled-retry.ts';

const FORM = 'demande-bon-de-commande';
/** Deployed contexts require a signing secret of at least 32 characters. */
const DEPLOY_SECRET = 'a-deploy-signing-secret-of-more-than-32-characters';
const TEST_ADDRESS = 'essais@premiers-bons-de-commande.fr';
/** The deploy's own main address (`context.site.url`), a Netlify name that differs from `site_url`. */
const PRODUCTION_URL = 'https://pbc-production.netlify.app';
const QUARTER_HOUR_MS = 15 * 60 * 1_000;

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
  liftSendingCaps();
  process.env['FORM_SIGNING_SECRET'] = DEPLOY_SECRET;
});
afterAll(() => services.stop());
beforeEach(async () => {
  await settleBackgroundWork();
  services.smtp.messages.length = 0;
  delete process.env['MAIL_TEST_ADDRESS'];
});

interface DeployFunctions {
  readonly order: typeof orderHandlerType;
  readonly retry: typeof retryHandlerType;
}

/** The form function and the scheduled retry of a new function instance, reading the current environment. */
async function loadDeployFunctions(): Promise<DeployFunctions> {
  vi.resetModules();
  return {
    order: (await import('../../netlify/functions/demande-bon-de-commande.mts')).default,
    retry: (await import('../../netlify/functions/retry-pending-emails.mts')).default,
  };
}

/** The address a deploy serves its pages and functions from. */
function ownUrl(deployContext: string): string {
  return deployContext === 'production' ? PRODUCTION_URL : `https://${deployContext}--pbc-production.netlify.app`;
}

/** Post a valid order request from the deploy's own pages; its reference (the answer must be « accepted »). */
async function submitIn(deployContext: string, functions: DeployFunctions): Promise<string> {
  const origin = ownUrl(deployContext);
  const fields = { ...validOrderFields(), [TOKEN_FIELD]: await formToken(FORM, { secret: DEPLOY_SECRET }) };
  const request = formRequest(FORM, fields, { accept: 'json' });
  const headers = new Headers(request.headers);
  headers.set('origin', origin);
  headers.set('sec-fetch-site', 'same-origin');
  const response = await functions.order(new Request(`${origin}/api/${FORM}/`, { method: 'POST', headers, body: await request.text() }), functionContext({ deployContext, siteUrl: PRODUCTION_URL }));
  const body = (await response.json()) as { status: string; reference: string };
  expect({ status: response.status, answer: body.status }).toEqual({ status: 200, answer: 'accepted' });
  return body.reference;
}

/** What the SMTP server got from a deploy. */
interface Sent {
  readonly references: string[];
  readonly mails: ParsedMail[];
  readonly connections: number;
}

/**
 * One submission with SMTP up, one with SMTP down then sent by the scheduled
 * retry (two passes, past the retry delay).
 */
async function submitTwiceOneThroughTheRetry(deployContext: string, functions: DeployFunctions): Promise<Sent> {
  const connectionsBefore = services.smtp.connections;
  const first = await submitIn(deployContext, functions);
  await settleBackgroundWork();
  // The SMTP server restarts empty: keep what it got so far.
  const mails = [...services.smtp.messages];
  let connections = services.smtp.connections - connectionsBefore;
  await services.stopSmtp();
  let second: string;
  try {
    second = await submitIn(deployContext, functions);
    await settleBackgroundWork();
  } finally {
    await services.restartSmtp();
  }
  await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
  for (let pass = 0; pass < 2; pass += 1) expect((await runScheduledRetry(functionContext({ deployContext, siteUrl: PRODUCTION_URL }), functions.retry)).status).toBe(204);
  mails.push(...services.smtp.messages);
  connections += services.smtp.connections;
  return { references: [first, second], mails, connections };
}

/** Every address a message is addressed to (To, Cc, Bcc). */
function addressesOf(mail: ParsedMail): string[] {
  return [mail.to, mail.cc, mail.bcc].flatMap((field) => (field === undefined ? [] : [field].flat().flatMap((group: AddressObject) => group.value.map((address) => address.address!))));
}

const EACH_ONCE = { team: 1, startup: 1, confirmation: 1 };

describe.each(['deploy-preview', 'branch-deploy'])('a %s', (deployContext) => {
  it('with MAIL_TEST_ADDRESS: every e-mail, from the request or the retry, goes to the test address only', async () => {
    process.env['MAIL_TEST_ADDRESS'] = TEST_ADDRESS;
    const { references, mails } = await submitTwiceOneThroughTheRetry(deployContext, await loadDeployFunctions());
    expect(countMailsByReference(mails)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(mails.map(addressesOf)).toEqual(Array(6).fill([TEST_ADDRESS]));
    // The outbox keeps the real recipients (the database branch's data), marked sent.
    const rows = (await outboxRows(services.database)).filter((row) => references.includes(row.reference));
    expect(rows.map(({ kind, recipient, status }) => [kind, recipient, status])).toEqual(
      references.flatMap(() => [
        ['team', SITE.teamAddress, 'sent'],
        ['startup', ORDERABLE_STARTUP.orderContactEmail, 'sent'],
        ['confirmation', VALID_ORDER_DATA.email, 'sent'],
      ]),
    );
  });

  it('without MAIL_TEST_ADDRESS: accepted, nothing sent, the e-mails held with the reason « deploy-preview »', async () => {
    const { references, mails, connections } = await submitTwiceOneThroughTheRetry(deployContext, await loadDeployFunctions());
    expect({ mails, connections }).toEqual({ mails: [], connections: 0 });
    const rows = (await outboxRows(services.database)).filter((row) => references.includes(row.reference));
    expect(rows.map(({ kind, status, held_reason }) => [kind, status, held_reason])).toEqual(
      references.flatMap(() => [
        ['team', 'held', 'deploy-preview'],
        ['startup', 'held', 'deploy-preview'],
        ['confirmation', 'held', 'deploy-preview'],
      ]),
    );
  });
});

describe('production', () => {
  it('sends to the real recipients, even with MAIL_TEST_ADDRESS set, and takes posts from its own Netlify address', async () => {
    process.env['MAIL_TEST_ADDRESS'] = TEST_ADDRESS;
    const { references, mails } = await submitTwiceOneThroughTheRetry('production', await loadDeployFunctions());
    expect(countMailsByReference(mails)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    const recipients = mails.map((mail) => [/\.(\w+)@/.exec(mail.messageId!)![1], addressesOf(mail)]);
    expect(recipients.sort()).toEqual(
      [
        ...Array(2).fill(['team', [SITE.teamAddress]]),
        ...Array(2).fill(['startup', [ORDERABLE_STARTUP.orderContactEmail]]),
        ...Array(2).fill(['confirmation', [VALID_ORDER_DATA.email]]),
      ].sort(),
    );
  });
});
