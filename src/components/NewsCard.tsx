import type { Published } from '../lib/site/assemble-site.ts';
import type { NewsData } from '../lib/content-model/collections.ts';
import { formatFrenchDate } from '../lib/format/calendar-date.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';

/** Props: a published news item and the URL of its page. */
export interface NewsCardProps {
  readonly item: Published<NewsData>;
  readonly href: string;
}

/** A news item in a list: title, date, summary. */
export function NewsCard({ item, href }: NewsCardProps) {
  return (
    <article className="card">
      <h3 className="card__title">
        <a href={href}>{fr(item.title)}</a>
      </h3>
      <p className="card__date">
        <time dateTime={item.published_on}>{formatFrenchDate(item.published_on)}</time>
      </p>
      <p>{fr(item.summary)}</p>
    </article>
  );
}
