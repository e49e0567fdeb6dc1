import { describe, expect, it } from 'vitest';
import { rehypeSiteText } from '../../../src/lib/markdown/rehype-site-text.ts';

function paragraph(text: string, tagName = 'p') {
  return { type: 'element', tagName, children: [{ type: 'text', value: text }] };
}

describe('rehypeSiteText', () => {
  it('fills placeholders, spaces text the French way and leaves code alone', () => {
    const tree = {
      type: 'root',
      children: [paragraph('Jusqu’à {{plafond}} : voilà !'), paragraph('{{ plafond }} et {{inconnu}}'), paragraph('a : b {{plafond}}', 'code')],
    };
    rehypeSiteText({ placeholders: { plafond: '15\u202f000\u00a0€\u00a0HT' } })(tree);
    expect(tree.children.map((node) => node.children[0]!.value)).toEqual([
      'Jusqu’à 15\u202f000\u00a0€\u00a0HT\u00a0: voilà\u202f!',
      '15\u202f000\u00a0€\u00a0HT et {{inconnu}}',
      'a : b {{plafond}}',
    ]);
  });

  it.each([
    ['Re\u0301gion Grand Est', 'Région Grand Est'],
    ['Mu\u0308ller', 'Müller'],
  ])('writes body text in NFC (text hygiene): %j → %j', (typed, shown) => {
    const tree = { type: 'root', children: [paragraph(typed)] };
    rehypeSiteText({ placeholders: {} })(tree);
    expect(tree.children[0]!.children[0]!.value).toBe(shown);
  });
});
