/**
 * French typographic spacing for text typed with ordinary spaces.
 *
 * Rules (Imprimerie nationale, *Lexique des règles typographiques*): a no-break
 * space before `:` and inside « »; a narrow no-break space before `;`, `!` and `?`
 * and between groups of digits (`15 000`); a no-break space before `€` and
 * between `€` and `HT`, so that an amount never wraps.
 * Only punctuation followed by a space or the end of the text is touched, so URLs
 * (`https://…`, `?q=`) and times (`10:30`) are left as they are. Punctuation at
 * the start of a text (the text after `**gras**` in rendered Markdown) counts too.
 */

const NO_BREAK_SPACE = '\u00a0';
const NARROW_NO_BREAK_SPACE = '\u202f';

/**
 * A character that one of the rules below starts from (`; ! ? :`, `€`, « », or
 * two digits with a space between): a text without any is returned as it is,
 * without running the seven rules (issue 13: the pages of a build call this
 * for every label, card and footer line, 1 CPU-s at 10 000 startups).
 */
const SPACING_TRIGGER = /[;!?:€«»]|\d[ \u00a0]\d/;

/** How many spaced texts {@link applyFrenchSpacing} keeps; it forgets them all past this. */
const REMEMBERED_TEXTS = 10_000;

/**
 * Texts already spaced, each with its result: a build's pages ask for the same
 * labels and footer lines thousands of times (issue 13, profiled at 10 000
 * startups: spacing took 1.45 CPU-s of rendering the 15 000 pages, 0.48 with
 * the texts kept).
 */
const spacedTexts = new Map<string, string>();

/**
 * Apply French spacing to plain text (not HTML).
 * @param text any text; returns it with spaces before `: ; ! ?` and inside « » made unbreakable
 */
export function applyFrenchSpacing(text: string): string {
  if (!SPACING_TRIGGER.test(text)) return text;
  const known = spacedTexts.get(text);
  if (known !== undefined) return known;
  if (spacedTexts.size >= REMEMBERED_TEXTS) spacedTexts.clear();
  const spaced = spaceText(text);
  spacedTexts.set(text, spaced);
  return spaced;
}

/** The seven rules, in order. */
function spaceText(text: string): string {
  return text
    .replace(/(^|[^\s;!?])[ \u00a0\u202f]?([;!?])(?=\s|$|[»)])/g, (_match, before: string, mark: string) => `${before}${NARROW_NO_BREAK_SPACE}${mark}`)
    .replace(/(^|\S)[ \u00a0\u202f]?:(?=\s|$)/g, (_match, before: string) => `${before}${NO_BREAK_SPACE}:`)
    .replace(/(\d)[ \u00a0](?=\d{3}(?!\d))/g, `$1${NARROW_NO_BREAK_SPACE}`)
    .replace(/(\d)[ \u202f]?€/g, `$1${NO_BREAK_SPACE}€`)
    .replace(/€ HT\b/g, `€${NO_BREAK_SPACE}HT`)
    .replace(/«[ \u00a0\u202f]?/g, `«${NO_BREAK_SPACE}`)
    .replace(/[ \u00a0\u202f]?»/g, `${NO_BREAK_SPACE}»`);
}
