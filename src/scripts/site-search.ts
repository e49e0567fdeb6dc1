/**
 * The search page with JavaScript: reads `?q=` from the address, asks
 * Pagefind (`/pagefind/pagefind.js`, served by the site itself, which loads its
 * WebAssembly and index files from the same folder) and lists the results with
 * their kind and an excerpt. Searching again keeps the words in the address.
 * The result count goes to a polite live region.
 * https://pagefind.app/docs/api/
 */
import { formatCount } from '../lib/format/money.ts';
import { removeElisions } from '../lib/search/french-elisions.ts';
import { composePageTitle, describeSearchState } from '../lib/site/page-title.ts';

/** The part of Pagefind's JavaScript API used here. */
interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<ResultData> }[] }>;
}

interface ResultData {
  readonly url: string;
  /** HTML: text escaped by Pagefind, matches in `<mark>`. */
  readonly excerpt: string;
  readonly meta: { readonly title?: string; readonly type?: string };
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
/** `npm run dev` serves the index of the last build only (src/integrations/dev-search-index.ts). */
const DEV_UNAVAILABLE =
  'La recherche n’est pas disponible avec npm run dev tant que le site n’a pas été construit\u00a0: lancez npm run build, puis rechargez cette page (la recherche porte alors sur le contenu de cette construction).';
const SHOWN_RESULTS = 20;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.elements.namedItem('q') as HTMLInputElement;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;

let loading: Promise<Pagefind> | undefined;

/** The title at load (« Rechercher — site »), which the state of each search precedes. */
const baseTitle = document.title;

function setTitle(state: string): void {
  document.title = composePageTitle([state], baseTitle);
}

function loadPagefind(): Promise<Pagefind> {
  loading ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 24 });
    return pagefind;
  });
  return loading;
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const kind = document.createElement('p');
  kind.className = 'search-result__kind';
  kind.textContent = data.meta.type ?? 'Page';
  const title = document.createElement('h2');
  title.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.innerHTML = data.excerpt;
  item.append(kind, title, excerpt);
  return item;
}

async function search(term: string): Promise<void> {
  const words = term.trim();
  list.replaceChildren();
  if (words === '') {
    status.textContent = 'Saisissez un ou plusieurs mots.';
    return;
  }
  status.textContent = 'Recherche en cours…';
  try {
    const pagefind = await loadPagefind();
    const { results } = await pagefind.search(removeElisions(words));
    const shown = await Promise.all(results.slice(0, SHOWN_RESULTS).map((result) => result.data()));
    list.replaceChildren(...shown.map(renderResult));
    const total = results.length;
    setTitle(describeSearchState(words, total));
    status.textContent =
      total === 0
        ? `Aucun résultat pour «\u00a0${words}\u00a0».`
        : `${formatCount(total)} ${total > 1 ? 'résultats' : 'résultat'} pour «\u00a0${words}\u00a0»${total > shown.length ? `, les ${shown.length} premiers affichés` : ''}.`;
  } catch {
    setTitle(describeSearchState(words, undefined));
    status.textContent = import.meta.env.DEV ? DEV_UNAVAILABLE : 'La recherche est indisponible pour le moment. Réessayez plus tard.';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const parameters = new URLSearchParams({ q: input.value.trim() });
  history.replaceState(null, '', `/recherche/?${parameters.toString()}`);
  void search(input.value);
});

// The page says that search needs JavaScript until this script runs (a
// <noscript> would also stay hidden when the script is blocked or fails to load).
document.querySelector<HTMLElement>('[data-search-without-script]')!.hidden = true;
const initial = new URLSearchParams(location.search).get('q') ?? '';
input.value = initial;
if (initial.trim() !== '') void search(initial);
