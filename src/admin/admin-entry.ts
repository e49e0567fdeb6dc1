/**
 * The CMS page's one script (src/pages/admin/index.astro). Under `astro dev`,
 * Vite serves it from the sources; `astro build` bundles it apart from the site,
 * once per change of its inputs (src/integrations/admin-bundle.ts).
 */
// React's refresh preamble under `astro dev` (an empty module in builds): Astro adds it
// only to pages with a React island, and without it the CMS's .tsx modules throw
// « can't detect preamble » (a blank page, issue 13). It must be evaluated first.
import '@vitejs/plugin-react/preamble';
import './init-cms.ts';
