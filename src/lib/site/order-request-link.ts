/**
 * Where a startup profile's "request a first order" button leads: the order
 * request form, with the startup named in the address so that the form's
 * script preselects it. Only the public slug is used: the startup's private
 * order contact never appears on the site.
 */
import type { StartupData } from '../content-model/collections.ts';
import type { Published } from './assemble-site.ts';
import { demandeBonDeCommande } from '../forms/definitions/demande-bon-de-commande.ts';

/**
 * @param startup the startup to preselect (its slug only)
 * @returns e.g. `/demander-un-bon-de-commande/?startup=demo-capteurs-rhin`
 */
export function buildOrderRequestHref(startup: Pick<Published<StartupData>, 'slug'>): string {
  return `${demandeBonDeCommande.path}?${new URLSearchParams({ startup: startup.slug })}`;
}
