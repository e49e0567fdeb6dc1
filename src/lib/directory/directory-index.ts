/**
 * The compact index of the directory, built once at build time and served as
 * JSON (`/startups/index-annuaire.json`) to the directory's script: enough to
 * filter, sort and draw a card for every startup, without the profile texts.
 * Facet values are stored once and referred to by position, so that 10 000
 * startups stay a small download.
 */
import type { StartupData } from '../content-model/collections.ts';
import { ORDER_KINDS } from '../content-model/collections.ts';
import type { Published } from '../site/assemble-site.ts';
import { FACET_KEYS, slugifyFacetValue, type FacetKey, type FacetValue } from './facets.ts';

/** A startup in the index. */
export interface IndexedStartup {
  readonly slug: string;
  readonly name: string;
  readonly tagline: string;
  /** DAS member since, `YYYY-MM-DD` (Europe/Paris calendar date). */
  readonly memberSince: string;
  /** True for a fictional sample entry (shown with the « Exemple » badge). */
  readonly sample: boolean;
  /** For each facet, positions of this startup's values in `DirectoryIndex.facets[key]`. */
  readonly values: Readonly<Record<FacetKey, readonly number[]>>;
}

/** The whole index: facet values (with counts) and the startups, sorted by name. */
export interface DirectoryIndex {
  readonly facets: Readonly<Record<FacetKey, readonly FacetValue[]>>;
  readonly startups: readonly IndexedStartup[];
}

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Labels of one startup's values for each facet (offer kinds by their French label). */
function facetLabelsOf(startup: StartupData): Record<FacetKey, string[]> {
  const kinds = new Set(startup.offers.map((offer) => offer.kind));
  return {
    secteur: [...new Set(startup.sectors)],
    technologie: [...new Set(startup.technologies)],
    commune: [startup.commune],
    offre: ORDER_KINDS.filter((kind) => kinds.has(kind.value)).map((kind) => kind.label),
  };
}

/** Values of a facet in display order: offer kinds in the model's order, others alphabetically. */
function orderValues(key: FacetKey, labels: Iterable<string>): string[] {
  const present = new Set(labels);
  if (key === 'offre') return ORDER_KINDS.map((kind) => kind.label).filter((label) => present.has(label));
  return [...present].sort(frenchCollator.compare);
}

/**
 * Build the directory index of published startups.
 * @param startups published startups, in the order the directory lists them (by name)
 * @throws Error when two different values of a facet share a URL slug (e.g.
 *   « Santé » and « Sante »), naming both, or a value has no letter or digit
 */
export function buildDirectoryIndex(startups: readonly Published<StartupData>[]): DirectoryIndex {
  const labelsByStartup = startups.map(facetLabelsOf);
  const facets = {} as Record<FacetKey, FacetValue[]>;
  const positions = {} as Record<FacetKey, Map<string, number>>;
  for (const key of FACET_KEYS) {
    const counts = new Map<string, number>();
    for (const labels of labelsByStartup) for (const label of labels[key]) counts.set(label, (counts.get(label) ?? 0) + 1);
    const bySlug = new Map<string, string>();
    facets[key] = orderValues(key, counts.keys()).map((label) => {
      const slug = key === 'offre' ? ORDER_KINDS.find((kind) => kind.label === label)!.value : slugifyFacetValue(label);
      if (slug === '') throw new Error(`Annuaire : la valeur « ${label} » (${key}) ne contient ni lettre ni chiffre.`);
      const other = bySlug.get(slug);
      if (other !== undefined) throw new Error(`Annuaire : « ${other} » et « ${label} » (${key}) donnent la même adresse « ${slug} ».`);
      bySlug.set(slug, label);
      return { slug, label, count: counts.get(label)! };
    });
    positions[key] = new Map(facets[key].map((value, position) => [value.label, position]));
  }
  return {
    facets,
    startups: startups.map((startup, index) => {
      const labels = labelsByStartup[index]!;
      const values = {} as Record<FacetKey, number[]>;
      for (const key of FACET_KEYS) values[key] = labels[key].map((label) => positions[key].get(label)!);
      return { slug: startup.slug, name: startup.name, tagline: startup.tagline, memberSince: startup.member_since, sample: startup.sample, values };
    }),
  };
}
