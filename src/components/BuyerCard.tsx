import type { Published } from '../lib/site/assemble-site.ts';
import type { BuyerData } from '../lib/content-model/collections.ts';
import { formatFrenchDate } from '../lib/format/calendar-date.ts';
import { buyerKindLabel } from '../lib/site/labels.ts';

/** Props: a published buyer, the number of orders it placed and the URL of its profile. */
export interface BuyerCardProps {
  readonly buyer: Published<BuyerData>;
  readonly ordersPlaced: number;
  readonly href: string;
}

/** A committed buyer in the list: kind, sector, charter date, orders placed. */
export function BuyerCard({ buyer, ordersPlaced, href }: BuyerCardProps) {
  return (
    <article className="card">
      <h3 className="card__title">
        <a href={href}>{buyer.name}</a>
      </h3>
      <dl className="card__facts">
        <div>
          <dt>Type</dt>
          <dd>{buyerKindLabel(buyer.kind)}</dd>
        </div>
        <div>
          <dt>Secteur</dt>
          <dd>{buyer.sector}</dd>
        </div>
        <div>
          <dt>Charte signée le</dt>
          <dd>{formatFrenchDate(buyer.charter_signed_on)}</dd>
        </div>
        <div>
          <dt>Bons de commande passés</dt>
          <dd>{ordersPlaced}</dd>
        </div>
      </dl>
    </article>
  );
}
