import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeTextProblem,
  formatCodePoint,
  isBlankText,
  readFreeText,
  readOneLineText,
  revealInvisibleCharacters,
  toStorableText,
  type TextProblem,
} from '../../../src/lib/text/text-hygiene.ts';

/** The problem's kind and code point, or the accepted text. */
function verdictOf(verdict: ReturnType<typeof readOneLineText>): string {
  if (verdict.ok) return `ok ${JSON.stringify(verdict.text)}`;
  const { problem } = verdict;
  return 'codePoint' in problem ? `${problem.kind} ${formatCodePoint(problem.codePoint)}` : problem.kind;
}

describe('one-line text (names, organisations, subjects)', () => {
  it.each([
    // NFC (UAX #15; W3C Character Model): the same name typed on two systems is the same string.
    ['e\u0301cole', 'ok "école"', 'NFC: e + U+0301 → é'],
    ['Mu\u0308ller', 'ok "Müller"', 'NFC'],
    ['  Ville de Mulhouse  ', 'ok "Ville de Mulhouse"', 'trimmed'],
    ['Ville\u00a0de\u202fMulhouse', 'ok "Ville\u00a0de\u202fMulhouse"', 'no-break spaces are text (French typography)'],
    ['🚀 Société Verte', 'ok "🚀 Société Verte"', 'a surrogate pair is well-formed'],
    ['Nguyễn Thị', 'ok "Nguyễn Thị"', 'Vietnamese: stacked marks after NFC'],
    ['שלום Shalom', 'ok "שלום Shalom"', 'right-to-left letters are text, not controls'],
    // Line breaks: header injection (RFC 5322 §2.2, a header is one line).
    ['Ville\r\nBcc: x@exemple.fr', 'line-break', 'CR LF'],
    ['Ville\nde Mulhouse', 'line-break', 'LF'],
    ['Ville\rde Mulhouse', 'line-break', 'CR'],
    ['Ville\u2028de Mulhouse', 'line-break', 'U+2028 line separator (Zl)'],
    ['Ville\u2029de Mulhouse', 'line-break', 'U+2029 paragraph separator (Zp)'],
    // Other controls (\p{Cc}): terminal escapes, NUL.
    ['Ville\0', 'control U+0000', 'NUL'],
    ['Ville\tde Mulhouse', 'control U+0009', 'tab'],
    ['Ville\u001b[31m', 'control U+001B', 'ESC (terminal colour)'],
    ['Ville\u007f', 'control U+007F', 'DEL'],
    ['Ville\u0085de Mulhouse', 'control U+0085', 'NEL (C1)'],
    // Bidi controls (\p{Bidi_Control}; UTS #39, CVE-2021-42574 « Trojan Source »).
    ['Ville\u202ede Mulhouse', 'bidi U+202E', 'RLO'],
    ['Ville\u202ade Mulhouse', 'bidi U+202A', 'LRE'],
    ['Ville\u202cde Mulhouse', 'bidi U+202C', 'PDF'],
    ['Ville\u2066de\u2069 Mulhouse', 'bidi U+2066', 'LRI … PDI'],
    ['Ville\u2067de Mulhouse', 'bidi U+2067', 'RLI'],
    ['Ville\u2068de Mulhouse', 'bidi U+2068', 'FSI'],
    ['Ville\u200ede Mulhouse', 'bidi U+200E', 'LRM'],
    ['Ville\u200fde Mulhouse', 'bidi U+200F', 'RLM'],
    ['Ville\u061cde Mulhouse', 'bidi U+061C', 'ALM'],
    // Zero-width and other format characters (\p{Cf}).
    ['Ville\u200bde Mulhouse', 'invisible U+200B', 'zero-width space'],
    ['Ville\u200cde Mulhouse', 'invisible U+200C', 'ZWNJ'],
    ['Ville\u200dde Mulhouse', 'invisible U+200D', 'ZWJ'],
    ['Ville\u2060de Mulhouse', 'invisible U+2060', 'word joiner'],
    ['\ufeffVille de Mulhouse', 'invisible U+FEFF', 'BOM'],
    ['Mul\u00adhouse', 'invisible U+00AD', 'soft hyphen'],
    ['Ville\u{e0041}', 'invisible U+E0041', 'tag character'],
    // Private use (\p{Co}): shown differently on every system.
    ['Ville\ue000', 'private-use U+E000', 'BMP private use'],
    ['Apple \uf8ff', 'private-use U+F8FF', 'a logo on one system only'],
    ['Ville\u{f0000}', 'private-use U+F0000', 'plane 15'],
    // Half a surrogate pair: no UTF-8 can hold it (RFC 3629 §3).
    ['Ville\ud83d', 'lone-surrogate', 'high surrogate alone'],
    ['\ude80Ville', 'lone-surrogate', 'low surrogate alone'],
    // Combining marks: an orphan mark attaches to what precedes it; UAX #15 §13 caps runs at 30.
    ['\u0301Ville', 'leading-mark U+0301', 'starts with a combining acute'],
    [`Z${'\u0334'.repeat(31)}algo`, 'mark-run', 'more than 30 marks in a row'],
    [`Z${'\u0334'.repeat(30)}algo`, `ok "Z${'\u0334'.repeat(30)}algo"`, '30 marks are allowed'],
  ])('%j → %s (%s)', (text, expected) => {
    expect(verdictOf(readOneLineText(text))).toBe(expected);
  });
});

