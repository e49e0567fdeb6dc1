/**
 * The one slug rule of the site, shared by the CMS configuration (`to-decap.ts`)
 * and the build (`content.config.ts`, `to-zod.ts`).
 *
 * Decap CMS names a new entry's file from its identifier field (the name or
 * title) with its own slug code (decap-cms-core `lib/formatters` `slugFormatter`,
 * `lib/urlHelper` `sanitizeSlug`): lower case, apostrophes dropped, dots turned
 * into hyphens, accents removed (`clean_accents`), then every character outside
 * RFC 3986's unreserved set (`a-z 0-9 - . _ ~`, `encoding: 'ascii'`) replaced by
 * a hyphen, hyphen runs collapsed and trimmed. Its options cannot drop `_` and
 * `~` (both unreserved), so « Dupont_et_Fils » gives `dupont_et_fils.md` and
 * « Pilote ~ 3 mois » `pilote-~-3-mois.md`.
 *
 * `~` cannot be kept: with the editorial workflow each entry lives on a git
 * branch `cms/<collection>/<slug>`, and git refuses `~` in branch names
 * (git-check-ref-format), so such an entry cannot even be saved as a draft.
 * Identifier fields therefore refuse `~` (`entryNamePattern`).
 *
 * The build accepts every other file name Decap writes (a "file slug") and
 * derives the page address from it (the "URL slug"): each run of `-` and `_`
 * becomes one hyphen and capitals become small letters (Decap's accent removal
 * turns a few letters into capitals: `ɛ` → `E`), so URLs stay ASCII kebab-case
 * (`/startups/dupont-et-fils/`).
 * Relations (an order's buyer and startup) store the file slug, as Decap's
 * relation widget does, and are read through the same function. Two files of a
 * collection with the same URL slug fail the build, naming both.
 *
 * Names that would give no file name at all (no Latin letter or digit, e.g.
 * only Chinese characters, emoji or punctuation, or a reserved device name such
 * as « Aux ») are refused by the CMS and the build on the identifier field
 * (`entryNamePattern`). The property test `tests/unit/content-model/cms-slug.test.ts`
 * runs Decap's own slug code over generated names and feeds each file name to
 * `slugFromFileName`.
 */
import type { CmsSlug } from 'decap-cms-core';
import type { FieldPattern } from './fields.ts';

