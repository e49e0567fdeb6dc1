import { applyFrenchSpacing } from '../lib/format/french-spacing.ts';

/** Visible "Exemple" badge for fictional sample entries (with a text alternative for screen readers). */
export function SampleBadge() {
  return (
    <span className="badge badge--sample" data-pagefind-ignore="" title="Fiche fictive, à remplacer par l’équipe du programme">
      Exemple<span className="visually-hidden">{applyFrenchSpacing(' : fiche fictive')}</span>
    </span>
  );
}
