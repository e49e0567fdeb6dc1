import type { Published } from '../lib/site/assemble-site.ts';
import type { StartupData } from '../lib/content-model/collections.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { orderKindLabel } from '../lib/site/labels.ts';
import { SampleBadge } from './SampleBadge.tsx';

/** Props: a published startup and the URL of its profile. */
export interface StartupCardProps {
  readonly startup: Published<StartupData>;
  readonly href: string;
}

/** A startup in the directory: name, tagline, commune, sectors and kinds of offer. */
export function StartupCard({ startup, href }: StartupCardProps) {
  const offerKinds = [...new Set(startup.offers.map((offer) => orderKindLabel(offer.kind)))];
  return (
    <article className="card">
      <h3 className="card__title">
        <a href={href}>{startup.name}</a> {startup.sample ? <SampleBadge /> : null}
      </h3>
      <p>{fr(startup.tagline)}</p>
      <dl className="card__facts">
        <div>
          <dt>Commune</dt>
          <dd>{startup.commune}</dd>
        </div>
        <div>
          <dt>Secteurs</dt>
          <dd>{startup.sectors.join(', ')}</dd>
        </div>
        <div>
          <dt>Offres</dt>
          <dd>{offerKinds.join(', ')}</dd>
        </div>
      </dl>
    </article>
  );
}
