import type { KeyFigures as Figures } from '../lib/site/compute-key-figures.ts';
import { formatCount, formatEurosHt } from '../lib/format/money.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';

/** The programme's key figures, computed from content at build time. */
export function KeyFigures({ figures }: { readonly figures: Figures }) {
  const items = [
    { value: formatCount(figures.startups), label: figures.startups > 1 ? 'startups du DAS numérique' : 'startup du DAS numérique' },
    { value: formatCount(figures.buyers), label: figures.buyers > 1 ? 'acheteurs engagés' : 'acheteur engagé' },
    { value: formatCount(figures.orders), label: figures.orders > 1 ? 'bons de commande passés' : 'bon de commande passé' },
    { value: formatEurosHt(figures.totalOrderedHt), label: 'commandés au total' },
  ];
  return (
    <div className="figures">
      <ul className="figures__list">
        {items.map((item) => (
          <li key={item.label}>
            <span className="figures__value">{item.value}</span> <span className="figures__label">{item.label}</span>
          </li>
        ))}
      </ul>
      {figures.sampleStartups > 0 ? (
        <p className="figures__note">
          {fr(
            `Dont ${formatCount(figures.sampleStartups)} ${figures.sampleStartups > 1 ? 'fiches d’exemple fictives' : 'fiche d’exemple fictive'}, signalées par le badge « Exemple ».`,
          )}
        </p>
      ) : null}
    </div>
  );
}
