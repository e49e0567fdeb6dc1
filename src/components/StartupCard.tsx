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

/**
 * A startup in the directory: name, tagline, commune, sectors and kinds of offer.
 * The `data-card` attributes let the directory's script fill copies of this very
 * markup (rendered once into a `<template>`) when it filters in the browser.
 */
export function StartupCard({ startup, href }: StartupCardProps) {
  const offerKinds = [...new Set(startup.offers.map((offer) => orderKindLabel(offer.kind)))];
  return (
    <article className="card">
      <h3 className="card__title">
        <a href={href} data-card="name">{startup.name}</a> {startup.sample ? <SampleBadge /> : null}
      </h3>
      <p data-card="tagline">{fr(startup.tagline)}</p>
      <dl className="card__facts">
        <div>
          <dt>Commune</dt>
          <dd data-card="commune">{startup.commune}</dd>
        </div>
        <div>
          <dt>Secteurs</dt>
          <dd data-card="sectors">{startup.sectors.join(', ')}</dd>
        </div>
        <div>
          <dt>Offres</dt>
          <dd data-card="offers">{offerKinds.join(', ')}</dd>
        </div>
      </dl>
    </article>
  );
}

/** Props: the startups to show, in order. */
export interface StartupCardListProps {
  readonly startups: readonly Published<StartupData>[];
}

/**
 * The cards of several startups, each linking to its profile (`/startups/<slug>/`),
 * side by side with nothing between them. One React render for the whole list: a
 * page rendering each card as its own component paid Astro's renderer detection
 * (one more React render) and a React render per card (issue 13, build time).
 */
export function StartupCardList({ startups }: StartupCardListProps) {
  return (
    <>
      {startups.map((startup) => (
        <StartupCard key={startup.slug} startup={startup} href={`/startups/${startup.slug}/`} />
      ))}
    </>
  );
}
