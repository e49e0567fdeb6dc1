/**
 * Where a startup profile's "request a first order" button leads: an e-mail to
 * the programme team with the startup named in the subject. The private order
 * contact of the startup is never used here: it must not appear on the site.
 */
import type { StartupData } from '../content-model/collections.ts';
import type { Published } from './assemble-site.ts';

/**
 * @param startup the startup to preselect (its public name only)
 * @param programmeEmail the programme team's address, from settings
 * @returns a `mailto:` URL with an encoded French subject
 */
export function buildOrderRequestHref(startup: Pick<Published<StartupData>, 'name'>, programmeEmail: string): string {
  const subject = `Demande de premier bon de commande : ${startup.name}`;
  return `mailto:${programmeEmail}?subject=${encodeURIComponent(subject)}`;
}
