/**
 * Property tests of the one e-mail rule against real software (issue 12):
 * any address `readEmailAddress` accepts is parsed by nodemailer as itself,
 * accepted by an `smtp-server` that does not offer SMTPUTF8 (RFC 6531) and, like
 * servers without it, refuses 8-bit addresses (553, RFC 5321 §2.3.1 and RFC 6531 §3.5),
 * and comes back unchanged as the Reply-To of the team's e-mail once parsed by mailparser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import nodemailer, { type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { readEmailAddress, toSmtpAddress as toSmtp } from '../../../src/lib/email-address/read-email-address.ts';
import { composeSubmissionEmail } from '../../../src/lib/email/compose-submission-email.ts';
import { emailAddress } from '../../../src/lib/forms/definitions/field-schemas.ts';
import { VALID_ORDER_DATA } from '../../helpers/form-fixtures.ts';

interface Delivery {
  /** The recipients as smtp-server read them (domains decoded to Unicode). */
  readonly recipients: string[];
  readonly mail: ParsedMail;
}

/**
 * An SMTP server without SMTPUTF8: an 8-bit MAIL FROM or RCPT TO command is refused
 * with 553 5.6.7, as such servers do. smtp-server decodes punycode domains before
 * its handlers see them, so the command line itself is checked, as it came in
 * (its logger's `command` entries).
 */
function startServerWithoutSmtputf8() {
  const deliveries: Delivery[] = [];
  let lastCommand = '';
  const quiet = () => undefined;
  const refuse8bit = (callback: (error?: Error) => void) =>
    callback(/[^\x00-\x7f]/.test(lastCommand) ? Object.assign(new Error('5.6.7 SMTPUTF8 not offered'), { responseCode: 553 }) : undefined);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    hideSMTPUTF8: true,
    logger: {
      level: quiet,
      trace: quiet,
      info: quiet,
      warn: quiet,
      error: quiet,
      fatal: quiet,
      debug: (entry: { tnx?: string }, _format: string, line: string) => {
        if (entry.tnx === 'command') lastCommand = line;
      },
    } as never,
    onMailFrom: (_address, _session, callback) => refuse8bit(callback),
    onRcptTo: (_address, _session, callback) => refuse8bit(callback),
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          deliveries.push({ recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  return { server, deliveries };
}

const { server, deliveries } = startServerWithoutSmtputf8();
let transport: Transporter;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  // One pooled connection, as the functions send (`open-mail-session.ts`): smtp-server waits 100 ms
  // before greeting each new connection (its early-talker check), which hundreds of deliveries would pay.
  transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1 });
});

afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const TEAM_CONTEXT = {
  from: { name: 'Premiers bons de commande', address: 'ne-pas-repondre@premiers-bons-de-commande.fr' },
  teamAddress: 'contact@premiers-bons-de-commande.fr',
  siteName: 'Premiers bons de commande',
  siteUrl: 'https://premiers-bons-de-commande.netlify.app',
};

/** Sends the team's copy of an order whose submitter typed `email`, to `email` too, and returns what arrived. */
async function deliverTeamCopy(email: string): Promise<Delivery> {
  const before = deliveries.length;
  const message = composeSubmissionEmail(
    { reference: 'PBC-2026-00099', form: 'demande-bon-de-commande', receivedAt: '2026-05-12T08:30:00.000Z', data: { ...VALID_ORDER_DATA, email } },
    'team',
    email,
    TEAM_CONTEXT,
  );
  const info = await transport.sendMail(message);
  // What nodemailer wrote in RCPT TO: the SMTP form, ASCII.
  expect(info.envelope.to).toEqual([readEmailAddress(email).ok ? toSmtp(email) : email]);
  expect(deliveries).toHaveLength(before + 1);
  return deliveries.at(-1)!;
}

function replyToOf(mail: ParsedMail): string | undefined {
  return (mail.replyTo as AddressObject | undefined)?.value[0]?.address;
}

/** Pieces people type, valid and invalid: the rule decides which addresses are kept. */
const ATEXT = [...'abcxyzABZ0189', ...".-_+=?!#$%&'*/^`{|}~", 'é', 'ü'];
const LABEL_CHARACTERS = [...'abcxyz019-', 'é', 'ß', 'ü', 'д', 'ж'];
const TOP_LEVEL = ['fr', 'com', 'eu', 'paris', 'bzh', 'alsace', 'рф', 'xn--p1ai', 'test', 'example', 'invalid', 'frr', 'c', 'FR'];

const typedAddress = fc
  .tuple(
    fc.array(fc.constantFrom(...ATEXT), { minLength: 1, maxLength: 20 }),
    fc.array(fc.array(fc.constantFrom(...LABEL_CHARACTERS), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...TOP_LEVEL),
  )
  .map(([local, labels, topLevel]) => `${local.join('')}@${labels.map((label) => label.join('')).join('.')}.${topLevel}`);

describe('any address the rule accepts is delivered as itself', () => {
  it('nodemailer parses it as one address, the server without SMTPUTF8 accepts it in ASCII, mailparser reads the Reply-To back', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(typedAddress, async (typed) => {
        const verdict = readEmailAddress(typed);
        if (!verdict.ok) return;
        accepted += 1;
        expect(addressparser(verdict.address)).toEqual([{ name: '', address: verdict.address }]);
        const delivery = await deliverTeamCopy(verdict.address);
        // Receiving software shows IDN domains in Unicode or not: compared in the SMTP form, local part exact.
        expect(delivery.recipients.map(toSmtp)).toEqual([verdict.smtp]);
        expect(toSmtp(replyToOf(delivery.mail) ?? '')).toBe(verdict.smtp);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(40);
  }, 120_000);
});

describe('the team can answer: Reply-To survives local parts that look like MIME syntax', () => {
  it.each([
    ['a=b?c@exemple.fr', 'accepted: `=` and `?` are atext (RFC 5322 §3.2.3), no encoded word'],
    ['=?x@exemple.fr', 'accepted: the start of an encoded word alone'],
    ['x?=@exemple.fr', 'accepted: the end of an encoded word alone'],
    ['jean@société-verte.fr', 'accepted: IDN domain, punycode on the wire (RFC 5891)'],
  ])('%j: %s', async (email) => {
    const verdict = readEmailAddress(email);
    expect(verdict.ok).toBe(true);
    const delivery = await deliverTeamCopy(email);
    expect(replyToOf(delivery.mail)).toBe(email);
  });

  it.each([
    ['=?utf-8?q?x?=@exemple.fr', 'mailparser would decode it to x@exemple.fr (RFC 2047 §5 forbids encoded words in an addr-spec)'],
    ['=?UTF-8?B?w6k=?=@exemple.fr', 'mailparser would decode it to é@exemple.fr'],
  ])('%j is refused by the form: %s', async (email) => {
    const result = emailAddress('Adresse e-mail').safeParse(email);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Adresse e-mail : la partie avant « @ » ne peut pas contenir de séquence « =?…?= ».']);
  });

  it('an accented local part would be refused by a server without SMTPUTF8 (553): the rule refuses it first', async () => {
    expect(readEmailAddress('frédéric@orange.fr')).toMatchObject({ ok: false, reason: 'accented-local-part' });
    await expect(transport.sendMail({ from: TEAM_CONTEXT.from, to: 'frédéric@orange.fr', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 553 });
  });
});
