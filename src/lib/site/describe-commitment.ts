/**
 * What the site says about a buyer's commitment: only what its source
 * establishes (issue 14). An unknown date is said to be unknown, never invented.
 */
import type { BuyerData } from '../content-model/collections.ts';
import { formatFrenchDate } from '../format/calendar-date.ts';
import { commitmentKindLabel } from './labels.ts';

/** The sentence shown in place of a date that no source gives. */
export const UNKNOWN_COMMITMENT_DATE = 'Non connue : la source ne la précise pas';

/** The French facts of a commitment, ready to show. */
export interface CommitmentFacts {
  /** « Engagement moral » or « Charte signée ». */
  readonly kind: string;
  /** « 3 octobre 2018 » (Europe/Paris), or {@link UNKNOWN_COMMITMENT_DATE}. */
  readonly date: string;
  /** The source as the editors wrote it (document, article…). */
  readonly source: string;
  /** Where the source can be read, when it is online. */
  readonly sourceUrl: string | undefined;
}

/**
 * Describe a buyer's commitment for its card and profile.
 * @param buyer validated front matter of the buyer
 * @returns kind label, French date or the "unknown" sentence, source and its link
 */
export function describeCommitment(buyer: Pick<BuyerData, 'commitment_kind' | 'committed_on' | 'commitment_source' | 'commitment_source_url'>): CommitmentFacts {
  return {
    kind: commitmentKindLabel(buyer.commitment_kind),
    date: buyer.committed_on ? formatFrenchDate(buyer.committed_on) : UNKNOWN_COMMITMENT_DATE,
    source: buyer.commitment_source,
    sourceUrl: buyer.commitment_source_url,
  };
}
