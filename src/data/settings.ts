/**
 * The site settings, read once per build from `content/settings/site.yml`.
 * Build-time glue: pages and the content config import these values.
 */
import { readSiteSettings } from '../lib/content-model/read-settings.ts';
import { toModelContext } from '../lib/content-model/schemas.ts';

/** Validated settings (site name, programme e-mail, ceiling in euros HT, lists, legal facts). */
export const settings = readSiteSettings();

/** The ceiling and controlled lists that content rules depend on. */
export const modelContext = toModelContext(settings);
