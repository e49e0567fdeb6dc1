import type { Published } from '../lib/site/assemble-site.ts';
import type { BuyerData } from '../lib/content-model/collections.ts';
import { describeCommitment } from '../lib/site/describe-commitment.ts';
import { buyerKindLabel } from '../lib/site/labels.ts';

/** Props: a published buyer, the number of orders it placed and the URL of its profile. */
export interface BuyerCardProps {
  readonly buyer: Published<BuyerData>;
  readonly ordersPlaced: number;
  readonly href: string;
}

/** A committed buyer in the list: kind, sector, commitment and its date when known, orders placed. */
export function BuyerCard({ buyer, ordersPlaced, href }: BuyerCardProps) {
  const commitment = describeCommitment(buyer);
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
        {buyer.sector ? (
          <div>
            <dt>Secteur</dt>
            <dd>{buyer.sector}</dd>
          </div>
        ) : null}
        <div>
          <dt>Engagement</dt>
          <dd>{commitment.kind}</dd>
        </div>
        {buyer.committed_on ? (
          <div>
            <dt>Date de l’engagement</dt>
            <dd>{commitment.date}</dd>
          </div>
        ) : null}
        <div>
          <dt>Bons de commande passés</dt>
          <dd>{ordersPlaced}</dd>
        </div>
      </dl>
    </article>
  );
}

/** Props: the buyers to show, in order, and the orders placed by each buyer (by slug). */
export interface BuyerCardListProps {
  readonly buyers: readonly Published<BuyerData>[];
  readonly ordersByBuyer: ReadonlyMap<string, readonly unknown[]>;
}

/**
 * The cards of several buyers, each linking to its profile (`/acheteurs/<slug>/`),
 * side by side with nothing between them, in one React render (see `StartupCardList`).
 */
export function BuyerCardList({ buyers, ordersByBuyer }: BuyerCardListProps) {
  return (
    <>
      {buyers.map((buyer) => (
        <BuyerCard key={buyer.slug} buyer={buyer} ordersPlaced={ordersByBuyer.get(buyer.slug)?.length ?? 0} href={`/acheteurs/${buyer.slug}/`} />
      ))}
    </>
  );
}
