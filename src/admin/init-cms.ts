/**
 * Starts Decap CMS in the browser with the configuration derived at build time
 * (`load_config_file: false`: there is no config.yml), in French (Decap's locale
 * completed: `complete-french-locale.ts`) — unless the
 * page was opened with an invitation or reset link (`#invite_token=…`), which
 * goes to the editor account page first (`src/lib/cms/identity-link.ts`).
 */
import CMS from 'decap-cms-app';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import { fr } from 'decap-cms-locales';
import type { CmsConfig } from 'decap-cms-core';
import { completeFrenchLocale } from '../lib/cms/complete-french-locale.ts';
import { selectCmsBackend, type ProductionBackend } from '../lib/cms/select-cms-backend.ts';
import type { DecapContentConfig } from '../lib/content-model/to-decap.ts';
import type { ModelContext } from '../lib/content-model/fields.ts';
import { registerPreviewTemplates } from './preview-templates.tsx';
import { registerUploadAwareImageWidget } from './upload-asset.tsx';
import { forwardIdentityLink } from '../lib/cms/identity-link.ts';

interface AdminPayload {
  readonly content: DecapContentConfig;
  readonly production: ProductionBackend;
  /** Ceiling and controlled lists, for the previews' build-rule check. */
  readonly context: ModelContext;
}

// An invitation or reset link is being sent on to the account page (`src/scripts/forward-identity-link.ts`, loaded first).
if (forwardIdentityLink(window.location.hash) === null) startCms();

/** Start Decap CMS with the build's configuration and the backend of this host. */
function startCms(): void {
  const payload = JSON.parse(document.getElementById('cms-config')?.textContent ?? '{}') as AdminPayload;
  const config: CmsConfig = { ...payload.content, ...selectCmsBackend(window.location, payload.production) };

  CMS.registerLocale('fr', completeFrenchLocale(fr));
  // Decap formats the workflow cards' dates with dayjs, whose locale is global and English by default.
  dayjs.locale('fr');
  registerPreviewTemplates(CMS, payload.context);
  registerUploadAwareImageWidget(CMS);
  CMS.init({ config });
}
