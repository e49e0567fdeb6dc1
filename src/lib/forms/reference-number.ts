/**
 * Human reference numbers of submissions: `PBC-2026-00042`, the 42nd reference
 * given in 2026 (Europe/Paris year), at least five digits. The database
 * allocates and formats them (`pbc_submit` in `netlify/database/migrations/`);
 * given to the submitter, quoted in every e-mail.
 */

/** `PBC-YYYY-NNNNN` (five digits at least). */
export const REFERENCE_PATTERN = /^PBC-\d{4}-\d{5,}$/;
