/**
 * Loads every collection once per build and assembles the published site.
 * Calling `getCollection` on every page is a known build-time bottleneck
 * (withastro/astro#16297), so pages share this one cached promise (under
 * `astro dev`, whose store changes while it runs, each page loads it: `loadSite`).
 */
import { join } from 'node:path';
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { loadFolderEntries } from '../lib/content-model/list-entry-files.ts';
import { assembleSite, type ContentEntry, type Site } from '../lib/site/assemble-site.ts';
import { contentRoot } from './settings.ts';

/** The assembled site and the raw entries (to render Markdown bodies), by slug. */
export interface LoadedSite {
  readonly site: Site;
  readonly entries: { readonly [Key in CollectionKey]: ReadonlyMap<string, CollectionEntry<Key>> };
}

let loading: Promise<LoadedSite> | undefined;

function toContentEntry<Data>(entry: { id: string; filePath?: string; data: Data; body?: string }): ContentEntry<Data> {
  return { id: entry.id, filePath: entry.filePath ?? entry.id, data: entry.data, body: entry.body ?? '' };
}

function bySlug<Entry extends { id: string }>(entries: readonly Entry[]): ReadonlyMap<string, Entry> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

async function load(): Promise<LoadedSite> {
  // An empty folder (no order yet) is not asked of Astro, which would warn that the collection does not exist.
  const entriesOf = <Key extends CollectionKey>(name: Key) => loadFolderEntries(join(contentRoot, name), () => getCollection(name));
  const [startups, buyers, orders, news, pages] = await Promise.all([
    entriesOf('startups'),
    entriesOf('buyers'),
    entriesOf('orders'),
    entriesOf('news'),
    entriesOf('pages'),
  ]);
  const site = assembleSite({
    startups: startups.map((entry) => toContentEntry(entry)),
    buyers: buyers.map((entry) => toContentEntry(entry)),
    orders: orders.map((entry) => toContentEntry(entry)),
    news: news.map((entry) => toContentEntry(entry)),
    pages: pages.map((entry) => toContentEntry(entry)),
  });
  return {
    site,
    entries: { startups: bySlug(startups), buyers: bySlug(buyers), orders: bySlug(orders), news: bySlug(news), pages: bySlug(pages) },
  };
}

/**
 * The published site: in a build, loaded on first call and reused by every page; under
 * `astro dev` (`import.meta.hot`), loaded again for each page, as the content store changes
 * under the running server. A cache dropped on `astro:content-changed` still served a saved
 * entry's old content in the dev-server test (tests/e2e/dev-server.test.ts), its cause not
 * found; a dev page costs one assembly of the site instead.
 */
export function loadSite(): Promise<LoadedSite> {
  if (import.meta.hot) return load();
  loading ??= load();
  return loading;
}
