import type { ReactNode } from 'react';
import type { Published } from '../lib/site/assemble-site.ts';
import type { BuyerData, OrderData } from '../lib/content-model/collections.ts';
import { describeCommitment } from '../lib/site/describe-commitment.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { buyerKindLabel } from '../lib/site/labels.ts';
import { OrderList } from './OrderList.tsx';
import { WebsiteFact } from './WebsiteFact.tsx';
import { UploadedImage } from './UploadedImage.tsx';
import type { SiteImage } from '../lib/site/site-image.ts';

/** Props of a buyer profile; `children` is the rendered commitment text (Markdown body). */
export interface BuyerProfileProps {
  readonly buyer: Published<BuyerData>;
  readonly ordersPlaced: readonly Published<OrderData>[];
  /** Name of each startup, by slug, to label the orders. */
  readonly startupNames: ReadonlyMap<string, string>;
  /** The logo, resized by the page (or the uploaded file in the CMS preview). */
  readonly logo?: SiteImage | undefined;
  readonly children?: ReactNode;
}

/** The profile of a committed buyer: commitment (kind, date when known, source), named contact role, orders actually placed. */
export function BuyerProfile({ buyer, ordersPlaced, startupNames, logo, children }: BuyerProfileProps) {
  const commitment = describeCommitment(buyer);
  return (
    <article className="profile">
      <header className="profile__header">
        {logo ? <UploadedImage image={logo} className="profile__logo" /> : null}
        <h1>{buyer.name}</h1>
        <p className="lead">{[buyerKindLabel(buyer.kind), buyer.sector].filter(Boolean).join(' · ')}</p>
      </header>
      <dl className="facts">
        <div>
          <dt>Nature de l’engagement</dt>
          <dd>{commitment.kind}</dd>
        </div>
        <div>
          <dt>Date de l’engagement</dt>
          <dd>{fr(commitment.date)}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{commitment.sourceUrl ? <a href={commitment.sourceUrl}>{fr(commitment.source)}</a> : fr(commitment.source)}</dd>
        </div>
        <div>
          <dt>Contact nommé</dt>
          <dd>{buyer.contact_role ? fr(buyer.contact_role) : fr('Pas encore désigné : l’équipe du programme transmet les demandes')}</dd>
        </div>
        {buyer.areas_of_interest.length > 0 ? (
          <div>
            <dt>Domaines d’intérêt</dt>
            <dd>{buyer.areas_of_interest.join(', ')}</dd>
          </div>
        ) : null}
        <WebsiteFact url={buyer.website} />
        <div>
          <dt>Bons de commande passés</dt>
          <dd>{ordersPlaced.length}</dd>
        </div>
      </dl>
      <section aria-labelledby="engagement">
        <h2 id="engagement">Son engagement</h2>
        <div className="prose">{children}</div>
      </section>
      <section aria-labelledby="commandes">
        <h2 id="commandes">Bons de commande passés</h2>
        <OrderList orders={ordersPlaced} names={startupNames} counterpart="startup" empty="Aucun bon de commande enregistré pour l’instant." />
      </section>
    </article>
  );
}
