/**
 * Human reference numbers of submissions: `PBC-2026-00042`, the 42nd submission
 * received in 2026 (year in Europe/Paris). Given to the submitter, quoted in every e-mail.
 */

/** `PBC-YYYY-NNNNN` (five digits at least). */
export const REFERENCE_PATTERN = /^PBC-\d{4}-\d{5,}$/;

/** Format a reference from a year and a sequence number starting at 1. */
export function formatReference(year: number, sequence: number): string {
  return `PBC-${year}-${String(sequence).padStart(5, '0')}`;
}