describe('free text (multi-line)', () => {
  it.each([
    ['Ligne 1\r\nLigne 2\rLigne 3', 'ok "Ligne 1\\nLigne 2\\nLigne 3"', 'CR LF and CR become LF'],
    ['Ligne 1\u2028Ligne 2\u2029Ligne 3', 'ok "Ligne 1\\nLigne 2\\nLigne 3"', 'Unicode separators become LF'],
    ['Col 1\tCol 2', 'ok "Col 1\\tCol 2"', 'tab kept'],
    ['  Un besoin.\n  ', 'ok "Un besoin."', 'trimmed'],
    ['Un \u202ebesoin\u202c décrit', 'ok "Un besoin décrit"', 'bidi override removed (CVE-2021-42574)'],
    ['Un \u2066besoin\u2069', 'ok "Un besoin"', 'isolates removed'],
    ['Un\u200b besoin\u200d\u2060\ufeff', 'ok "Un besoin"', 'zero-width characters removed'],
    ['Un be\u00adsoin', 'ok "Un besoin"', 'soft hyphen removed'],
    ['Une e\u0301cole', 'ok "Une école"', 'NFC'],
    ['Un \ue000 logo', 'ok "Un \ue000 logo"', 'private use kept in free text'],
    ['Un besoin\0', 'control U+0000', 'NUL refused'],
    ['Un besoin\u001b[2J', 'control U+001B', 'ESC refused (clears a terminal)'],
    ['Un besoin\u0008', 'control U+0008', 'backspace refused'],
    ['Un besoin\u009b', 'control U+009B', 'C1 CSI refused'],
    ['Un besoin\ud800', 'lone-surrogate', 'half a surrogate pair refused'],
  ])('%j → %s (%s)', (text, expected) => {
    expect(verdictOf(readFreeText(text))).toBe(expected);
  });
});

describe('blank text: a required field with nothing a reader sees is empty', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\u00a0\u202f\u3000', true],
    ['\u200b\u200c\u200d\u2060\ufeff', true],
    ['\u202e\u2066\u200e', true],
    ['\u3164', true],
    ['\t\r\n', true],
    ['.', false],
    ['a\u200b', false],
    ['\ue000', false],
  ])('%j → %s', (text, expected) => {
    expect(isBlankText(text)).toBe(expected);
  });
});

