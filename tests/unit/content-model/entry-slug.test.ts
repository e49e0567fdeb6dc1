import { describe, expect, it, vi } from 'vitest';
import { entryIdFromFile, findSlugTwin, slugFromFileName } from '../../../src/lib/content-model/entry-slug.ts';

describe('slugFromFileName', () => {
  it.each([
    ['acme-robotique.md', 'acme-robotique'],
    ['m2a.md', 'm2a'],
    ['site.yml', 'site'],
    // What Decap writes for « Dupont_et_Fils », « Étude_ 2 », « _Alpha », « ɛÀ » (accent removal gives a capital).
    ['dupont_et_fils.md', 'dupont-et-fils'],
    ['etude_-2.md', 'etude-2'],
    ['_alpha.md', 'alpha'],
    ['Ea.md', 'ea'],
    ['acme-1.md', 'acme-1'],
    [`${'x'.repeat(252)}.md`, 'x'.repeat(252)],
  ])('%s → %s', (file, slug) => {
    expect(slugFromFileName(file, 'content/startups')).toBe(slug);
  });

  it.each([
    ['Café Noir.md'],
    ['café-noir.md'],
    ['acme robotique.md'],
    ['acme--robotique.md'],
    ['acme.robotique.md'],
    ['sous/dossier.md'],
    ['-acme.md'],
    ['acme-.md'],
    ['-1.md'],
    ['___.md'],
    // `~`: Decap writes it from a name with « ~ », which the CMS refuses (no git branch can hold it).
    ['pilote-~-3-mois.md'],
    ['.md'],
    [`${'x'.repeat(253)}.md`],
  ])('%j fails naming the file', (file) => {
    expect(() => slugFromFileName(file, 'content/startups')).toThrow(`Nom de fichier invalide : content/startups/${file}.`);
  });

  // The rule accepts the capitals and `_` that Decap writes: the message once said « minuscules », which it is not.
  it('states the rule it applies', () => {
    expect(() => slugFromFileName('Café Noir.md', 'content/startups')).toThrow(
      'Nom de fichier invalide : content/startups/Café Noir.md. Identifiant attendu en lettres non accentuées, chiffres, _ et tirets simples, avec au moins une lettre ou un chiffre (ex. ville-de-mulhouse). 255 octets au plus. Renommez le fichier.',
    );
    expect(slugFromFileName('Dupont_Et-Fils.md', 'content/startups')).toBe('dupont-et-fils');
  });
});

describe('findSlugTwin', () => {
  it.each([
    [['dupont-et-fils.md', 'dupont_et_fils.md'], 'dupont_et_fils.md', 'dupont-et-fils.md'],
    [['etude-2.md', 'etude_-2.md', 'acme.md'], 'etude_-2.md', 'etude-2.md'],
    [['Acme.md', 'acme.md'], 'Acme.md', 'acme.md'],
    [['a_b.md', 'A_b.md'], 'A_b.md', 'a_b.md'],
  ])('in %j, %s and %s give the same address', (files, file, twin) => {
    expect(findSlugTwin(files, file)).toBe(twin);
  });

  it('finds none when every file gives its own address', () => {
    expect(findSlugTwin(['dupont_et_fils.md', 'dupont-et-fille.md', 'dupont.md'], 'dupont_et_fils.md')).toBeUndefined();
  });
});

describe('entryIdFromFile', () => {
  it('gives the URL slug, listing the folder only for a name that is not its slug', () => {
    const listFolder = vi.fn(() => ['dupont_et_fils.md', 'acme.md']);
    expect(entryIdFromFile('acme.md', 'content/startups', listFolder)).toBe('acme');
    expect(listFolder).not.toHaveBeenCalled();
    expect(entryIdFromFile('dupont_et_fils.md', 'content/startups', listFolder)).toBe('dupont-et-fils');
    expect(listFolder).toHaveBeenCalledOnce();
  });

  it('names both files when two give one address', () => {
    const listFolder = () => ['dupont-et-fils.md', 'dupont_et_fils.md'];
    expect(entryIdFromFile('dupont-et-fils.md', 'content/startups', listFolder)).toBe('dupont-et-fils');
    expect(() => entryIdFromFile('dupont_et_fils.md', 'content/startups', listFolder)).toThrow(
      'Deux fichiers donnent la même adresse /dupont-et-fils/ : content/startups/dupont_et_fils.md et content/startups/dupont-et-fils.md. Renommez ou supprimez l’un des deux.',
    );
  });

  it('refuses a file name that is not a slug, naming it', () => {
    expect(() => entryIdFromFile('Nouvelle été.md', 'content/news', () => [])).toThrow('Nom de fichier invalide : content/news/Nouvelle été.md.');
  });
});
