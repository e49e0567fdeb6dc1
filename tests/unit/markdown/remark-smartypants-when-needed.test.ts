import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Paragraph, Root, Text } from 'mdast';
import { describe, expect, it } from 'vitest';
import { needsSmartypants, remarkSmartypantsWhenNeeded } from '../../../src/lib/markdown/remark-smartypants-when-needed.ts';

const text = (value: string): Text => ({ type: 'text', value });
const paragraph = (...values: string[]): Paragraph => ({ type: 'paragraph', children: values.map(text) });

describe('needsSmartypants', () => {
  it.each([
    ['a "quoted" word', true],
    ["l'annuaire", true],
    ['``citation', true],
    ['2019--2024', true],
    ['et puis...', true],
    ['et puis . . .', true],
    ['L’annuaire – déjà typographié… « cité ».', false],
    ['Une phrase. Une autre.', false],
    ['un trait-d’union', false],
  ])('%j → %s', (value, expected) => {
    expect(needsSmartypants({ type: 'root', children: [paragraph(value)] })).toBe(expected);
  });

  it('reads the text nodes end to end (a dash split across two nodes)', () => {
    expect(needsSmartypants({ type: 'root', children: [paragraph('2019-', '-2024')] })).toBe(true);
  });

  it('ignores what is not text (inline code, HTML)', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value: '"x"' }, { type: 'html', value: "<b class='y'>" }] }] };
    expect(needsSmartypants(tree)).toBe(false);
  });
});

describe('remarkSmartypantsWhenNeeded', () => {
  const documents = [
    'Il a dit "bonjour" et \'salut\' -- puis... rien. . . ``fin\'\'',
    'Texte *"mis en valeur"* et [un "lien"](https://exemple.fr/) `code "brut"`.',
    'Déjà typographié : l’annuaire, « guillemets », tiret – et points…',
    '# Titre\n\n| A | B |\n| - | - |\n| "x" | y |\n',
  ];

  it.each(documents)('renders %j exactly as Astro’s own SmartyPants does', async (markdown) => {
    const astroDefault = await createMarkdownProcessor({ smartypants: true });
    const whenNeeded = await createMarkdownProcessor({ smartypants: false, remarkPlugins: [remarkSmartypantsWhenNeeded] });
    expect((await whenNeeded.render(markdown)).code).toBe((await astroDefault.render(markdown)).code);
  });

  it('still turns straight quotes, dashes and dots into typographic ones', async () => {
    const whenNeeded = await createMarkdownProcessor({ smartypants: false, remarkPlugins: [remarkSmartypantsWhenNeeded] });
    expect((await whenNeeded.render('Il a dit "oui" -- l\'an dernier...')).code).toBe('<p>Il a dit “oui” — l’an dernier…</p>');
  });
});
