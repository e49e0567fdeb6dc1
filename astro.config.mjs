// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { readSiteSettings } from './src/lib/content-model/read-settings.ts';
import { rehypeFrenchSpacing } from './src/lib/markdown/rehype-french-spacing.ts';

const settings = readSiteSettings();

export default defineConfig({
  site: settings.site_url,
  // Netlify serves pretty URLs from `page/index.html`: links always end with a
  // slash so that none goes through a redirect.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
  markdown: { rehypePlugins: [rehypeFrenchSpacing] },
  devToolbar: { enabled: false },
});
