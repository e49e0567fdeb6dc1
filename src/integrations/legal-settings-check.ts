/**
 * Astro integration: refuses to build the production site while a legal fact
 * of the settings is missing (Netlify sets `CONTEXT=production`), and warns in
 * every other build (local, CI, deploy previews). Rules: `src/lib/site/legal-settings.ts`.
 */
import type { AstroIntegration } from 'astro';
import type { SiteSettings } from '../lib/content-model/collections.ts';
import { checkLegalSettings } from '../lib/site/legal-settings.ts';

/**
 * The integration.
 * @param settings the settings being built
 * @param settingsFile their path, named in the message
 * @throws Error (failing the build) naming each missing setting when `CONTEXT` is `production`
 */
export function legalSettingsCheck(settings: SiteSettings, settingsFile: string): AstroIntegration {
  return {
    name: 'legal-settings-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const warning = checkLegalSettings(settings, process.env['CONTEXT'], settingsFile);
        if (warning) logger.warn(warning);
      },
    },
  };
}
