import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { siteTextPlugin } from '../../../src/lib/markdown/site-text-plugin.ts';

const render = async (markdown: string, placeholders: Record<string, string> = {}) =>
  (await markdownToHtml(markdown, { hastPlugins: [siteTextPlugin({ placeholders })] })).html.trim();

describe('siteTextPlugin', () => {
  it('fills placeholders, spaces text the French way and leaves code alone', async () => {
    const placeholders = { plafond: '15\u202f000\u00a0€\u00a0HT' };
    expect(await render('Jusqu’à {{plafond}} : voilà !', placeholders)).toBe('<p>Jusqu’à 15\u202f000\u00a0€\u00a0HT\u00a0: voilà\u202f!</p>');
    expect(await render('{{ plafond }} et {{inconnu}}', placeholders)).toBe('<p>15\u202f000\u00a0€\u00a0HT et {{inconnu}}</p>');
    expect(await render('Voir `a : b {{plafond}}` ici !', placeholders)).toBe('<p>Voir <code>a : b {{plafond}}</code> ici\u202f!</p>');
    expect(await render('```\na : b !\n```', placeholders)).toBe('<pre><code>a : b !\n</code></pre>');
  });

  it('spaces the text after inline markup, inside emphasis and links', async () => {
    expect(await render('**Gras** : *voir [le guide](/guide/) !*')).toBe('<p><strong>Gras</strong>\u00a0: <em>voir <a href="/guide/">le guide</a>\u202f!</em></p>');
  });

  it.each([
    ['Re\u0301gion Grand Est', 'Région Grand Est'],
    ['Mu\u0308ller', 'Müller'],
  ])('writes body text in NFC (text hygiene): %j → %j', async (typed, shown) => {
    expect(await render(typed)).toBe(`<p>${shown}</p>`);
  });
});
