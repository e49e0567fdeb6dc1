/**
 * What the dev server's file watcher leaves alone (`vite.server.watch.ignored`
 * in astro.config.mjs): the project's scratch folder `tmp/` and the build
 * output `dist/`. `tmp/` holds the scale benchmark's sites and the tests'
 * scratch copies (tens of thousands of folders): watching them used up the
 * system's inotify watches (« ENOSPC: System limit for number of file watchers
 * reached »), after which a file saved in the content folder went unseen (a
 * run of tests/e2e/dev-server.test.ts). The content folder being served is
 * still watched when it lies under `tmp/` (the tests' scratch copies), and so
 * are the folders above it, which the watcher walks through to reach it.
 * Vite's own defaults (`.git`, `node_modules`, `test-results`) still apply.
 */
import { isAbsolute, join, resolve, sep } from 'node:path';

/** Folders of the project, relative to its root, that are never the dev server's to watch. */
const UNWATCHED_FOLDERS = ['tmp', 'dist'] as const;

const isInside = (folder: string, path: string) => path === folder || path.startsWith(`${folder}${sep}`);

/**
 * A matcher for chokidar's `ignored` option.
 * @param projectRoot absolute path of the project
 * @param contentRoot absolute path of the content folder served (`CONTENT_DIR` or `content/`)
 * @returns for a watched path (absolute, or relative to `projectRoot`), true when the watcher must skip it
 */
export function createDevWatchIgnored(projectRoot: string, contentRoot: string): (path: string) => boolean {
  const unwatched = UNWATCHED_FOLDERS.map((folder) => join(projectRoot, folder));
  return (watchedPath) => {
    const path = isAbsolute(watchedPath) ? watchedPath : resolve(projectRoot, watchedPath);
    if (!unwatched.some((folder) => isInside(folder, path))) return false;
    return !isInside(path, contentRoot) && !isInside(contentRoot, path);
  };
}
