/**
 * Where the content folder is. Editors' content lives in `content/`; tests and
 * the scale benchmark point `CONTENT_DIR` at another folder of the same shape
 * (for example generated sample content) to build the site from it.
 */
import { isAbsolute, resolve } from 'node:path';

/** Default content folder, relative to the project root (also where the CMS writes). */
export const DEFAULT_CONTENT_DIR = 'content';

/**
 * Absolute path of the content folder.
 * @param env environment; `CONTENT_DIR` may be absolute or relative to `projectRoot`
 * @param projectRoot absolute path of the repository
 */
export function resolveContentRoot(env: Readonly<Record<string, string | undefined>>, projectRoot: string): string {
  const configured = env['CONTENT_DIR'] || DEFAULT_CONTENT_DIR;
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}
