import type { OrderTotals } from '../lib/site/compute-order-totals.ts';
import { formatCount, formatEurosHt } from '../lib/format/money.ts';
import { orderKindLabel } from '../lib/site/labels.ts';

/** Props: the totals and the level of the tables' heading (2 on the results page, 3 inside a home section). */
export interface OrderTotalsTablesProps {
  readonly totals: OrderTotals;
  readonly headingLevel: 2 | 3;
}

function TotalsTable({ caption, rowHeader, rows }: { caption: string; rowHeader: string; rows: readonly { label: string; orders: number; amountHt: number }[] }) {
  return (
    <table className="totals">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          <th scope="col">Bons de commande</th>
          <th scope="col">Montant total</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{formatCount(row.orders)}</td>
            <td>{formatEurosHt(row.amountHt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Orders placed by year and by kind, as two data tables; a sentence when there is none yet. */
export function OrderTotalsTables({ totals, headingLevel }: OrderTotalsTablesProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="totals-group">
      <Heading>Bons de commande par année et par type</Heading>
      {totals.byYear.length === 0 ? (
        <p>Aucun bon de commande n’a encore été passé : les totaux par année et par type apparaîtront ici.</p>
      ) : (
        <div className="columns">
          <TotalsTable caption="Par année (date du bon de commande)" rowHeader="Année" rows={totals.byYear.map((row) => ({ ...row, label: String(row.year) }))} />
          <TotalsTable caption="Par type de commande" rowHeader="Type" rows={totals.byKind.map((row) => ({ ...row, label: orderKindLabel(row.kind) }))} />
        </div>
      )}
    </div>
  );
}
