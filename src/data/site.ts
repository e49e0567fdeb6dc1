/**
 * Loads every collection once per build and assembles the published site.
 * Calling `getCollection` on every page is a known build-time bottleneck
 * (withastro/astro#16297), so pages share this one cached promise.
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

// In `astro dev` the content store changes under the running server. A page rendered after
// Vite reloaded the pages' modules for a saved file, but before Astro wrote the new store,
// cached the old site, and it stayed: only the store's own module is reloaded then (once in a
// whole test run, under load, the dev-server test saw the old title for 60 s). Astro
// announces each new store with `astro:content-changed`; the next page loads the site again.
import.meta.hot?.on('astro:content-changed', () => {
  loading = undefined;
});

/** The published site, loaded on first call and reused by every page (until the content store changes, in `astro dev`). */
export function loadSite(): Promise<LoadedSite> {
  loading ??= load();
  return loading;
}
