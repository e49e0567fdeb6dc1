import type { ReactNode } from 'react';
import type { Published } from '../lib/site/assemble-site.ts';
import type { BuyerData, OrderData } from '../lib/content-model/collections.ts';
import { formatFrenchDate } from '../lib/format/calendar-date.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { buyerKindLabel } from '../lib/site/labels.ts';
import { OrderList } from './OrderList.tsx';
import { SettingValue } from './SettingValue.tsx';
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

/** The profile of a committed buyer: commitment, named contact role, orders actually placed. */
export function BuyerProfile({ buyer, ordersPlaced, startupNames, logo, children }: BuyerProfileProps) {
  return (
    <article className="profile">
      <header className="profile__header">
        {logo ? <UploadedImage image={logo} className="profile__logo" /> : null}
        <h1>{buyer.name}</h1>
        <p className="lead">
          {buyerKindLabel(buyer.kind)} · {buyer.sector}
        </p>
      </header>
      <dl className="facts">
        <div>
          <dt>Charte signée le</dt>
          <dd>{formatFrenchDate(buyer.charter_signed_on)}</dd>
        </div>
        {buyer.commitment_source ? (
          <div>
            <dt>Source</dt>
            <dd>{fr(buyer.commitment_source)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Contact nommé</dt>
          <dd>
            <SettingValue value={buyer.contact_role} />
          </dd>
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