describe('French messages', () => {
  it.each<[TextProblem, string]>([
    [{ kind: 'lone-surrogate' }, 'texte mal encodé (moitié de paire UTF-16 isolée) : retapez-le.'],
    [{ kind: 'line-break' }, 'le texte doit tenir sur une ligne.'],
    [{ kind: 'control', codePoint: 0x1b }, 'caractère de contrôle interdit (U+001B) : retapez le texte au lieu de le coller.'],
    [{ kind: 'bidi', codePoint: 0x202e }, 'caractère invisible de sens d’écriture interdit (U+202E) : retapez le texte au lieu de le coller.'],
    [{ kind: 'invisible', codePoint: 0x200b }, 'caractère invisible interdit (U+200B, espace sans chasse ou similaire) : retapez le texte au lieu de le coller.'],
    [{ kind: 'private-use', codePoint: 0xf0000 }, 'caractère à usage privé interdit (U+F0000) : il ne s’affiche pas de la même façon partout.'],
    [{ kind: 'leading-mark', codePoint: 0x301 }, 'le texte commence par un accent seul (U+0301) : retapez la première lettre.'],
    [{ kind: 'mark-run' }, 'plus de 30 accents ou signes combinés à la suite.'],
  ])('%j → %s', (problem, message) => {
    expect(describeTextProblem(problem)).toBe(message);
  });
});

describe('what reaches a terminal or the database', () => {
  it.each([
    ['Besoin\u001b[31m rouge', 'Besoin⟨U+001B⟩[31m rouge'],
    ['Ville \u202eedoc\u202c', 'Ville ⟨U+202E⟩edoc⟨U+202C⟩'],
    ['a\u200bb', 'a⟨U+200B⟩b'],
    ['Ligne 1\r\nLigne 2\tfin', 'Ligne 1⟨U+000D⟩\nLigne 2\tfin'],
    ['moitié \ud83d', 'moitié ⟨U+D83D⟩'],
    ['séparateur\u2028', 'séparateur⟨U+2028⟩'],
    ['🚀 Société', '🚀 Société'],
  ])('shown on a terminal: %j → %j', (text, shown) => {
    expect(revealInvisibleCharacters(text)).toBe(shown);
  });

  it.each([
    ['a\u0000b', 'a\ufffdb'],
    ['moitié \ud83d', 'moitié \ufffd'],
    ['🚀', '🚀'],
  ])('stored: %j → %j', (text, stored) => {
    expect(toStorableText(text)).toBe(stored);
  });
});

describe('properties (fast-check)', () => {
  /** Any UTF-16 text, lone surrogates and every plane included, with the characters this module is about mixed in. */
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.array(fc.constantFrom('a', 'é', 'e\u0301', ' ', '\n', '\r', '\t', '\u202e', '\u200b', '\u200d', '\u0301', '\u00ad', '\ud83d', '\ude80', '\u2028', '\ufeff', '\u3164', '\ue000'), { maxLength: 20 }).map((parts) => parts.join('')),
  );
  const RUNS = { numRuns: 3_000 };

  it('normalisation is idempotent: what a rule accepts, it accepts again unchanged', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const read of [readOneLineText, readFreeText]) {
          const first = read(text);
          if (first.ok) expect(read(first.text)).toEqual(first);
        }
      }),
      RUNS,
    );
  });

  it('what a rule accepts is NFC, well-formed, trimmed; one-line text holds no control, format or private-use character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const oneLine = readOneLineText(text);
        if (oneLine.ok) {
          expect(oneLine.text).toBe(oneLine.text.normalize('NFC'));
          expect(oneLine.text.isWellFormed()).toBe(true);
          expect(oneLine.text).toBe(oneLine.text.trim());
          expect(oneLine.text).not.toMatch(/[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u);
        }
        const free = readFreeText(text);
        if (free.ok) {
          expect(free.text).toBe(free.text.normalize('NFC'));
          expect(free.text.isWellFormed()).toBe(true);
          expect(free.text).not.toMatch(/(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
        }
      }),
      RUNS,
    );
  });

  it('the same text typed composed or decomposed gets the same verdict and value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(readOneLineText(text.normalize('NFD'))).toEqual(readOneLineText(text.normalize('NFC')));
        expect(readFreeText(text.normalize('NFD'))).toEqual(readFreeText(text.normalize('NFC')));
      }),
      RUNS,
    );
  });

  it('a revealed text holds no control but tab and LF, and nothing invisible', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const shown = revealInvisibleCharacters(text);
        expect(shown.isWellFormed()).toBe(true);
        expect(shown).not.toMatch(/(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
      }),
      RUNS,
    );
  });
});
