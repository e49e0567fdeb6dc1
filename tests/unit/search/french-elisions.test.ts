import { describe, expect, it } from 'vitest';
import { removeElisions, separateElisions, separateElisionsInHtml } from '../../../src/lib/search/french-elisions.ts';

const H = '\u200a';

describe('French elisions for the search index', () => {
  it.each([
    ['l’annuaire', `l’${H}annuaire`],
    ["l'annuaire", `l'${H}annuaire`],
    ['L’Agglomération', `L’${H}Agglomération`],
    ['d’acheteur et d’accessibilité', `d’${H}acheteur et d’${H}accessibilité`],
    ['qu’il, jusqu’à, lorsqu’elle, puisqu’on', `qu’${H}il, jusqu’${H}à, lorsqu’${H}elle, puisqu’${H}on`],
    ['c’est, j’ai, m’a, n’a, s’engage, t’a', `c’${H}est, j’${H}ai, m’${H}a, n’${H}a, s’${H}engage, t’${H}a`],
    ['aujourd’hui', 'aujourd’hui'],
    ['Thurmelec’s', 'Thurmelec’s'],
    ['l’', 'l’'],
    ['15 000 € HT', '15 000 € HT'],
  ])('separateElisions(%j) = %j', (text, expected) => {
    expect(separateElisions(text)).toBe(expected);
  });

  it.each([
    ["l'annuaire", 'annuaire'],
    ['d’acheteur', 'acheteur'],
    ['déclaration d’accessibilité', 'déclaration accessibilité'],
    ['aujourd’hui', 'aujourd’hui'],
  ])('removeElisions(%j) = %j', (query, expected) => {
    expect(removeElisions(query)).toBe(expected);
  });

  it('touches text only: tags, attributes, scripts, styles and comments stay as written', () => {
    const html = `<main data-x='l’a'><h1 title="d’accord">L’annuaire</h1><script>const s='l’x';</script><style>a::after{content:'d’a'}</style><!-- l’y --><p>d’un</p></main>`;
    expect(separateElisionsInHtml(html)).toBe(
      `<main data-x='l’a'><h1 title="d’accord">L’${H}annuaire</h1><script>const s='l’x';</script><style>a::after{content:'d’a'}</style><!-- l’y --><p>d’${H}un</p></main>`,
    );
  });
});
