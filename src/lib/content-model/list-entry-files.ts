/**
 * The entry files of a folder collection, as Astro's glob loader reads them
 * (`pattern: '*.md'`, not in sub-folders: src/content.config.ts), and loading a
 * collection only when it has some. A collection with no entry yet (no order
 * placed, a `.gitkeep` alone) is a normal state: Astro's `getCollection` keeps
 * no store for it and warns, in English, « The collection "orders" does not
 * exist or is empty. Please check your content config file for errors. » on
 * every call (astro/dist/content/runtime.js), which would tell editors and
 * developers something false.
 */
import { readFolder } from '../files/read-folder.ts';

/**
 * Markdown entry files of a collection folder.
 * @param folder absolute path of the folder
 * @returns file names, sorted; none when the folder does not exist
 */
export function listEntryFiles(folder: string): string[] {
  return readFolder(folder)
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
}

/**
 * A collection's entries: `load()` (Astro's `getCollection`) when its folder
 * holds an entry file, none without calling it otherwise.
 * @param folder absolute path of the collection's folder
 */
export async function loadFolderEntries<Entry>(folder: string, load: () => Promise<Entry[]>): Promise<Entry[]> {
  return listEntryFiles(folder).length > 0 ? load() : [];
}
