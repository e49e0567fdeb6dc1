/**
 * What the form pages quote and choose from, once per build: the settings'
 * lists and ceiling, and the startups an order may name (real ones, never a
 * fictional sample; names and slugs only, never their private order addresses).
 */
import type { PublicFormContext } from '../lib/forms/definitions/form-definition.ts';
import { isOrderableStartup } from '../lib/content-model/is-orderable-startup.ts';
import { settings } from './settings.ts';
import { loadSite } from './site.ts';

/** The public context of the form pages. */
export async function loadFormContext(): Promise<PublicFormContext> {
  const { site } = await loadSite();
  return {
    sectors: settings.sectors,
    technologies: settings.technologies,
    orderCeilingHt: settings.order_ceiling_ht,
    startups: site.startups.filter(isOrderableStartup).map((startup) => ({ slug: startup.slug, name: startup.name })),
  };
}
