/**
 * Facts about the local Netlify Blobs folder that `astro dev` fills through
 * `@netlify/vite-plugin` (`@netlify/dev` runs a `BlobsServer` on
 * `.netlify/blobs-serve`). Its layout is `entries/<site ID>/site:<store>/<key>`
 * (values) and `metadata/<site ID>/site:<store>/<key>`; the site ID is the one
 * of `.netlify/state.json` (`siteId`) when the folder is linked to a Netlify
 * site, `0` otherwise.
 */

/** Default folder of the dev emulation, relative to the project root. */
export const DEV_BLOBS_DIRECTORY = '.netlify/blobs-serve';

/** Site ID the dev emulation uses when the project is not linked to a site. */
export const UNLINKED_SITE_ID = '0';

/** Folder name of a site-wide store in the local layout. */
export function localStoreFolder(storeName: string): string {
  return `site:${storeName}`;
}

/**
 * Which site folder holds the store: the linked site's, else the unlinked
 * one (`0`), else the only one there is.
 * @param siteIdsWithStore site folders of `entries/` that contain the store
 * @param linkedSiteId `siteId` of `.netlify/state.json`, if any
 * @returns undefined when no folder holds the store (nothing was ever submitted)
 */
export function chooseLocalSiteId(siteIdsWithStore: readonly string[], linkedSiteId: string | undefined): string | undefined {
  if (linkedSiteId && siteIdsWithStore.includes(linkedSiteId)) return linkedSiteId;
  if (siteIdsWithStore.includes(UNLINKED_SITE_ID)) return UNLINKED_SITE_ID;
  return siteIdsWithStore.length === 1 ? siteIdsWithStore[0] : undefined;
}

/** `map` with at most `limit` calls of `task` running at once; results in input order. */
export async function mapWithConcurrency<Item, Result>(items: readonly Item[], limit: number, task: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as Item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
