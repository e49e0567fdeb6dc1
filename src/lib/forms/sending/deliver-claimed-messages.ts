/**
 * The e-mails of a submission stored now, sent after the visitor's answer:
 * one mail session for its messages, then one statement recording the results.
 */
import type { OpenMailSession } from '../../email/open-mail-session.ts';
import type { Queryable } from '../store/database.ts';
import { recordSendResults, type ClaimedMessage } from '../store/outbox.ts';
import { sendMessages, type ComposeMessage, type DeliveryPolicy } from './send-messages.ts';

/** What sending needs. */
export interface Delivery {
  readonly database: Queryable;
  readonly openSession: OpenMailSession;
  readonly compose: ComposeMessage;
  readonly policy: DeliveryPolicy;
  /** Structured log line, without personal data. */
  readonly log: (entry: Record<string, string | number>) => void;
}

/**
 * Send `messages` (claimed under `claimId`) and record how it went.
 * Never throws: when the results cannot be recorded, the claim expires and the
 * scheduled retry sends what was not recorded as sent (a message may then
 * arrive twice; none is lost).
 */
export async function deliverClaimedMessages(delivery: Delivery, claimId: string, messages: readonly ClaimedMessage[]): Promise<void> {
  const results = await sendMessages(messages, delivery.openSession, delivery.compose, delivery.policy);
  try {
    await recordSendResults(delivery.database, claimId, results);
  } catch (error) {
    delivery.log({ event: 'send-results-not-recorded', messages: results.length, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
  }
}
