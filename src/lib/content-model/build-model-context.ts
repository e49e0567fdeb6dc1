/**
 * The context the content schemas of one content folder are checked in: the
 * ceiling and controlled lists of its settings, and whether an upload named in
 * front matter exists in its `uploads/` folder (`upload-path.ts`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteSettings } from './collections.ts';
import type { ModelContext } from './fields.ts';
import { toModelContext } from './schemas.ts';
import { UPLOADS_IN_CONTENT, uploadFileName } from './upload-path.ts';

/**
 * Build the model context of a content folder, as the build checks its entries.
 * @param contentRoot absolute path of the content folder (see `content-root.ts`)
 * @param settings its validated settings (`read-settings.ts`)
 */
export function buildModelContext(contentRoot: string, settings: SiteSettings): Required<ModelContext> {
  return {
    ...toModelContext(settings),
    mediaExists: (publicPath: string) => existsSync(join(contentRoot, UPLOADS_IN_CONTENT, uploadFileName(publicPath))),
  };
}
