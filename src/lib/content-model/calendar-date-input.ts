/**
 * Normalises what YAML parsers and the CMS may hand over for a date field into a
 * `YYYY-MM-DD` candidate, which Zod then validates.
 *
 * - `'2025-03-15'` stays as it is;
 * - a `Date` (an unquoted YAML date such as `2025-03-15`, read as midnight UTC)
 *   and an ISO date-time string (`'2025-03-14T23:00:00.000Z'`, what a date picker
 *   stores for 15 March picked in Paris) become the calendar day of that instant
 *   in Europe/Paris: `2025-03-15` in both cases;
 * - anything else (`'03/04/2024'`, a number, an invalid Date) is left untouched
 *   so that validation refuses it rather than guessing.
 */
import { z } from 'zod';
import { toParisCalendarDate } from '../format/calendar-date.ts';

const isoDateTime = z.iso.datetime({ offset: true });

/** See the module comment; returns a string for dates and instants, the input otherwise. */
export function toCalendarDateInput(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : toParisCalendarDate(value);
  if (typeof value === 'string' && isoDateTime.safeParse(value).success) return toParisCalendarDate(new Date(value));
  return value;
}
