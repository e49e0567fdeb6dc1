/**
 * The sentences that give the number of startups listed, read by screen
 * readers from the directory's polite live region. French counts via `Intl`.
 */
import { formatCount } from '../format/money.ts';

function startups(count: number): string {
  return `${formatCount(count)} ${count > 1 ? 'startups' : 'startup'}`;
}

/**
 * The count of a pre-built listing page: `12 startups.`,
 * `Startups 25 à 48 sur 250 (page 2 sur 11).`, `Aucune startup pour l’instant.`
 */
export function describeListing(listing: { readonly total: number; readonly offset: number; readonly page: number; readonly pageCount: number; readonly startups: readonly unknown[] }): string {
  if (listing.total === 0) return 'Aucune startup pour l’instant.';
  if (listing.pageCount === 1) return `${startups(listing.total)}.`;
  const first = listing.offset + 1;
  const last = listing.offset + listing.startups.length;
  return `Startups ${formatCount(first)} à ${formatCount(last)} sur ${formatCount(listing.total)} (page ${listing.page} sur ${listing.pageCount}).`;
}

/**
 * The count of a filtered view in the browser: `Aucune startup ne correspond à ces critères.`,
 * `3 startups correspondent à ces critères.`, `250 startups correspondent à ces critères, 24 affichées.`
 * @param matching startups that match the query
 * @param shown cards on screen (at most `matching`)
 */
export function describeSelection(matching: number, shown: number): string {
  if (matching === 0) return 'Aucune startup ne correspond à ces critères.';
  const verb = matching > 1 ? 'correspondent' : 'correspond';
  const more = shown < matching ? `, ${formatCount(shown)} ${shown > 1 ? 'affichées' : 'affichée'}` : '';
  return `${startups(matching)} ${verb} à ces critères${more}.`;
}
