/**
 * The directory's compact index, built once per build from the published site
 * and shared by the listing pages and the JSON file the directory's script loads.
 */
import { buildDirectoryIndex, type DirectoryIndex } from '../lib/directory/directory-index.ts';
import { loadSite } from './site.ts';

let building: Promise<DirectoryIndex> | undefined;

/** The directory index, built on first call and reused. */
export function loadDirectoryIndex(): Promise<DirectoryIndex> {
  building ??= loadSite().then(({ site }) => buildDirectoryIndex(site.startups));
  return building;
}
