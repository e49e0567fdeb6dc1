/**
 * French typographic spacing for text typed with ordinary spaces.
 *
 * Rules (Imprimerie nationale, *Lexique des règles typographiques*): a no-break
 * space before `:` and inside « »; a narrow no-break space before `;`, `!` and `?`.
 * Only punctuation followed by a space or the end of the text is touched, so URLs
 * (`https://…`, `?q=`) and times (`10:30`) are left as they are.
 */

const NO_BREAK_SPACE = '\u00a0';
const NARROW_NO_BREAK_SPACE = '\u202f';

/**
 * Apply French spacing to plain text (not HTML).
 * @param text any text; returns it with spaces before `: ; ! ?` and inside « » made unbreakable
 */
export function applyFrenchSpacing(text: string): string {
  return text
    .replace(/([^\s;!?])[ \u00a0\u202f]?([;!?])(?=\s|$|[»)])/g, `$1${NARROW_NO_BREAK_SPACE}$2`)
    .replace(/(\S)[ \u00a0\u202f]?:(?=\s|$)/g, `$1${NO_BREAK_SPACE}:`)
    .replace(/«[ \u00a0\u202f]?/g, `«${NO_BREAK_SPACE}`)
    .replace(/[ \u00a0\u202f]?»/g, `${NO_BREAK_SPACE}»`);
}
