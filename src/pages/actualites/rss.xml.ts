/**
 * `/actualites/rss.xml`: RSS 2.0 feed of the published news, newest first,
 * each item linking to its page (with the trailing slash the site uses).
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site.ts';
import { settings } from '../../data/settings.ts';

export const GET: APIRoute = async ({ site }) => {
  const { site: content } = await loadSite();
  return rss({
    title: `Actualités — ${settings.site_name}`,
    description: settings.site_description,
    site: site!,
    items: content.news.map((item) => ({
      title: item.title,
      description: item.summary,
      link: `/actualites/${item.slug}/`,
      // A calendar date has no time: noon UTC is on that same day in Paris.
      pubDate: new Date(`${item.published_on}T12:00:00Z`),
    })),
    customData: '<language>fr-FR</language>',
    trailingSlash: true,
  });
};
