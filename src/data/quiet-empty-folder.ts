/**
 * Build-time glue: a content loader that does not warn about a collection
 * folder with no entry yet. Astro's glob loader warns « No files found matching
 * "*.md" in directory "content/orders" » at each content sync
 * (astro/dist/content/loaders/glob.js); here an empty collection is a normal
 * state (no order placed yet, `src/lib/content-model/list-entry-files.ts`), so
 * that message is not passed on. Every other message of the loader is, and the
 * loader still watches the folder under `astro dev`: the first entry added
 * shows up without a restart. Should Astro reword the message, it is shown again
 * (harmless).
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** Astro's wording of the warning for a folder without matching files. */
const EMPTY_FOLDER_WARNING = /^No files found matching "[^"]*" in directory "[^"]*"$/;

type Logger = LoaderContext['logger'];

function withoutEmptyFolderWarning(logger: Logger): Logger {
  const quiet: Logger = Object.create(logger);
  quiet.warn = (message: string) => {
    if (!EMPTY_FOLDER_WARNING.test(message)) logger.warn(message);
  };
  return quiet;
}

/**
 * The same loader, without the empty-folder warning.
 * @param loader a glob loader (`glob()` of `astro/loaders`)
 */
export function withQuietEmptyFolder(loader: Loader): Loader {
  return { ...loader, load: (context: LoaderContext) => loader.load({ ...context, logger: withoutEmptyFolderWarning(context.logger) }) };
}
