/**
 * A space after each term of a definition list (`</dt>`), in the copy of a
 * page handed to Pagefind. Pagefind does not separate a `<dt>`'s text from the
 * `<dd>` after it: on the legal pages (SettingsBlock.tsx) « Hébergeur » and
 * « Netlify, Inc. » were indexed as the one word « HébergeurNetlify », so a
 * search for « Netlify » missed the legal notice. The page itself is unchanged.
 * @param html HTML as handed to Pagefind
 * @returns the same HTML with a space after every `</dt>` closing tag
 */
export function separateDefinitionTerms(html: string): string {
  return html.replaceAll('</dt>', '</dt> ');
}
