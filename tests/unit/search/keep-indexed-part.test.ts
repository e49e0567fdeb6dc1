import { describe, expect, it } from 'vitest';
import { keepIndexedPart } from '../../../src/lib/search/keep-indexed-part.ts';

const page = (main: string) =>
  [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Acme | Premiers bons de commande</title>',
    '<script type="application/ld+json">{"name":"Acme"}</script></head>',
    '<body><header><a href="/">Accueil</a><form role="search"><input name="q"></form></header>',
    main,
    '<footer><p>Une question ? Écrivez à l’équipe.</p></footer></body></html>',
  ].join('');

describe('keepIndexedPart', () => {
  it('keeps the main element alone, in a document of the page’s language', () => {
    const main = '<main id="contenu" data-pagefind-body data-pagefind-meta="type:Startup"><h1>Acme</h1><p>Prototypes d’usinage.</p></main>';
    expect(keepIndexedPart(page(main))).toBe(`<!DOCTYPE html><html lang="fr"><body>${main}</body></html>`);
  });

  it('keeps a main element whose text mentions </main> up to the last closing tag', () => {
    const main = '<main data-pagefind-body><p>Écrire &lt;/main&gt; ou </main> dans un texte</p></main>';
    expect(keepIndexedPart(page(main))).toBe(`<!DOCTYPE html><html lang="fr"><body>${main}</body></html>`);
  });

  it('writes <html> without a language when the page declares none', () => {
    expect(keepIndexedPart('<html><body><main><h1>Titre</h1></main></body></html>')).toBe('<!DOCTYPE html><html><body><main><h1>Titre</h1></main></body></html>');
  });

  it('returns a page without a main element unchanged', () => {
    const html = '<!DOCTYPE html><html lang="fr"><body><p>Redirection</p></body></html>';
    expect(keepIndexedPart(html)).toBe(html);
  });
});
