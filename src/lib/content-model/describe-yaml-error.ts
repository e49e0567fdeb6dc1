/**
 * YAML syntax errors of content files, said in French for editors: the line
 * (in the file, front-matter offset included), the field when one can be
 * named, and what to do. The diagnosis comes from the `yaml` package's error
 * codes and positions (`YAMLError.code`, `pos`) and its syntax tree, never from
 * its English messages.
 *
 * Frequent mistakes and their codes (yaml 2.x, `src/errors.ts`):
 * - `title: Appel à projets : édition 2025`, a « : » inside a plain value:
 *   `BLOCK_AS_IMPLICIT_KEY` / `MULTILINE_IMPLICIT_KEY` (YAML 1.2 §7.3.3, plain
 *   scalars cannot contain « : » followed by a space);
 * - a tab in the indentation: `TAB_AS_INDENT` (YAML 1.2 §6.1, tabs are not indentation);
 * - an unclosed quote: `MISSING_CHAR` on a quoted value;
 * - `title: 'L'appel'`, text after a closing quote: `UNEXPECTED_TOKEN`
 *   (YAML 1.2 §7.3.2, a quote inside single quotes is written twice);
 * - a key written twice: `DUPLICATE_KEY` (YAML 1.2 §3.2.1.1, keys are unique);
 * - a value starting with `@`, `` ` ``, `*` or `&`: `BAD_SCALAR_START`, or an unresolved alias;
 * - a list or a field out of line: `BAD_INDENT`, `MISSING_CHAR` elsewhere.
 */
import { isPair, isScalar, isSeq, parseDocument, visit, type Node, type Scalar } from 'yaml';

/** What went wrong, in the editor's terms. */
export type YamlMistake =
  | 'colon-in-value'
  | 'tab-indent'
  | 'unclosed-quote'
  | 'text-after-quote'
  | 'duplicate-key'
  | 'reserved-start'
  | 'bad-escape'
  | 'indentation'
  | 'other';

/** One YAML syntax problem, located in the YAML text. */
export interface YamlProblem {
  readonly mistake: YamlMistake;
  /** 1-based line in the YAML text given to `findYamlProblem`. */
  readonly line: number;
  /** Dotted path of the field (`offers.0.title`), when the problem sits in one. */
  readonly field?: string;
  /** The `yaml` package's code (`BLOCK_AS_IMPLICIT_KEY`…), for developers. */
  readonly code: string;
  /** The line as written, to show a corrected version. */
  readonly source: string;
}

interface KeyAt {
  readonly path: string;
  readonly keyStart: number;
  readonly value: unknown;
}

/** Every key of the document with its dotted path and where it starts. */
function keysOf(document: ReturnType<typeof parseDocument>): KeyAt[] {
  const keys: KeyAt[] = [];
  visit(document, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.range == null) return;
      const path: string[] = [];
      ancestors.forEach((ancestor, index) => {
        if (isPair(ancestor) && isScalar(ancestor.key)) path.push(String(ancestor.key.value));
        if (isSeq(ancestor)) path.push(String(ancestor.items.indexOf((ancestors[index + 1] ?? pair) as Node)));
      });
      keys.push({ path: [...path, String(pair.key.value)].join('.'), keyStart: pair.key.range[0], value: pair.value });
    },
  });
  return keys;
}

function isQuoted(node: unknown): node is Scalar & { range: [number, number, number] } {
  return isScalar(node) && (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && node.range != null;
}

function mistakeOf(code: string, key: KeyAt | undefined): YamlMistake {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'colon-in-value';
    case 'TAB_AS_INDENT':
      return 'tab-indent';
    case 'MISSING_CHAR':
      return isQuoted(key?.value) ? 'unclosed-quote' : 'indentation';
    case 'UNEXPECTED_TOKEN':
      return isQuoted(key?.value) ? 'text-after-quote' : 'other';
    case 'DUPLICATE_KEY':
      return 'duplicate-key';
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS':
      return 'reserved-start';
    case 'BAD_DQ_ESCAPE':
      return 'bad-escape';
    case 'BAD_INDENT':
      return 'indentation';
    default:
      return 'other';
  }
}

/** Where the first alias of the document starts (0 when there is none). */
function firstAliasOffset(document: ReturnType<typeof parseDocument>): number {
  let offset = 0;
  visit(document, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) if (text[index] === '\n') line += 1;
  return line;
}

/**
 * The first syntax problem of a YAML text, if any.
 * @param yamlText a front matter (between the `---` lines) or a whole `.yml` file
 * @returns `undefined` when the `yaml` package reads it without error
 */
