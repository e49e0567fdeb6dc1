/**
 * The site settings, read once per build from `content/settings/site.yml`.
 * Build-time glue: pages and the content config import these values.
 */
import { buildModelContext } from '../lib/content-model/build-model-context.ts';
import { resolveContentRoot } from '../lib/content-model/content-root.ts';
import { readSiteSettings } from '../lib/content-model/read-settings.ts';

/** Absolute path of the content folder being built (`content/` unless `CONTENT_DIR` says otherwise). */
export const contentRoot = resolveContentRoot(process.env, process.cwd());

/** Validated settings (site name, programme e-mail, ceiling in euros HT, lists, legal facts). */
export const settings = readSiteSettings(contentRoot);

/** The ceiling and controlled lists that content rules depend on, and where uploads are checked. */
export const modelContext = buildModelContext(contentRoot, settings);
