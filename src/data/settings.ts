/**
 * The site settings, read once per build from `content/settings/site.yml`.
 * Build-time glue: pages and the content config import these values.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveContentRoot } from '../lib/content-model/content-root.ts';
import { UPLOADS_IN_CONTENT, uploadFileName } from '../lib/content-model/upload-path.ts';
import { readSiteSettings } from '../lib/content-model/read-settings.ts';
import { toModelContext } from '../lib/content-model/schemas.ts';

/** Absolute path of the content folder being built (`content/` unless `CONTENT_DIR` says otherwise). */
export const contentRoot = resolveContentRoot(process.env, process.cwd());

/** Validated settings (site name, programme e-mail, ceiling in euros HT, lists, legal facts). */
export const settings = readSiteSettings(contentRoot);

/** The ceiling and controlled lists that content rules depend on, and where uploads are checked. */
export const modelContext = {
  ...toModelContext(settings),
  mediaExists: (publicPath: string) => existsSync(join(contentRoot, UPLOADS_IN_CONTENT, uploadFileName(publicPath))),
};
