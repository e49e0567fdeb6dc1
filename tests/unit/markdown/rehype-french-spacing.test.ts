import { describe, expect, it } from 'vitest';
import { rehypeFrenchSpacing } from '../../../src/lib/markdown/rehype-french-spacing.ts';

describe('rehypeFrenchSpacing', () => {
  it('spaces text but leaves code alone', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'p', children: [{ type: 'text', value: 'Attention : ici !' }] },
        { type: 'element', tagName: 'code', children: [{ type: 'text', value: 'a : b' }] },
      ],
    };
    rehypeFrenchSpacing()(tree);
    expect(tree.children[0]!.children[0]!.value).toBe('Attention\u00a0: ici\u202f!');
    expect(tree.children[1]!.children[0]!.value).toBe('a : b');
  });
});
