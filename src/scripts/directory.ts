/**
 * The directory with JavaScript: combined filters and sorting, instant, from
 * the compact index (`data-index-url`, fetched once from the site itself),
 * with the query kept in the address (`history.replaceState`) so the view can
 * be shared. Cards are drawn 24 at a time (« Afficher plus de startups »),
 * never the whole directory at once. Without JavaScript the page keeps its
 * pre-built list, links per facet and pagination.
 */
import type { DirectoryIndex, IndexedStartup } from '../lib/directory/directory-index.ts';
import { describeSelection } from '../lib/directory/describe-listing.ts';
import { FACET_KEYS } from '../lib/directory/facets.ts';
import { LISTING_PAGE_SIZE } from '../lib/directory/listing-pages.ts';
import {
  EMPTY_QUERY,
  SORT_PARAMETER,
  hasFilters,
  parseDirectoryQuery,
  selectStartups,
  toSearchParams,
  type DirectoryQuery,
} from '../lib/directory/directory-query.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { composePageTitle, describeDirectoryState } from '../lib/site/page-title.ts';

function required<Element extends HTMLElement>(selector: string): Element {
  const element = document.querySelector<Element>(selector);
  if (element === null) throw new Error(`directory: ${selector} missing`);
  return element;
}

const form = required<HTMLFormElement>('[data-directory-form]');
const results = required<HTMLElement>('[data-directory-results]');
const count = required<HTMLElement>('[data-directory-count]');
const empty = required<HTMLElement>('[data-directory-empty]');
const more = required<HTMLButtonElement>('[data-directory-more]');
const heading = required<HTMLHeadingElement>('h1[data-directory-heading]');
const pagination = document.querySelector<HTMLElement>('[data-directory-pagination]');
const siteName = required<HTMLMetaElement>('meta[property="og:site_name"]').content;
/** Title of the whole directory, shown again when every filter is cleared. */
const directoryTitle = composePageTitle([heading.dataset['directoryHeading']!], siteName);

let loading: Promise<DirectoryIndex> | undefined;
let matching: IndexedStartup[] = [];
let shown = 0;

function loadIndex(): Promise<DirectoryIndex> {
  loading ??= fetch(form.dataset['indexUrl']!).then((response) => {
    if (!response.ok) throw new Error(`directory index: HTTP ${response.status}`);
    return response.json() as Promise<DirectoryIndex>;
  });
  return loading;
}

function select(name: string): HTMLSelectElement {
  return form.elements.namedItem(name) as HTMLSelectElement;
}

function readForm(): DirectoryQuery {
  const parameters = new URLSearchParams();
  for (const key of [...FACET_KEYS, SORT_PARAMETER]) parameters.set(key, select(key).value);
  return parseDirectoryQuery(parameters);
}

function writeForm(query: DirectoryQuery): void {
  for (const key of FACET_KEYS) select(key).value = query.filters[key] ?? '';
  select(SORT_PARAMETER).value = query.sort;
}

/** One field of a card copied from the `<template>` (see `data-card` in src/components/StartupCard.tsx). */
function cardField(card: HTMLElement, name: string): HTMLElement {
  const field = card.querySelector<HTMLElement>(`[data-card="${name}"]`);
  if (field === null) throw new Error(`directory: card field ${name} missing`);
  return field;
}

/** A card for `startup`: a copy of the StartupCard markup rendered into the page's `<template>`, filled from the index. */
function renderCard(index: DirectoryIndex, startup: IndexedStartup): HTMLElement {
  const card = required<HTMLTemplateElement>('template[data-card-template]').content.firstElementChild!.cloneNode(true) as HTMLElement;
  const link = cardField(card, 'name') as HTMLAnchorElement;
  link.textContent = startup.name;
  link.href = `/startups/${startup.slug}/`;
  if (!startup.sample) card.querySelector('.badge--sample')?.remove();
  const labels = (key: (typeof FACET_KEYS)[number]) => startup.values[key].map((position) => index.facets[key][position]!.label).join(', ');
  cardField(card, 'tagline').textContent = fr(startup.tagline);
  cardField(card, 'commune').textContent = labels('commune');
  cardField(card, 'sectors').textContent = labels('secteur');
  cardField(card, 'offers').textContent = labels('offre');
  return card;
}

function showMore(index: DirectoryIndex): HTMLElement | undefined {
  const batch = matching.slice(shown, shown + LISTING_PAGE_SIZE);
  const cards = batch.map((startup) => renderCard(index, startup));
  results.append(...cards);
  shown += batch.length;
  more.hidden = shown >= matching.length;
  count.textContent = fr(describeSelection(matching.length, shown));
  return cards[0];
}

async function apply(query: DirectoryQuery): Promise<void> {
  const index = await loadIndex();
  matching = selectStartups(index, query);
  shown = 0;
  results.replaceChildren();
  if (pagination) pagination.hidden = true;
  empty.hidden = matching.length > 0;
  showMore(index);
  const search = toSearchParams(query).toString();
  history.replaceState(null, '', search === '' ? '/startups/' : `/startups/?${search}`);
  // A pre-built facet page (`/startups/secteur/sante/`) now shows the whole directory's query.
  heading.textContent = heading.dataset['directoryHeading']!;
  document.title = hasFilters(query) ? composePageTitle([describeDirectoryState(matching.length)], siteName) : directoryTitle;
}

form.hidden = false;
required<HTMLElement>('[data-directory-links]').hidden = true;
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('change', () => void apply(readForm()));
required<HTMLButtonElement>('[data-directory-reset]').addEventListener('click', () => {
  writeForm(EMPTY_QUERY);
  void apply(EMPTY_QUERY);
});
more.addEventListener('click', () => {
  void loadIndex().then((index) => showMore(index)?.querySelector('a')?.focus());
});

// A shared address (`/startups/?secteur=sante&tri=date`) restores its view.
const initial = parseDirectoryQuery(new URLSearchParams(location.search));
if (hasFilters(initial) || initial.sort !== EMPTY_QUERY.sort) {
  writeForm(initial);
  void apply(initial);
}
