/**
 * JSON safe to place inside an HTML `<script type="application/json">`:
 * `<` is escaped so that no value can close the script element.
 */
export function serializeJsonForHtml(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
