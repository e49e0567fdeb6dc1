/**
 * Decap CMS in French, completely. The French locale of `decap-cms-locales`
 * (3.8) leaves the top bar's « Media » in English and lacks phrases that Decap
 * then takes from its English locale (it merges English under the chosen one:
 * decap-cms-core `lib/phrases.js`): the list and grid view buttons, the notes
 * of the editorial workflow, the status tips of the editor's toolbar, the
 * multiple image and file choosers, toasts; it writes the workflow cards' dates
 * month first and misspells two words. These phrases complete it; words
 * that are the same in French (« Collections », « Images », « Code »,
 * « Markdown ») and placeholders stay as they are.
 */

/** Decap's phrases: nested keys, Polyglot strings (`%{name}` placeholders). */
export interface Phrases {
  readonly [key: string]: string | Phrases;
}

/** French for what the French locale leaves in English. */
export const FRENCH_PHRASES: Phrases = {
  auth: {
    loginWithForgejo: 'Se connecter avec Forgejo',
    errors: {
      // The locale's text says « Impsosible ».
      identitySettings:
        'Impossible d’accéder aux paramètres d’identité. Si vous utilisez le backend git-gateway, vérifiez que le service Identity et la passerelle Git sont activés.',
    },
  },
  app: { header: { media: 'Médias' } },
  collection: {
    collectionTop: { viewAsList: 'Afficher en liste', viewAsGrid: 'Afficher en grille' },
    entries: { unpublishedHeader: 'Entrées non publiées' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Champ %{widgetLabel}' } },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'Remplir depuis une autre langue',
        copyFromLocaleConfirm: 'Remplir avec le contenu en %{locale} ?\nTout le contenu déjà saisi sera remplacé.',
      },
    },
    editorInterface: { toggleNotes: 'Afficher ou masquer les notes' },
    editorNotesPane: {
      title: 'Notes',
      emptyState: 'Aucune note pour l’instant. Ajoutez la première ci-dessous pour échanger avec l’équipe.',
      addNote: 'Ajouter la note',
      addPlaceholder: 'Ajouter une note…',
      editPlaceholder: 'Modifier la note…',
      save: 'Enregistrer',
      cancel: 'Annuler',
      edit: 'Modifier',
      delete: 'Supprimer',
      resolve: 'Marquer comme traitée',
      unresolve: 'Marquer comme à traiter',
      confirmDelete: 'Supprimer cette note ?',
      shortcut: 'Astuce : Ctrl+Entrée ajoute la note.',
    },
    editorToolbar: {
      statusInfoTooltipDraft: 'Cette entrée est un brouillon. Pour la soumettre à la relecture, passez son statut à « En cours de révision ».',
      statusInfoTooltipInReview: 'Cette entrée est en relecture : rien d’autre à faire. Vous pouvez encore la modifier pendant la relecture.',
    },
    editorWidgets: {
      markdown: { strikethrough: 'Barré', toggleMode: { rich: 'Passer en mode texte enrichi', markdown: 'Passer en mode Markdown' } },
      image: { chooseMultiple: 'Choisir des images', addMore: 'Ajouter des images', removeAll: 'Retirer toutes les images' },
      file: { chooseMultiple: 'Choisir des fichiers', addMore: 'Ajouter des fichiers', removeAll: 'Retirer tous les fichiers' },
      datetime: { setToNow: 'Mettre %{fieldLabel} à maintenant' },
      object: { expand: 'Déplier', collapse: 'Replier' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Fermer' } },
  // The day before the month, as French writes dates (« 3 décembre »; the locale has `MMMM D`),
  // with French month names: `src/admin/init-cms.ts` sets dayjs's locale, which formats it.
  workflow: {
    workflow: { dateFormat: 'D MMMM' },
    workflowCard: { deleteChanges: 'Supprimer les modifications' },
  },
  ui: {
    settingsDropdown: { account: 'Menu du compte' },
    toast: {
      noteAdded: 'Note ajoutée',
      onFailToAddNote: 'La note n’a pas pu être ajoutée : %{details}',
      noteUpdated: 'Note modifiée',
      onFailToUpdateNote: 'La note n’a pas pu être modifiée : %{details}',
      noteDeleted: 'Note supprimée',
      onFailToDeleteNote: 'La note n’a pas pu être supprimée : %{details}',
      noteResolved: 'Note marquée comme traitée',
      noteReopened: 'Note marquée comme à traiter',
      onFailToToggleNote: 'L’état de la note n’a pas pu être changé : %{details}',
    },
  },
};

function mergePhrases(base: Phrases, extra: Phrases): Phrases {
  const merged: Record<string, string | Phrases> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = typeof value === 'object' && typeof current === 'object' ? mergePhrases(current, value) : value;
  }
  return merged;
}

/**
 * The site's typography in a phrase (the house style): the apostrophe of an
 * elision is `’` (« l’entrée », the locale types `'`), and three dots are
 * one ellipsis `…`. Placeholders (`%{name}`) have neither.
 */
function typesetPhrase(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1’').replaceAll('...', '…');
}

function typesetPhrases(phrases: Phrases): Phrases {
  return Object.fromEntries(Object.entries(phrases).map(([key, value]) => [key, typeof value === 'string' ? typesetPhrase(value) : typesetPhrases(value)]));
}

/**
 * The French locale to register (`CMS.registerLocale('fr', …)`): Decap's own,
 * with `FRENCH_PHRASES` added or put in place of its English words, set in
 * the site's typography (`’`, `…`).
 * @param french `fr` of `decap-cms-locales`
 */
export function completeFrenchLocale(french: Phrases): Phrases {
  return typesetPhrases(mergePhrases(french, FRENCH_PHRASES));
}
