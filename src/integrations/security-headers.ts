/**
 * Astro integration: after the build, writes `_headers` (Netlify's custom
 * headers file) into the output folder from `src/lib/security/security-headers.ts`.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { readProductionBackend } from '../lib/cms/select-cms-backend.ts';
import { renderHeadersFile, securityHeaderRules } from '../lib/security/security-headers.ts';

/** The integration; options come from the build's environment (`DECAP_*`, `TURNSTILE_SITE_KEY`). */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const entries = await readdir(outDir, { withFileTypes: true });
        const rules = securityHeaderRules(
          entries.map((entry) => ({ name: entry.name, folder: entry.isDirectory() })),
          { backend: readProductionBackend(process.env), turnstile: Boolean(process.env['TURNSTILE_SITE_KEY']) },
        );
        await writeFile(join(outDir, '_headers'), renderHeadersFile(rules));
      },
    },
  };
}
