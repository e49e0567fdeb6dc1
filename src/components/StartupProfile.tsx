import type { ReactNode } from 'react';
import type { Published } from '../lib/site/assemble-site.ts';
import type { OrderData, StartupData } from '../lib/content-model/collections.ts';
import { formatFrenchDate } from '../lib/format/calendar-date.ts';
import { formatEurosHt } from '../lib/format/money.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { orderKindLabel } from '../lib/site/labels.ts';
import { SampleBadge } from './SampleBadge.tsx';
import { WebsiteFact } from './WebsiteFact.tsx';
import { OrderList } from './OrderList.tsx';
import { UploadedImage } from './UploadedImage.tsx';
import type { SiteImage } from '../lib/site/site-image.ts';

/** Props of a startup profile; `children` is the rendered presentation (Markdown body). */
export interface StartupProfileProps {
  readonly startup: Published<StartupData>;
  readonly ordersReceived: readonly Published<OrderData>[];
  /** Name of each buyer, by slug, to label the orders. */
  readonly buyerNames: ReadonlyMap<string, string>;
  /** Where the "request a first order" button leads, with this startup preselected (a sample shows no button: it cannot receive requests). */
  readonly orderRequestHref: string;
  /** The logo, resized by the page (or the uploaded file in the CMS preview). */
  readonly logo?: SiteImage | undefined;
  readonly children?: ReactNode;
}

/** The profile of a startup: identity, offers with indicative prices, orders received. */
export function StartupProfile({ startup, ordersReceived, buyerNames, orderRequestHref, logo, children }: StartupProfileProps) {
  return (
    <article className="profile">
      <header className="profile__header">
        {logo ? <UploadedImage image={logo} className="profile__logo" /> : null}
        <h1>
          {startup.name} {startup.sample ? <SampleBadge /> : null}
        </h1>
        <p className="lead">{fr(startup.tagline)}</p>
        {startup.sample ? (
          <p className="notice">
            {fr('Cette fiche est un exemple fictif : elle sera remplacée par une vraie startup du DAS numérique et ne peut pas recevoir de demande de bon de commande.')}
          </p>
        ) : (
          <p>
            <a className="button" href={orderRequestHref}>
              Demander un premier bon de commande
            </a>
          </p>
        )}
      </header>
      <dl className="facts">
        <div>
          <dt>Commune</dt>
          <dd>
            {startup.commune} ({startup.postcode})
          </dd>
        </div>
        <div>
          <dt>Membre du DAS numérique depuis le</dt>
          <dd>{formatFrenchDate(startup.member_since)}</dd>
        </div>
        <div>
          <dt>Secteurs</dt>
          <dd>{startup.sectors.join(', ')}</dd>
        </div>
        {startup.technologies.length > 0 ? (
          <div>
            <dt>Technologies</dt>
            <dd>{startup.technologies.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>SIREN</dt>
          <dd>{startup.siren}</dd>
        </div>
        <WebsiteFact url={startup.website} />
        {startup.public_contact_email ? (
          <div>
            <dt>Contact</dt>
            <dd>
              <a href={`mailto:${startup.public_contact_email}`}>{startup.public_contact_email}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="presentation">
        <h2 id="presentation">Présentation</h2>
        <div className="prose">{children}</div>
      </section>
      <section aria-labelledby="offres">
        <h2 id="offres">Ce qu’un premier bon de commande peut acheter</h2>
        <ul className="offers">
          {startup.offers.map((offer) => (
            <li key={offer.title} className="offer">
              <h3>{fr(offer.title)}</h3>
              <p className="offer__meta">
                <span className="tag">{orderKindLabel(offer.kind)}</span>
                {offer.price_ht === undefined ? null : <span> {fr(`Prix indicatif : ${formatEurosHt(offer.price_ht)}`)}</span>}
              </p>
              {offer.description ? <p>{fr(offer.description)}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="commandes">
        <h2 id="commandes">Bons de commande reçus</h2>
        <OrderList orders={ordersReceived} names={buyerNames} counterpart="buyer" empty="Aucun bon de commande enregistré pour l’instant." />
      </section>
    </article>
  );
}
