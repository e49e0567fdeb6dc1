import { describe, expect, it } from 'vitest';
import { slugFromFileName } from '../../../src/lib/content-model/entry-slug.ts';

describe('slugFromFileName', () => {
  it.each([
    ['acme-robotique.md', 'acme-robotique'],
    ['m2a.md', 'm2a'],
    ['site.yml', 'site'],
  ])('%s → %s', (file, slug) => {
    expect(slugFromFileName(file, 'content/startups')).toBe(slug);
  });

  it.each([['Café Noir.md'], ['café-noir.md'], ['acme robotique.md'], ['Acme.md'], ['acme--robotique.md'], ['sous/dossier.md'], ['-acme.md']])(
    '%j fails naming the file',
    (file) => {
      expect(() => slugFromFileName(file, 'content/startups')).toThrow(`Nom de fichier invalide : content/startups/${file}.`);
    },
  );
});
