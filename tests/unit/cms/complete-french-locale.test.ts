/**
 * Decap CMS entirely in French: the French locale, completed, leaves no phrase
 * to Decap's English fallback and no English word in place of a French one
 * (the top bar said « Media »). An upgrade of `decap-cms-locales` that adds
 * English phrases fails here, naming them.
 */
// The locales' own modules: the package root is a UMD bundle that needs a browser's `window`.
import en from 'decap-cms-locales/dist/esm/en/index.js';
import fr from 'decap-cms-locales/dist/esm/fr/index.js';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import { describe, expect, it } from 'vitest';
import { completeFrenchLocale, FRENCH_PHRASES, type Phrases } from '../../../src/lib/cms/complete-french-locale.ts';

/** Every phrase as `path = text`. */
function leaves(phrases: Phrases, path: readonly string[] = []): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(phrases)) {
    if (typeof value === 'string') found.set([...path, key].join('.'), value);
    else for (const [leaf, text] of leaves(value, [...path, key])) found.set(leaf, text);
  }
  return found;
}

/** The same in French and in English: words French uses as they are, and placeholders. */
const SAME_IN_FRENCH = new Set([
  'collection.sidebar.collections',
  'collection.collectionTop.newButton',
  'editor.editorWidgets.markdown.code',
  'editor.editorWidgets.markdown.markdown',
  'editor.editorNotesPane.title',
  'mediaLibrary.mediaLibraryModal.images',
  'ui.toast.onFailToAuth',
  'workflow.workflowCard.lastChangeNoAuthor',
]);

const english = leaves(en);
const french = leaves(completeFrenchLocale(fr));

describe('completeFrenchLocale', () => {
  it('names the media library in French in the top bar, and keeps Decap’s own French', () => {
    expect(french.get('app.header.media')).toBe('Médias');
    expect(french.get('app.header.content')).toBe('Contenus');
    expect(french.get('auth.login')).toBe('Se connecter');
  });

  it('has a phrase for every English one: nothing falls back to English', () => {
    expect([...english.keys()].filter((path) => !french.has(path))).toEqual([]);
  });

  it('leaves no English phrase in place of a French one', () => {
    expect([...english].filter(([path, text]) => french.get(path) === text && !SAME_IN_FRENCH.has(path)).map(([path]) => path)).toEqual([]);
  });

  it('adds only phrases Decap has (a mistyped path would be ignored by Decap)', () => {
    expect([...leaves(FRENCH_PHRASES).keys()].filter((path) => !english.has(path))).toEqual([]);
  });

  it('dates the workflow cards as French writes them, with dayjs in French as the admin page sets it', () => {
    const pattern = french.get('workflow.workflow.dateFormat')!;
    expect(dayjs('2026-12-03T10:00:00').locale('fr').format(pattern)).toBe('3 décembre');
    expect(dayjs('2026-08-01T10:00:00').locale('fr').format(pattern)).toBe('1 août');
    expect(french.get('workflow.workflowCard.deleteChanges')).toBe('Supprimer les modifications');
  });

  it('sets every phrase in the site’s typography: elisions with ’, one ellipsis character, no typo left', () => {
    expect([...french].filter(([, text]) => /\p{L}'\p{L}|\.\.\./u.test(text)).map(([path]) => path)).toEqual([]);
    expect(french.get('ui.toast.entryUpdated')).toBe('Statut de l’entrée mis à jour');
    expect(french.get('auth.errors.identitySettings')).toMatch(/^Impossible d’accéder aux paramètres d’identité\./);
  });
});
