import type { KeyFigures as Figures } from '../lib/site/compute-key-figures.ts';
import { describeKeyFigures } from '../lib/site/describe-key-figures.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';

/** The programme's key figures, computed from content at build time: true figures only, sentences instead of zeros. */
export function KeyFigures({ figures }: { readonly figures: Figures }) {
  const { items, notes } = describeKeyFigures(figures);
  return (
    <div className="figures">
      {items.length > 0 ? (
        <ul className="figures__list">
          {items.map((item) => (
            <li key={item.label}>
              <span className="figures__value">{item.value}</span> <span className="figures__label">{item.label}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {notes.map((note) => (
        <p className="figures__note" key={note}>
          {fr(note)}
        </p>
      ))}
    </div>
  );
}
