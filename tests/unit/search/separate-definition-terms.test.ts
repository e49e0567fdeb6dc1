import { describe, expect, it } from 'vitest';
import { separateDefinitionTerms } from '../../../src/lib/search/separate-definition-terms.ts';

describe('separateDefinitionTerms', () => {
  it('puts a space between each term and its description', () => {
    expect(separateDefinitionTerms('<dl><div><dt>Hébergeur</dt><dd>Netlify, Inc.</dd></div><div><dt>Contact</dt><dd>a@b.fr</dd></div></dl>')).toBe(
      '<dl><div><dt>Hébergeur</dt> <dd>Netlify, Inc.</dd></div><div><dt>Contact</dt> <dd>a@b.fr</dd></div></dl>',
    );
  });

  it('leaves HTML without a definition list unchanged', () => {
    expect(separateDefinitionTerms('<main><h1>Titre</h1><p>Texte</p></main>')).toBe('<main><h1>Titre</h1><p>Texte</p></main>');
  });
});