export function findYamlProblem(yamlText: string): YamlProblem | undefined {
  const document = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false });
  const [error] = document.errors;
  let code: string;
  let offset: number;
  if (error) {
    code = error.code;
    offset = error.pos[0];
  } else {
    try {
      document.toJS();
      return undefined;
    } catch {
      // An alias to no anchor (`title: *gras*`): the value starts with YAML's alias sign.
      code = 'BAD_ALIAS';
      offset = firstAliasOffset(document);
    }
  }
  const keys = keysOf(document);
  // The field is the last key starting before the error (a duplicate is the key at the error).
  const key = keys.filter((candidate) => (code === 'DUPLICATE_KEY' ? candidate.keyStart <= offset : candidate.keyStart < offset)).at(-1);
  const mistake = mistakeOf(code, key);
  // An unclosed quote is reported at the end of the text; the editor needs the line where it opens.
  const at = mistake === 'unclosed-quote' && isQuoted(key?.value) ? key.value.range[0] : offset;
  const line = lineAt(yamlText, at);
  // Out of line, a nested key may be misread: name the top-level field only.
  const field = mistake === 'indentation' || mistake === 'tab-indent' ? key?.path.split('.')[0] : key?.path;
  return { mistake, line, code, source: yamlText.split('\n')[line - 1] ?? '', ...(field === undefined ? {} : { field }) };
}

/** The value of a `key: value` line, to show it quoted. */
function quotedSuggestion(source: string): string | undefined {
  const match = /^\s*(?:-\s+)?([^\s:#][^:#]*?):\s+(.+?)\s*$/.exec(source);
  return match ? `${match[1]}: ${JSON.stringify(match[2])}` : undefined;
}

/** What to do, in French, for each mistake. */
export function explainYamlMistake(problem: Pick<YamlProblem, 'mistake' | 'field' | 'source'>): string {
  switch (problem.mistake) {
    case 'colon-in-value': {
      const suggestion = quotedSuggestion(problem.source);
      return `la valeur contient « : » (deux-points suivi d’une espace), que YAML lit comme un nouveau champ : mettez le texte entre guillemets${suggestion ? `, par exemple « ${suggestion} ».` : '.'}`;
    }
    case 'tab-indent':
      return 'une tabulation sert d’indentation ; YAML n’accepte que des espaces : remplacez-la par des espaces (deux par niveau).';
    case 'unclosed-quote':
      return 'le guillemet ouvert sur cette ligne n’est jamais refermé : ajoutez le guillemet fermant à la fin de la valeur.';
    case 'text-after-quote':
      return 'du texte suit le guillemet fermant : entre apostrophes, une apostrophe s’écrit deux fois (\'L\'\'appel\'), ou mettez le texte entre guillemets droits ("L\'appel").';
    case 'duplicate-key':
      return `le champ ${problem.field ?? 'de cette ligne'} apparaît deux fois : gardez-en un seul.`;
    case 'reserved-start':
      return 'une valeur qui commence par @, `, * ou & doit être mise entre guillemets.';
    case 'bad-escape':
      return 'entre guillemets droits, la barre oblique inverse (\\) annonce un caractère spécial : doublez-la (\\\\) ou mettez le texte entre apostrophes.';
    case 'indentation':
      return 'indentation incorrecte : alignez cette ligne sur les autres champs du même niveau, avec des espaces (les éléments d’une liste commencent par « - »).';
    case 'other':
      return 'syntaxe YAML invalide : vérifiez les guillemets, les deux-points et l’indentation de cette ligne.';
  }
}

/**
 * The message of a YAML problem for a build log or an editor.
 * @param fileLabel path of the file, relative to the project root
 * @param firstLine line of the file where the YAML text starts (1 for a `.yml`
 *   file; for a front matter, the line of the opening `---`, since Astro's
 *   front matter starts right after the `---` on that line)
 */
export function formatYamlProblem(fileLabel: string, problem: YamlProblem, firstLine = 1): string {
  const line = problem.line + firstLine - 1;
  const field = problem.field === undefined ? '' : `, champ ${problem.field}`;
  return `YAML illisible dans ${fileLabel}, ligne ${line}${field} : ${explainYamlMistake(problem)} (code YAML ${problem.code})`;
}

/**
 * The message of a front matter's first YAML problem, located in the file.
 * @param fileContents the whole Markdown file
 * @param frontMatter the YAML text Astro read between the `---` lines (it starts
 *   right after the opening `---`, so its first line is that line's end)
 * @param fileLabel path of the file, relative to the project root
 * @returns `undefined` when the `yaml` package finds no problem
 */
export function describeFrontMatterProblem(fileContents: string, frontMatter: string, fileLabel: string): string | undefined {
  const problem = findYamlProblem(frontMatter);
  if (problem === undefined) return undefined;
  const start = fileContents.indexOf(frontMatter);
  return formatYamlProblem(fileLabel, problem, lineAt(fileContents, Math.max(start, 0)));
}
