import type { Published } from '../lib/site/assemble-site.ts';
import type { OrderData } from '../lib/content-model/collections.ts';
import { formatFrenchDate } from '../lib/format/calendar-date.ts';
import { formatEurosHt } from '../lib/format/money.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { orderKindLabel, orderStatusLabel } from '../lib/site/labels.ts';

/** Props: orders to list, the names of their counterparts by slug, and which counterpart to show. */
export interface OrderListProps {
  readonly orders: readonly Published<OrderData>[];
  readonly names: ReadonlyMap<string, string>;
  /** Show the buyer (on a startup profile), the startup (on a buyer profile) or both (results). */
  readonly counterpart: 'buyer' | 'startup' | 'both';
  /** Text shown when there is no order. */
  readonly empty: string;
}

/** A list of placed orders with amount (€ HT), date, kind and status. */
export function OrderList({ orders, names, counterpart, empty }: OrderListProps) {
  if (orders.length === 0) return <p>{fr(empty)}</p>;
  return (
    <ul className="orders">
      {orders.map((order) => (
        <li key={order.slug} className="order">
          <h3 className="order__title">{fr(order.title)}</h3>
          <p className="order__parties">
            {counterpart !== 'startup' ? (
              <span>
                {fr('Acheteur :')} <a href={`/acheteurs/${order.buyer}/`}>{names.get(order.buyer) ?? order.buyer}</a>
              </span>
            ) : null}
            {counterpart === 'both' ? ' · ' : null}
            {counterpart !== 'buyer' ? (
              <span>
                {fr('Startup :')} <a href={`/startups/${order.startup}/`}>{names.get(order.startup) ?? order.startup}</a>
              </span>
            ) : null}
          </p>
          <p className="order__meta">
            <strong>{formatEurosHt(order.amount_ht)}</strong> · {orderKindLabel(order.kind)} · commandé le{' '}
            {formatFrenchDate(order.ordered_on)} · {orderStatusLabel(order.status)}
          </p>
          {order.testimonial ? (
            <blockquote className="order__testimonial">
              <p>{fr(`« ${order.testimonial} »`)}</p>
              {order.testimonial_author ? <footer>{order.testimonial_author}</footer> : null}
            </blockquote>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
