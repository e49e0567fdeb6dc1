/**
 * Text hygiene, the one rule for every text a visitor submits (forms, in the
 * browser and in the functions) and every text an editor writes (content
 * collections, at build): what is normalised, what is removed, what is refused.
 *
 * Rules and their sources:
 * - Every text is normalised to NFC (Unicode UAX #15; W3C « Character Model for
 *   the World Wide Web: String Matching », which asks for NFC), so that a name
 *   typed on two systems (`é` precomposed, or `e` + U+0301) is the same string.
 * - Half of a UTF-16 surrogate pair cannot be encoded in UTF-8 (RFC 3629 §3):
 *   refused everywhere (`String.prototype.isWellFormed`).
 * - One-line fields (names, organisations, subjects…) refuse: line breaks and
 *   other controls (`\p{Cc}`, `\p{Zl}`, `\p{Zp}`: header injection, terminal
 *   escapes), bidirectional controls (`\p{Bidi_Control}`: U+061C, U+200E/F,
 *   U+202A–202E, U+2066–2069, which reorder what the team reads: Unicode UTS #39
 *   and « Trojan Source », CVE-2021-42574), every other invisible format
 *   character (`\p{Cf}`: zero-width space and joiners, word joiner, BOM, soft
 *   hyphen…), private-use characters (`\p{Co}`, shown differently on every
 *   system), a value that starts with a combining mark (it would attach to
 *   whatever precedes it in a subject or a list) and runs of more than 30
 *   combining marks (UAX #15 §13, Stream-Safe Text Format).
 * - Free text (multi-line) keeps tabs and line breaks (CR LF and CR become LF;
 *   U+2028/U+2029 become LF) and removes the invisible format characters
 *   (`\p{Cf}`, bidi controls included) instead of refusing them: they come from
 *   pasting out of word processors, PDFs and e-mails, the person cannot see
 *   them to delete them, and removing them changes nothing a reader sees — while
 *   no override or isolate then reaches an e-mail or a terminal. Other controls
 *   (NUL, ESC…) are refused: nobody types them, and they would act on a terminal.
 * - A value made only of spaces and invisible characters counts as empty.
 *
 * Property escapes follow the Unicode version of the JavaScript engine; browsers
 * and Node agree on these long-stable properties.
 */

/** Why a text is refused; `codePoint` is the offending character when there is one. */
export type TextProblem =
  | { readonly kind: 'lone-surrogate' }
  | { readonly kind: 'line-break' }
  | { readonly kind: 'control' | 'bidi' | 'invisible' | 'private-use' | 'leading-mark'; readonly codePoint: number }
  | { readonly kind: 'mark-run' };

/** A text read by a rule: the normalised text, or why it is refused. */
export type TextVerdict = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: TextProblem };

/** Longest run of combining marks a one-line value may hold (UAX #15 §13: 30 non-starters). */
export const MAX_COMBINING_RUN = 30;

