/**
 * The calendar date sent by a form's date field, as `YYYY-MM-DD`.
 *
 * A browser with a date picker sends `YYYY-MM-DD` whatever it shows (HTML
 * standard, "valid date string":
 * https://html.spec.whatwg.org/multipage/input.html#date-state-(type=date)),
 * and shows French visitors `jj/mm/aaaa`. A browser without one falls back to
 * a text box and sends what the person typed, in the order French people write
 * dates: `15/03/2027`, also `15/3/2027`, `15.03.2027` or `15-03-2027`.
 * This only puts the parts of such a date in ISO order: whether the date
 * exists (30 February, 29 February of a common year) is decided by Zod's
 * `z.iso.date()` on the result.
 */

/** Day, month and four-digit year in French order, separated by `/`, `.` or `-`. */
const FRENCH_ORDER = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

/**
 * @param text the value of the field, as sent
 * @returns `YYYY-MM-DD` for a date typed in French order, otherwise the text trimmed (an ISO date stays as sent)
 */
export function readTypedDate(text: string): string {
  const trimmed = text.trim();
  const parts = FRENCH_ORDER.exec(trimmed);
  if (!parts) return trimmed;
  const [, day = '', month = '', year = ''] = parts;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
