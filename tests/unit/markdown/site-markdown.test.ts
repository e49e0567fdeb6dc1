import { describe, expect, it } from 'vitest';
import { siteMarkdownProcessor } from '../../../src/lib/markdown/site-markdown.ts';

// As Astro makes it for content bodies (its defaults), without code highlighting, which no case uses.
const renderer = await siteMarkdownProcessor({ plafond: '15\u202f000\u00a0€\u00a0HT' }).createRenderer({ syntaxHighlight: false });
const render = async (markdown: string) => (await renderer.render(markdown)).code.trim();

describe('siteMarkdownProcessor', () => {
  it.each([
    ['an unclosed bold tag', 'Un <strong>gras', '<p>Un <strong>gras</strong></p>'],
    ['an unclosed link', 'Voir <a href="/charte/">la charte', '<p>Voir <a href="/charte/">la charte</a></p>'],
    ['a stray closing div', 'Texte\n\n</div>\n\nAprès', '<p>Texte</p>\n\n<p>Après</p>'],
    ['an unclosed comment', 'Texte\n\n<!-- jamais fermé', '<p>Texte</p>\n<!-- jamais fermé-->'],
  ])('keeps %s inside the body (raw HTML is parsed, not copied)', async (_case, markdown, html) => {
    expect(await render(markdown)).toBe(html);
  });

  it('applies the site text rules inside raw HTML, but not to its code', async () => {
    expect(await render('<p>Prix : {{plafond}} !</p>')).toBe('<p>Prix\u00a0: 15\u202f000\u00a0€\u00a0HT\u202f!</p>');
    expect(await render('Voir <code>a : {{plafond}}</code> ici')).toBe('<p>Voir <code>a : {{plafond}}</code> ici</p>');
  });

  it('sets typographic quotes, dashes and ellipses, French spacing and placeholders in Markdown text', async () => {
    expect(await render('Les "guillemets" et l\'apostrophe -- puis --- et... : {{plafond}} !')).toBe(
      '<p>Les “guillemets” et l’apostrophe – puis — et…\u00a0: 15\u202f000\u00a0€\u00a0HT\u202f!</p>',
    );
  });
});
