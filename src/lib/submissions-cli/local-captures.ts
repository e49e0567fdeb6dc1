/**
 * E-mails that a local run only captured. Without `SMTP_URL`, `npm run dev`
 * writes each e-mail as an `.eml` file to its outbox folder
 * (`.netlify/outbox/`, `open-mail-session.ts`) and the database records it as
 * `sent`, as production does. Read against that local database,
 * `npm run submissions` says what really happened: an e-mail whose file is in
 * the outbox folder was « capturé localement », not sent. The file names carry
 * the capture time and the Message-ID made safe for a file name
 * (`2026-12-03T15-40-00-000Z-_PBC-2026-00001.team_localhost_.eml`, from
 * `<PBC-2026-00001.team@localhost>`, `compose-submission-email.ts`). Production's
 * rows and statuses are untouched: this only changes what the command shows.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readFolder } from '../files/read-folder.ts';
import type { SubmissionWithMessages } from '../forms/store/read-submissions.ts';
import { MESSAGE_KIND_LABELS, type ShownSubmission } from './present-submissions.ts';

const CAPTURE_FILE = new RegExp(`-_(PBC-\\d{4}-\\d{5,})\\.(${Object.keys(MESSAGE_KIND_LABELS).join('|')})_[A-Za-z0-9.-]*_\\.eml$`);

/**
 * The e-mails captured in an outbox folder.
 * @param directory the local outbox folder (`LOCAL_OUTBOX` under the dev data root)
 * @returns keys `REFERENCE.kind` (`PBC-2026-00001.team`); none when the folder does not exist
 */
export function readCapturedMessages(directory: string): Set<string> {
  return new Set(listCaptures(directory).map(({ reference, kind }) => `${reference}.${kind}`));
}

/** The capture files of an outbox folder, with the reference and kind their names carry; none when the folder does not exist. */
function listCaptures(directory: string): { name: string; reference: string; kind: string }[] {
  return readFolder(directory).flatMap(({ name }) => {
    const match = CAPTURE_FILE.exec(name);
    return match ? [{ name, reference: match[1]!, kind: match[2]! }] : [];
  });
}

/**
 * Delete the captured e-mails of erased submissions (right to erasure, GDPR
 * art. 17): each holds the submitter's data, like the rows `erase` deletes.
 * @param directory the local outbox folder
 * @param references the references erased from the local database
 * @returns how many files were deleted
 */
export async function eraseLocalCaptures(directory: string, references: readonly string[]): Promise<number> {
  const erased = new Set(references);
  const files = listCaptures(directory).filter(({ reference }) => erased.has(reference));
  await Promise.all(files.map(({ name }) => rm(join(directory, name))));
  return files.length;
}

/**
 * The submissions as shown: an e-mail stored as `sent` whose file is among the
 * captures is shown as `captured`; everything else as stored.
 * @param captured keys from `readCapturedMessages`
 */
export function markLocalCaptures(records: readonly SubmissionWithMessages[], captured: ReadonlySet<string>): ShownSubmission[] {
  return records.map((record) => ({
    ...record,
    messages: record.messages.map((message) =>
      message.status === 'sent' && captured.has(`${record.reference}.${message.kind}`) ? { ...message, status: 'captured' as const } : message,
    ),
  }));
}
