/**
 * What the form pages quote and choose from, once per build: the settings'
 * lists and ceiling, and the published startups (names, slugs and sample
 * flags only; never their private order addresses).
 */
import type { PublicFormContext } from '../lib/forms/definitions/form-definition.ts';
import { settings } from './settings.ts';
import { loadSite } from './site.ts';

/** The public context of the form pages. */
export async function loadFormContext(): Promise<PublicFormContext> {
  const { site } = await loadSite();
  return {
    sectors: settings.sectors,
    technologies: settings.technologies,
    orderCeilingHt: settings.order_ceiling_ht,
    startups: site.startups.map((startup) => ({ slug: startup.slug, name: startup.name, sample: startup.sample })),
  };
}
