/**
 * Send claimed messages: the messages of one submission go over one mail
 * session (one SMTP connection). Never throws: each message gets a
 * `SendResult` for `recordSendResults`.
 */
import type Mail from 'nodemailer/lib/mailer';
import type { OpenMailSession } from '../../email/open-mail-session.ts';
import type { ClaimedMessage, SendResult } from '../store/outbox.ts';

/** Composes one message; `to` is where it really goes (see `DeliveryPolicy`). */
export type ComposeMessage = (message: ClaimedMessage, to: string) => Mail.Options;

/**
 * Who really receives e-mails in a deploy context (issue 10, "deploy contexts"):
 * - `deliver`: the recipients (production, local runs whose mail is captured);
 * - `redirect`: every message goes to one test address (deploy previews and
 *   branch deploys with `MAIL_TEST_ADDRESS`): their database branch is a copy
 *   of production's, real addresses included;
 * - `hold`: nothing is sent (deploy previews without a test address).
 */
export type DeliveryPolicy = { readonly kind: 'deliver' } | { readonly kind: 'redirect'; readonly to: string } | { readonly kind: 'hold' };

/**
 * Why a send failed, without personal data, and whether trying again is
 * useless: an SMTP 5xx reply is a permanent refusal (RFC 5321, section 4.2.1).
 */
export function describeSendFailure(error: unknown): { readonly error: string; readonly permanent: boolean; readonly serverUnreachable: boolean } {
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
  const code = typeof responseCode === 'number' ? responseCode : undefined;
  const name = error instanceof Error ? error.name : 'Error';
  const detail = code ?? (error as { code?: unknown } | null)?.code ?? 'send failed';
  // No SMTP reply code: the server could not be reached or stopped answering.
  return { error: `${name}: ${String(detail)}`, permanent: code !== undefined && code >= 500, serverUnreachable: code === undefined };
}

/** The messages grouped by submission (each group is sent over one session), in their order. */
export function groupBySubmission(messages: readonly ClaimedMessage[]): ClaimedMessage[][] {
  const groups = new Map<string, ClaimedMessage[]>();
  for (const message of messages) {
    const group = groups.get(message.submission.reference) ?? [];
    group.push(message);
    groups.set(message.submission.reference, group);
  }
  return [...groups.values()];
}

/** Results of one submission's messages, and whether the server was unreachable. */
export interface SubmissionSendOutcome {
  readonly results: SendResult[];
  readonly serverUnreachable: boolean;
}

/**
 * Send the messages of one submission (one group of `groupBySubmission`) over
 * one session. After a temporary failure the next messages are not tried.
 * Never throws.
 */
export async function sendSubmissionMessages(
  group: readonly ClaimedMessage[],
  openSession: OpenMailSession,
  compose: ComposeMessage,
  policy: DeliveryPolicy,
): Promise<SubmissionSendOutcome> {
  if (policy.kind === 'hold') return { results: group.map((message) => ({ id: message.id, outcome: 'held', reason: 'deploy-preview' })), serverUnreachable: false };
  const results: SendResult[] = [];
  const session = openSession();
  let stopped: string | undefined;
  let serverUnreachable = false;
  try {
    for (const message of group) {
      if (stopped !== undefined) {
        results.push({ id: message.id, outcome: 'retry', error: stopped, attempted: false });
        continue;
      }
      try {
        await session.send(compose(message, policy.kind === 'redirect' ? policy.to : message.recipient));
        results.push({ id: message.id, outcome: 'sent' });
      } catch (error) {
        const failure = describeSendFailure(error);
        results.push({ id: message.id, outcome: failure.permanent ? 'failed' : 'retry', error: failure.error, attempted: true });
        // A server that is down, hangs or defers (4xx) would make each next message wait
        // for its own time-out: leave them to the scheduled retry.
        if (!failure.permanent) stopped = failure.error;
        serverUnreachable ||= failure.serverUnreachable;
      }
    }
  } finally {
    session.close();
  }
  return { results, serverUnreachable };
}

/**
 * Send `messages`, one session per submission, submissions one after another.
 * Once the server is unreachable (no SMTP reply: refused, time-out), the next
 * submissions are not tried: each would wait for its own time-out, past the
 * time a function has.
 * @returns one result per message, in input order of submissions
 */
export async function sendMessages(messages: readonly ClaimedMessage[], openSession: OpenMailSession, compose: ComposeMessage, policy: DeliveryPolicy): Promise<SendResult[]> {
  const results: SendResult[] = [];
  let unreachable: string | undefined;
  for (const group of groupBySubmission(messages)) {
    if (unreachable !== undefined) {
      results.push(...group.map((message): SendResult => ({ id: message.id, outcome: 'retry', error: unreachable!, attempted: false })));
      continue;
    }
    const outcome = await sendSubmissionMessages(group, openSession, compose, policy);
    results.push(...outcome.results);
    if (outcome.serverUnreachable) unreachable = 'server unreachable';
  }
  return results;
}
