/** The site's page templates, one page each, shared by the browser tests (accessibility, reflow, screenshots). */

/** A page to visit: a name for the test title, its path, and what shows (with JavaScript on) that its scripts are done. */
export interface PageTemplate {
  readonly name: string;
  readonly path: string;
  readonly ready?: string;
}

/** One page per template, and what shows that its scripts are done. */
export const TEMPLATES: readonly PageTemplate[] = [
  { name: 'home', path: '/' },
  { name: 'directory', path: '/startups/' },
  { name: 'directory, pre-built filtered page', path: '/startups/secteur/industrie-du-futur/' },
  { name: 'directory, filtered in the browser', path: '/startups/?secteur=industrie-du-futur&offre=etude&tri=date', ready: '[data-directory-count]:has-text("correspond")' },
  { name: 'directory, no result', path: '/startups/?secteur=sante&commune=mulhouse', ready: '[data-directory-count]:has-text("Aucune")' },
  { name: 'startup profile', path: '/startups/demo-capteurs-rhin/' },
  { name: 'buyers list', path: '/acheteurs/' },
  { name: 'buyer profile', path: '/acheteurs/ville-de-mulhouse/' },
  { name: 'results', path: '/resultats/' },
  { name: 'news list', path: '/actualites/' },
  { name: 'news item', path: '/actualites/ouverture-du-site/' },
  { name: 'application form', path: '/candidater/' },
  { name: 'order request form', path: '/demander-un-bon-de-commande/' },
  { name: 'buyer commitment form', path: '/s-engager/' },
  { name: 'charter', path: '/charte/' },
  { name: 'open data', path: '/donnees/' },
  { name: 'legal notice', path: '/mentions-legales/' },
  { name: 'privacy notice', path: '/confidentialite/' },
  { name: 'accessibility statement', path: '/accessibilite/' },
  { name: 'search with results', path: '/recherche/?q=capteurs', ready: '[data-search-results] li' },
  { name: '404', path: '/cette-page-n-existe-pas/' },
];
