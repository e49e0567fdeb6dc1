/**
 * The directory's facets: what a visitor can filter startups by, with the
 * URL parameter of each (`/startups/?secteur=sante&offre=etude`) and the path
 * segment of its pre-built listings (`/startups/secteur/sante/`).
 */

/** URL parameter and path segment of each facet, in the order they are shown. */
export const FACET_KEYS = ['secteur', 'technologie', 'commune', 'offre'] as const;

export type FacetKey = (typeof FACET_KEYS)[number];

/** French label of each facet (form labels, headings). */
export const FACET_LABELS: Readonly<Record<FacetKey, string>> = {
  secteur: 'Secteur',
  technologie: 'Technologie',
  commune: 'Commune',
  offre: 'Type d’offre',
};

/** One value of a facet: its URL slug, its French label and how many startups have it. */
export interface FacetValue {
  readonly slug: string;
  readonly label: string;
  readonly count: number;
}

/**
 * URL slug of a facet value: ASCII kebab-case, accents dropped.
 * `Énergie et environnement` → `energie-et-environnement`, `Saint-Louis` → `saint-louis`.
 * @returns the slug; empty when the value holds no letter or digit
 */
export function slugifyFacetValue(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
