/**
 * `npm run submissions` on the local database of `npm run dev`: an e-mail that
 * the local run wrote to its outbox folder (no SMTP) is shown as « capturé
 * localement », in the list, the detailed view and the CSV, not « envoyé »;
 * an e-mail without a capture file (sent over SMTP, or read from production)
 * keeps its stored status. The capture files are made by the real outbox
 * session from the real composed messages, so a change of their names breaks
 * this test rather than the command.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSubmissionEmail, type EmailContext } from '../../../src/lib/email/compose-submission-email.ts';
import { mailSessionOpener } from '../../../src/lib/email/open-mail-session.ts';
import type { SubmissionWithMessages } from '../../../src/lib/forms/store/read-submissions.ts';
import type { OutboxEntry } from '../../../src/lib/forms/store/stored-submission.ts';
import { submissionsToCsv } from '../../../src/lib/submissions-cli/export-csv.ts';
import { eraseLocalCaptures, markLocalCaptures, readCapturedMessages } from '../../../src/lib/submissions-cli/local-captures.ts';
import { describeMessage, formatSubmissionDetails, formatSubmissionList, overallStatus, statusLabel } from '../../../src/lib/submissions-cli/present-submissions.ts';
import { STORED_APPLICATION_DATA } from '../../helpers/form-fixtures.ts';

const CONTEXT: EmailContext = {
  from: { name: 'Premiers bons de commande', address: 'ne-pas-repondre@localhost' },
  teamAddress: 'contact@premiers-bons-de-commande.fr',
  siteName: 'Premiers bons de commande',
  siteUrl: 'http://127.0.0.1:4321',
};
const SENT_AT = '2026-12-03T14:40:00.000Z';

function outboxEntry(kind: OutboxEntry['kind'], status: OutboxEntry['status']): OutboxEntry {
  return { kind, recipient: kind === 'team' ? CONTEXT.teamAddress : 'contact@société-verte.fr', status, heldReason: status === 'held' ? 'recipient-cap' : null, attempts: status === 'sent' ? 1 : 0, lastError: null, sentAt: status === 'sent' ? SENT_AT : null };
}

const CAPTURED: SubmissionWithMessages = {
  reference: 'PBC-2026-00007',
  form: 'candidature',
  receivedAt: '2026-12-03T14:39:58.000Z',
  data: STORED_APPLICATION_DATA,
  messages: [outboxEntry('team', 'sent'), outboxEntry('confirmation', 'sent')],
};
/** Sent over SMTP by a dev server with `SMTP_URL`: no file in the folder. */
const SENT: SubmissionWithMessages = { ...CAPTURED, reference: 'PBC-2026-00008' };
/** Its confirmation held by the daily cap. */
const HELD: SubmissionWithMessages = { ...CAPTURED, reference: 'PBC-2026-00009', messages: [outboxEntry('team', 'sent'), outboxEntry('confirmation', 'held')] };

let outbox: string;
/** A second outbox with the same files, for the erasure. */
let outboxToErase: string;

/** An outbox folder as `npm run dev` leaves it: the sent e-mails of CAPTURED and HELD, and two files that are not captures. */
async function fillOutbox(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'outbox-'));
  const session = mailSessionOpener({ kind: 'outbox', directory: folder })();
  for (const record of [CAPTURED, HELD]) {
    for (const message of record.messages.filter((entry) => entry.status === 'sent')) {
      await session.send(composeSubmissionEmail(record, message.kind, message.recipient, CONTEXT));
    }
  }
  session.close();
  await writeFile(join(folder, 'notes.txt'), 'not a capture');
  await writeFile(join(folder, 'autre-message.eml'), 'not one of ours');
  return folder;
}

beforeAll(async () => {
  outbox = await fillOutbox();
  outboxToErase = await fillOutbox();
});
afterAll(() => Promise.all([outbox, outboxToErase].map((folder) => rm(folder, { recursive: true, force: true }))));

describe('readCapturedMessages', () => {
  it('names each e-mail captured in the outbox folder by reference and kind; ignores other files; none without a folder', () => {
    expect([...readCapturedMessages(outbox)].sort()).toEqual(['PBC-2026-00007.confirmation', 'PBC-2026-00007.team', 'PBC-2026-00009.team']);
    expect(readCapturedMessages(join(outbox, 'absent'))).toEqual(new Set());
  });
});

describe('markLocalCaptures and what the command shows', () => {
  it('shows a captured e-mail as « capturé localement » in the list, the details and the CSV; the others as stored', () => {
    const shown = markLocalCaptures([CAPTURED, SENT, HELD], readCapturedMessages(outbox));
    expect(shown.map((record) => record.messages.map((message) => message.status))).toEqual([
      ['captured', 'captured'],
      ['sent', 'sent'],
      ['captured', 'held'],
    ]);
    expect(shown.map((record) => statusLabel(record.messages))).toEqual(['capturé localement', 'envoyé', 'retenu']);
    expect(formatSubmissionList(shown).split('\n')[0]).toMatch(/^PBC-2026-00007 {2}Candidature au DAS numérique {2}03\/12\/2026 15:39 {2}capturé localement {2}/);
    const details = formatSubmissionDetails(shown[0]!);
    expect(details).toMatch(/^E-mails +capturé localement$/m);
    expect(details).toContain('  Équipe du programme → contact@premiers-bons-de-commande.fr · capturé localement le 03/12/2026 15:40, non envoyé (fichier .eml) · 1 tentative\n');
    const csvLines = submissionsToCsv(shown).split('\r\n');
    expect(csvLines.slice(1, 4).map((line) => line.split(',')[3])).toEqual(['capturé localement', 'envoyé', 'retenu']);
  });

  it('changes nothing without captures (production, or a dev server sending over SMTP)', () => {
    expect(markLocalCaptures([CAPTURED, HELD], new Set())).toEqual([CAPTURED, HELD]);
    expect(describeMessage(CAPTURED.messages[0]!)).toBe('Équipe du programme → contact@premiers-bons-de-commande.fr · envoyé le 03/12/2026 15:40 · 1 tentative');
  });

  it.each([
    [['captured', 'captured'], 'captured'],
    [['captured', 'sent'], 'captured'],
    [['captured', 'held'], 'held'],
    [['captured', 'pending'], 'pending'],
  ] as const)('the state of %j as one word: %s', (statuses, status) => {
    expect(overallStatus(statuses.map((value) => ({ status: value })))).toBe(status);
  });
});

describe('eraseLocalCaptures', () => {
  it('deletes the captured e-mails of the erased submissions only, and says how many', async () => {
    expect(await eraseLocalCaptures(outboxToErase, ['PBC-2026-00007'])).toBe(2);
    expect([...readCapturedMessages(outboxToErase)]).toEqual(['PBC-2026-00009.team']);
    expect((await readdir(outboxToErase)).filter((name) => !name.includes('PBC-')).sort()).toEqual(['autre-message.eml', 'notes.txt']);
    expect(await eraseLocalCaptures(join(outboxToErase, 'absent'), ['PBC-2026-00009'])).toBe(0);
  });
});
