/**
 * French YAML errors for content files: the mistake read from the `yaml`
 * package's error code (never its English message), the line in the file, the
 * field and what to do. Rules: YAML 1.2.2 (section in each comment).
 */
import { extractFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { describeFrontMatterProblem, explainYamlMistake, findYamlProblem, formatYamlProblem } from '../../../src/lib/content-model/describe-yaml-error.ts';

describe('the mistake, its line and its field', () => {
  it.each([
    // §7.3.3: a plain scalar cannot hold « : » followed by a space.
    ['title: Appel à projets : édition 2025\ndate: 2025-01-01\n', 'colon-in-value', 1, 'title', 'BLOCK_AS_IMPLICIT_KEY'],
    ['offers:\n  - title: Offre : pilote\n    kind: prototype\n', 'colon-in-value', 2, 'offers.0.title', 'BLOCK_AS_IMPLICIT_KEY'],
    ['title: a\n  summary: b\n', 'colon-in-value', 1, 'title', 'BLOCK_AS_IMPLICIT_KEY'],
    // §6.1: tabs are not indentation.
    ['title: x\noffers:\n\t- a\n', 'tab-indent', 3, 'offers', 'TAB_AS_INDENT'],
    // §7.3.1–7.3.2: a quoted value must be closed; the line is where it opens, not the end of the file.
    ["title: 'Appel à projets\ndate: 2025-01-01\nsummary: x\n", 'unclosed-quote', 1, 'title', 'MISSING_CHAR'],
    ['summary: x\ntitle: "Appel à projets\ndate: 2025-01-01\n', 'unclosed-quote', 2, 'title', 'MISSING_CHAR'],
    // §7.3.2: inside single quotes, a quote is written twice.
    ["title: 'L'appel d'offres'\n", 'text-after-quote', 1, 'title', 'UNEXPECTED_TOKEN'],
    // §3.2.1.1: the keys of a mapping are unique; the line is the second one.
    ['title: a\ndate: 2025-01-01\ntitle: b\n', 'duplicate-key', 3, 'title', 'DUPLICATE_KEY'],
    // §5.3: @ and ` are reserved; * starts an alias (§7.1).
    ['title: @home\n', 'reserved-start', 1, 'title', 'BAD_SCALAR_START'],
    ['title: *gras*\n', 'reserved-start', 1, 'title', 'BAD_ALIAS'],
    // §5.7: escapes in double quotes.
    ['title: "C:\\dossier"\n', 'bad-escape', 1, 'title', 'BAD_DQ_ESCAPE'],
    // §8.2.1: list items aligned.
    ['offers:\n  - title: a\n   kind: b\n', 'indentation', 3, 'offers', 'MISSING_CHAR'],
  ])('%j → %s, line %i, field %s (%s)', (yaml, mistake, line, field, code) => {
    expect(findYamlProblem(yaml)).toEqual({ mistake, line, field, code, source: yaml.split('\n')[line - 1] });
  });

  it.each([["title: 'L''appel : édition 2025'\n"], ['title: "Appel à projets : édition 2025"\n'], ['title: L’appel\n'], ['']])('%j has no problem', (yaml) => {
    expect(findYamlProblem(yaml)).toBeUndefined();
  });
});

describe('what to do, in French', () => {
  it.each([
    [{ mistake: 'colon-in-value', source: 'title: Appel à projets : édition 2025' }, 'la valeur contient « : » (deux-points suivi d’une espace), que YAML lit comme un nouveau champ : mettez le texte entre guillemets, par exemple « title: "Appel à projets : édition 2025" ».'],
    [{ mistake: 'colon-in-value', source: '  - title: Offre : pilote' }, 'la valeur contient « : » (deux-points suivi d’une espace), que YAML lit comme un nouveau champ : mettez le texte entre guillemets, par exemple « title: "Offre : pilote" ».'],
    [{ mistake: 'tab-indent', source: '\t- a' }, 'une tabulation sert d’indentation ; YAML n’accepte que des espaces : remplacez-la par des espaces (deux par niveau).'],
    [{ mistake: 'unclosed-quote', source: "title: 'Appel" }, 'le guillemet ouvert sur cette ligne n’est jamais refermé : ajoutez le guillemet fermant à la fin de la valeur.'],
    [{ mistake: 'duplicate-key', field: 'title', source: 'title: b' }, 'le champ title apparaît deux fois : gardez-en un seul.'],
  ] as const)('%j → %s', (problem, explanation) => {
    expect(explainYamlMistake(problem)).toBe(explanation);
  });
});

describe('the line in the file', () => {
  const BODY = 'Texte de la page.\n';
  it.each([
    ['---\ntitle: Appel à projets : édition 2025\n---\n', 2, 'front matter on line 1'],
    ['\n\n---\ntitle: Appel à projets : édition 2025\n---\n', 4, 'blank lines before the front matter'],
    ['\ufeff---\nsummary: x\n\ntitle: Appel à projets : édition 2025\n---\n', 4, 'byte order mark, blank line inside'],
    ['---\r\ntitle: Appel à projets : édition 2025\r\n---\r\n', 2, 'CRLF line ends (a file saved on Windows)'],
  ])('%j → line %i (%s)', (head, line) => {
    const contents = `${head}${BODY}`;
    // Astro's own extraction (`astro/markdown`), as the build does.
    const frontMatter = extractFrontmatter(contents)!;
    expect(describeFrontMatterProblem(contents, frontMatter, 'content/news/appel.md')).toMatch(new RegExp(`^YAML illisible dans content/news/appel\\.md, ligne ${line}, champ title : `));
  });

  it('a valid front matter gives no message', () => {
    const contents = `---\ntitle: 'Appel à projets : édition 2025'\n---\n${BODY}`;
    expect(describeFrontMatterProblem(contents, extractFrontmatter(contents)!, 'content/news/appel.md')).toBeUndefined();
  });

  it('a settings file counts from its first line', () => {
    const problem = findYamlProblem('site_name: Premiers bons de commande\nprogramme_contact_email: contact : equipe@exemple.fr\n')!;
    expect(formatYamlProblem('content/settings/site.yml', problem)).toBe(
      'YAML illisible dans content/settings/site.yml, ligne 2, champ programme_contact_email : la valeur contient « : » (deux-points suivi d’une espace), que YAML lit comme un nouveau champ : mettez le texte entre guillemets, par exemple « programme_contact_email: "contact : equipe@exemple.fr" ». (code YAML BLOCK_AS_IMPLICIT_KEY)',
    );
  });
});
