/**
 * Calendar dates (`YYYY-MM-DD`, no time, no zone) as used throughout the content.
 *
 * A calendar date is a day in Europe/Paris, the programme's time zone. Instants
 * (a JavaScript `Date`, or an ISO date-time string such as the
 * `2025-03-14T23:00:00.000Z` that a date picker stores for "15 March" picked in
 * Paris) are read as the calendar day they fall on in Europe/Paris.
 * Formatting never depends on the time zone of the machine that builds the site.
 */

/** The time zone in which every calendar date of the programme is read. */
export const PROGRAMME_TIME_ZONE = 'Europe/Paris';

const parisDayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day (`YYYY-MM-DD`) on which an instant falls in Europe/Paris.
 * @throws RangeError when the Date is invalid
 */
export function toParisCalendarDate(instant: Date): string {
  return parisDayFormatter.format(instant);
}

/** Midnight UTC of a calendar date, a neutral instant used only to format it. */
function utcMidnight(calendarDate: string): Date {
  return new Date(`${calendarDate}T00:00:00Z`);
}

const longFrenchFormatter = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * Dates already formatted: a build formats the same few thousand dates on tens
 * of thousands of pages, and `formatToParts` took 0.3 CPU-s at 10 000 startups.
 */
const formattedDates = new Map<string, string>();

/**
 * French long form of a calendar date: `2025-03-15` → `15 mars 2025`, and
 * `2025-03-01` → `1er mars 2025` (French usage writes the first day as an ordinal).
 * @param calendarDate a valid `YYYY-MM-DD` string
 */
export function formatFrenchDate(calendarDate: string): string {
  let formatted = formattedDates.get(calendarDate);
  if (formatted === undefined) {
    formatted = longFrenchFormatter
      .formatToParts(utcMidnight(calendarDate))
      .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
      .join('');
    formattedDates.set(calendarDate, formatted);
  }
  return formatted;
}

/** Calendar year of a `YYYY-MM-DD` date, as a number. */
export function yearOf(calendarDate: string): number {
  return utcMidnight(calendarDate).getUTCFullYear();
}