/** Decap's global `slug` options (https://decapcms.org/docs/configuration-options/#slug-type). */
export const CMS_SLUG_OPTIONS: CmsSlug = { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' };

/**
 * Characters of the identifier kept for a new entry's file name: Decap's
 * `truncate` filter cuts longer names (before its slug code; it adds `...`, which
 * the slug code turns into a trailing hyphen and trims). One character can give
 * three (`ﬃ` → `ffi`), so a file name stays under `MAX_FILE_NAME_BYTES`.
 */
export const SLUG_SOURCE_MAX_LENGTH = 80;

/** The `slug` template of every folder collection (https://decapcms.org/docs/configuration-options/#slug). */
export const ENTRY_SLUG_TEMPLATE = `{{slug | truncate(${SLUG_SOURCE_MAX_LENGTH})}}`;

/** Longest file name, in bytes, that Linux file systems (ext4 `NAME_MAX`) and a git checkout accept. */
export const MAX_FILE_NAME_BYTES = 255;

/**
 * A file slug: what Decap can write from a name without `~` (ASCII letters,
 * digits, `_`, single hyphens between them) with at least one letter or digit.
 * Every such slug is also a valid git branch name component.
 */
export const FILE_SLUG_PATTERN: FieldPattern = {
  source: '^(?=[-_]*[a-zA-Z0-9])[a-zA-Z0-9_]+(?:-[a-zA-Z0-9_]+)*$',
  message: 'Identifiant attendu en lettres non accentuées, chiffres, _ et tirets simples, avec au moins une lettre ou un chiffre (ex. ville-de-mulhouse).',
};

/**
 * Names that Decap's slug code empties: the device names `con`, `prn`, `aux`,
 * `nul`, `com0`–`com9`, `lpt0`–`lpt9` (`sanitize-filename`), in any case, with
 * straight apostrophes anywhere (Decap drops them) and surrounding spaces
 * (trimmed). A non-ASCII character may stand for any letter or digit, since
 * accent removal can turn it into one (`Çon` → `con`) or two (`ꜷx` → `aux`): a
 * few real names of two to four characters are refused with them (« Éon »),
 * never a name Decap empties.
 * Patterns carry no flags, so each letter is a class.
 */
function reservedNamePattern(): string {
  const character = (ascii: string): string => `'*(?:[${ascii}]|[^\\x00-\\x7F])`;
  const word = (letters: string, digit = false): string =>
    [...letters].map((letter) => character(`${letter}${letter.toUpperCase()}`)).join('') + (digit ? character('0-9') : '');
  // The only letter pair of these words that accent removal gives from one character: `ꜷ` → `au`.
  const au = `'*[^\\x00-\\x7F]${character('xX')}`;
  const words = [word('con'), word('prn'), word('aux'), au, word('nul'), word('com', true), word('lpt', true)];
  return `\\s*(?:${words.join('|')})'*\\s*`;
}

/**
 * The rule of an identifier field (name or title), in the CMS and the build: at
 * most `maxLength` characters, at least one Latin letter (accented or not) or
 * digit, no `~`, and not a reserved device name alone, so that Decap's slug
 * code always gives a file name the build accepts and a valid branch name.
 * @param maxLength most characters (UTF-16 code units, as Zod's `.max()` counts)
 */
export function entryNamePattern(maxLength: number): FieldPattern {
  return {
    source: `^(?!${reservedNamePattern()}$)(?=[\\s\\S]*[A-Za-z0-9À-ÖØ-öø-ÿ])[^~]{0,${maxLength}}$`,
    message: `${maxLength} caractères au plus, dont au moins une lettre latine ou un chiffre, sans « ~ » : le nom donne celui du fichier et l’adresse de la page (« Aux », « Con », « Nul », « Prn », « Com1 »… seuls sont des noms réservés).`,
  };
}

/**
 * The URL slug of a file slug or of a relation's value: small letters, each run
 * of `-` and `_` one hyphen (`dupont_et_fils` → `dupont-et-fils`), ends trimmed.
 * @param fileSlug a value matching `FILE_SLUG_PATTERN`
 */
export function urlSlugOf(fileSlug: string): string {
  return fileSlug.toLowerCase().replace(/[-_]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * The URL slug of a content file: `content/startups/dupont_et_fils.md` → `dupont-et-fils`.
 * @param relativePath path inside the collection folder, e.g. `acme.md`
 * @param collectionFolder folder shown in errors, e.g. `content/startups`
 * @throws Error naming the file when its name is not a file slug, is longer than
 *   `MAX_FILE_NAME_BYTES` or it sits in a subfolder
 */
export function slugFromFileName(relativePath: string, collectionFolder: string): string {
  const fileSlug = withoutExtension(relativePath);
  if (!new RegExp(FILE_SLUG_PATTERN.source).test(fileSlug) || new TextEncoder().encode(relativePath).length > MAX_FILE_NAME_BYTES) {
    throw new Error(
      `Nom de fichier invalide : ${collectionFolder}/${relativePath}. ${FILE_SLUG_PATTERN.message} ${MAX_FILE_NAME_BYTES} octets au plus. Renommez le fichier.`,
    );
  }
  return urlSlugOf(fileSlug);
}

function withoutExtension(fileName: string): string {
  return fileName.replace(/\.(md|ya?ml)$/, '');
}

/**
 * Another file of the same folder whose name gives the same URL slug as
 * `fileName` (`dupont-et-fils.md` for `dupont_et_fils.md`), if any.
 * @param fileNames the folder's file names
 */
export function findSlugTwin(fileNames: readonly string[], fileName: string): string | undefined {
  const slug = urlSlugOf(withoutExtension(fileName));
  return fileNames.find((other) => other !== fileName && urlSlugOf(withoutExtension(other)) === slug);
}

/**
 * The id the content loader gives a file of a folder collection: its URL slug
 * (`slugFromFileName`). Two names giving one slug cannot both be that slug: only
 * the name that is not already its slug lists the folder, to name its twin.
 * @param fileName the file's name, e.g. `dupont_et_fils.md`
 * @param collectionFolder folder shown in errors, e.g. `content/startups`
 * @param listFolder the `.md` file names of the folder (read only when needed)
 * @throws Error naming the file when its name is not a file slug (`slugFromFileName`),
 *   or naming both files when another file of the folder gives the same URL slug
 */
export function entryIdFromFile(fileName: string, collectionFolder: string, listFolder: () => readonly string[]): string {
  const slug = slugFromFileName(fileName, collectionFolder);
  const twin = fileName === `${slug}.md` ? undefined : findSlugTwin(listFolder(), fileName);
  if (twin !== undefined) {
    throw new Error(
      `Deux fichiers donnent la même adresse /${slug}/ : ${collectionFolder}/${fileName} et ${collectionFolder}/${twin}. Renommez ou supprimez l’un des deux.`,
    );
  }
  return slug;
}
