// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { readSiteSettings } from './src/lib/content-model/read-settings.ts';
import { siteMarkdownProcessor, sitePlaceholders } from './src/lib/markdown/site-markdown.ts';
import { resolveContentRoot } from './src/lib/content-model/content-root.ts';
import { pagefindIndex } from './src/integrations/pagefind-index.ts';
import { localCmsBackend } from './src/integrations/local-cms-backend.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { localFunctions } from './src/integrations/local-functions.ts';
import { devSearchIndex } from './src/integrations/dev-search-index.ts';
import { adminBundle } from './src/integrations/admin-bundle.ts';
import { legalSettingsCheck } from './src/integrations/legal-settings-check.ts';
import { dataStoreFromFile } from './src/integrations/data-store-from-file.ts';
import { SETTINGS_FILE_IN_CONTENT } from './src/lib/content-model/collections.ts';
import { UPLOADS_IN_CONTENT } from './src/lib/content-model/upload-path.ts';
import { createDevWatchIgnored } from './src/lib/build/dev-watch-ignored.ts';
import { join, relative } from 'node:path';

const contentRoot = resolveContentRoot(process.env, process.cwd());
const settings = readSiteSettings(contentRoot);
// Another content folder (tests, scale benchmark) gets its own content cache, and
// its own Vite cache: two dev servers sharing `node_modules/.vite` re-bundle each
// other's dependencies, and pages then fail with « 504 Outdated Optimize Dep ».
const cacheDir = process.env.CONTENT_DIR ? `./node_modules/.astro/${encodeURIComponent(contentRoot)}` : undefined;

export default defineConfig({
  site: settings.site_url,
  ...(cacheDir ? { cacheDir } : {}),
  // Netlify serves pretty URLs from `page/index.html`: links always end with a
  // slash so that none goes through a redirect.
  trailingSlash: 'always',
  // Stylesheets stay files: the Content-Security-Policy allows no inline style
  // (src/lib/security/security-headers.ts, which the integration writes to `_headers`).
  // Four pages render at a time (issue 13): while one page's file is written and its
  // search part sent, the next renders. Paired builds: 1 000 startups 1.3–2.9 s faster
  // in six pairs out of six, 10 000 startups 2.5–11 s in two out of two.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [
    // Fails a production build (CONTEXT=production) while a legal fact is missing.
    legalSettingsCheck(settings, relative(process.cwd(), join(contentRoot, SETTINGS_FILE_IN_CONTENT))),
    // Static cards and profiles render with renderToString: a streamed render per card
    // made listing pages three times slower than profiles (issue 13); none suspends.
    react({ experimentalDisableStreaming: true }),
    // Builds read the content store from its JSON file, not from a 27 MB string module (issue 13).
    dataStoreFromFile(),
    // The CMS script: the same cached production bundle in dev and in builds.
    adminBundle(),
    // The CMS, the editors' account page and the form answer pages are not for search engines.
    sitemap({ filter: (page) => !/\/(admin|compte-editeur|formulaires)\//.test(new URL(page).pathname) }),
    securityHeaders(),
    // Pagefind runs last, on the final HTML; it writes the index while the directory's
    // listing pages (not indexed: they repeat the profiles) render (issue 13).
    pagefindIndex({ renderedWhileIndexWrites: ['src/pages/startups/[...listing].astro'] }),
    // In `astro dev`, search uses the last build's index when there is one.
    devSearchIndex(),
  ],
  // Sätteri, Astro's own processor, with the site's plugins: the unified (remark/rehype)
  // processor took three times as long (issue 13: build time).
  markdown: { processor: siteMarkdownProcessor(sitePlaceholders(settings)) },
  devToolbar: { enabled: false },
  // Loopback only. Vite's host check (`allowedHosts` left at its default) refuses
  // any Host name but localhost, so no web page can reach the dev server, its
  // functions or the CMS backend by DNS rebinding (tests/e2e/dev-server.test.ts).
  server: { host: '127.0.0.1' },
  vite: {
    ...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}),
    server: {
      strictPort: true,
      // A file saved by the CMS fires its first change event when it is opened for writing
      // (truncated); Astro's content loader then read it half written, failed to parse it and
      // got no further event: the site kept the old text until a restart (once in a CI run of
      // tests/e2e/dev-server.test.ts). Change events wait until the file's size holds still.
      // Not tmp/ nor dist/ (but the content folder served, even from tmp/): src/lib/build/dev-watch-ignored.ts.
      watch: { awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 }, ignored: createDevWatchIgnored(process.cwd(), contentRoot) },
    },
    // The uploads of the content folder being built, for `import.meta.glob` in src/data/uploads.ts.
    resolve: { alias: { '@uploads': join(contentRoot, UPLOADS_IN_CONTENT) } },
    // Decap's local backend at /api/v1/ and the functions of netlify/functions, in-process,
    // on the dev server's own origin (`astro dev` only).
    plugins: [localCmsBackend(), localFunctions()],
  },
});