const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const CONTROL = /\p{Cc}/u;
const BIDI_CONTROL = /\p{Bidi_Control}/u;
const FORMAT = /\p{Cf}/u;
const PRIVATE_USE = /\p{Co}/u;
const LEADING_MARK = /^\p{M}/u;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_RUN + 1},}`, 'u');
const FORMAT_ALL = /\p{Cf}/gu;
/** Controls a free text may not hold: every `\p{Cc}` but tab, LF and CR. */
const FREE_TEXT_CONTROL = /(?![\t\n\r])\p{Cc}/u;
/** Nothing a reader sees: white space, controls, format characters and other default-ignorable code points. */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;

function firstCodePoint(text: string, pattern: RegExp): number {
  return text.match(pattern)![0].codePointAt(0)!;
}

/**
 * Unicode NFC, the form every text of the site is kept in (also the rendered
 * Markdown of content bodies, which no field rule reads).
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC');
}

/**
 * True when a value holds nothing a reader sees (spaces, controls, zero-width
 * and other default-ignorable characters only): a required field then counts as empty.
 */
export function isBlankText(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

/**
 * Read a one-line value: NFC, trimmed, or refused (see the module's rules).
 * @returns the normalised text, or the first problem found
 */
export function readOneLineText(text: string): TextVerdict {
  if (!text.isWellFormed()) return { ok: false, problem: { kind: 'lone-surrogate' } };
  const value = normalizeText(text);
  if (LINE_BREAK.test(value)) return { ok: false, problem: { kind: 'line-break' } };
  if (CONTROL.test(value)) return { ok: false, problem: { kind: 'control', codePoint: firstCodePoint(value, CONTROL) } };
  if (BIDI_CONTROL.test(value)) return { ok: false, problem: { kind: 'bidi', codePoint: firstCodePoint(value, BIDI_CONTROL) } };
  if (FORMAT.test(value)) return { ok: false, problem: { kind: 'invisible', codePoint: firstCodePoint(value, FORMAT) } };
  if (PRIVATE_USE.test(value)) return { ok: false, problem: { kind: 'private-use', codePoint: firstCodePoint(value, PRIVATE_USE) } };
  const trimmed = value.trim();
  if (LEADING_MARK.test(trimmed)) return { ok: false, problem: { kind: 'leading-mark', codePoint: trimmed.codePointAt(0)! } };
  if (MARK_RUN.test(trimmed)) return { ok: false, problem: { kind: 'mark-run' } };
  return { ok: true, text: trimmed };
}

/**
 * Read a free text (several lines): NFC, line breaks as LF, invisible format
 * characters removed, trimmed; refused when it holds half a surrogate pair or a
 * control other than tab and line breaks.
 * @returns the normalised text, or the first problem found
 */
export function readFreeText(text: string): TextVerdict {
  if (!text.isWellFormed()) return { ok: false, problem: { kind: 'lone-surrogate' } };
  if (FREE_TEXT_CONTROL.test(text)) return { ok: false, problem: { kind: 'control', codePoint: firstCodePoint(text, FREE_TEXT_CONTROL) } };
  const value = text.replace(FORMAT_ALL, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
  return { ok: true, text: normalizeText(value).trim() };
}

/** `U+202E` for a code point (four hex digits at least, as Unicode writes them). */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a text is refused, in French, without the field's name: forms put their
 * label in front (`Nom : …`), content puts the field's path.
 */
export function describeTextProblem(problem: TextProblem): string {
  switch (problem.kind) {
    case 'lone-surrogate':
      return 'texte mal encodé (moitié de paire UTF-16 isolée) : retapez-le.';
    case 'line-break':
      return 'le texte doit tenir sur une ligne.';
    case 'control':
      return `caractère de contrôle interdit (${formatCodePoint(problem.codePoint)}) : retapez le texte au lieu de le coller.`;
    case 'bidi':
      return `caractère invisible de sens d’écriture interdit (${formatCodePoint(problem.codePoint)}) : retapez le texte au lieu de le coller.`;
    case 'invisible':
      return `caractère invisible interdit (${formatCodePoint(problem.codePoint)}, espace sans chasse ou similaire) : retapez le texte au lieu de le coller.`;
    case 'private-use':
      return `caractère à usage privé interdit (${formatCodePoint(problem.codePoint)}) : il ne s’affiche pas de la même façon partout.`;
    case 'leading-mark':
      return `le texte commence par un accent seul (${formatCodePoint(problem.codePoint)}) : retapez la première lettre.`;
    case 'mark-run':
      return `plus de ${MAX_COMBINING_RUN} accents ou signes combinés à la suite.`;
  }
}

/**
 * Text PostgreSQL can store, for values no rule has read (the fields of a send
 * refused as spam): half surrogate pairs and NUL (which `text` and `jsonb`
 * refuse) become U+FFFD, so that a reviewer sees something was there.
 */
export function toStorableText(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\ufffd');
}

const UNSHOWABLE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|\p{Surrogate}/gu;

/**
 * Text safe to print on a terminal: tab and LF are kept; every other control
 * (ESC sequences, CR, backspace…), format character (bidi overrides, zero-width)
 * and half surrogate pair is shown as its code point in brackets (`⟨U+202E⟩`),
 * so that stored text can neither drive the terminal nor reorder what is read.
 */
export function revealInvisibleCharacters(text: string): string {
  return text.replace(UNSHOWABLE, (character) => `⟨${formatCodePoint(character.codePointAt(0)!)}⟩`);
}
