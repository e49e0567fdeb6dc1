/**
 * Assembles the published site from validated content entries: drafts are left
 * out, relations between entries are checked, orders are grouped by startup and
 * by buyer, and lists are sorted for display. Pure: no Astro import, so it is
 * tested directly and reused by every page through one cached call.
 */
import type { BuyerData, NewsData, OrderData, PageData, StartupData } from '../content-model/collections.ts';
import { folderCollections } from '../content-model/collections.ts';

/** A validated entry as the content layer hands it over. */
export interface ContentEntry<Data> {
  /** Slug, from the file name. */
  readonly id: string;
  /** Path of the file, relative to the project root (for error messages). */
  readonly filePath: string;
  readonly data: Data;
  /** Raw Markdown body. */
  readonly body: string;
}

/** All validated entries, drafts included. */
export interface SiteContent {
  readonly startups: readonly ContentEntry<StartupData>[];
  readonly buyers: readonly ContentEntry<BuyerData>[];
  readonly orders: readonly ContentEntry<OrderData>[];
  readonly news: readonly ContentEntry<NewsData>[];
  readonly pages: readonly ContentEntry<PageData>[];
}

/** A published entry: its slug and data. */
export type Published<Data> = Data & { readonly slug: string };

/** What the pages show: published entries only, sorted, with orders by startup and by buyer. */
export interface Site {
  /** Sorted by name (French collation). */
  readonly startups: readonly Published<StartupData>[];
  /** Sorted by name (French collation). */
  readonly buyers: readonly Published<BuyerData>[];
  /** Most recent first. */
  readonly orders: readonly Published<OrderData>[];
  /** Most recent first. */
  readonly news: readonly Published<NewsData>[];
  readonly pages: readonly Published<PageData>[];
  readonly ordersByStartup: ReadonlyMap<string, readonly Published<OrderData>[]>;
  readonly ordersByBuyer: ReadonlyMap<string, readonly Published<OrderData>[]>;
}

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function publish<Data extends { draft?: boolean }>(entries: readonly ContentEntry<Data>[]): Published<Data>[] {
  return entries.filter((entry) => !entry.data.draft).map((entry) => ({ ...entry.data, slug: entry.id }));
}

function byName<Item extends { name: string }>(left: Item, right: Item): number {
  return frenchCollator.compare(left.name, right.name);
}

function groupBy<Item>(items: readonly Item[], key: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Problems that relations or bodies raise, one line each, naming file and field. */
function findProblems(content: SiteContent): string[] {
  const problems: string[] = [];
  const published = (entries: readonly ContentEntry<{ draft?: boolean }>[]) =>
    new Set(entries.filter((entry) => !entry.data.draft).map((entry) => entry.id));
  const targets = { startups: published(content.startups), buyers: published(content.buyers) };
  const missing = { startups: 'aucune startup publiée', buyers: 'aucun acheteur publié' };
  for (const order of content.orders) {
    if (order.data.draft) continue;
    for (const [field, collection] of [['buyer', 'buyers'], ['startup', 'startups']] as const) {
      const slug = order.data[field];
      if (!targets[collection].has(slug)) {
        problems.push(
          `${order.filePath} — ${field} : ${missing[collection]} « ${slug} » (fichier content/${collection}/${slug}.md absent ou en brouillon).`,
        );
      }
    }
  }
  for (const collection of folderCollections) {
    if (!collection.bodyRequired) continue;
    for (const entry of content[collection.name] as readonly ContentEntry<{ draft?: boolean }>[]) {
      if (!entry.data.draft && entry.body.trim() === '') {
        problems.push(`${entry.filePath} — body : le texte (${collection.bodyLabel}) est obligatoire.`);
      }
    }
  }
  return problems;
}

/**
 * Build the published site.
 * @throws Error listing every broken relation (an order naming a startup or a
 * buyer that does not exist or is a draft) and every missing required body,
 * each with the file and the field
 */
export function assembleSite(content: SiteContent): Site {
  const problems = findProblems(content);
  if (problems.length > 0) throw new Error(`Contenu incohérent :\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  const orders = publish(content.orders).sort(
    (left, right) => right.ordered_on.localeCompare(left.ordered_on) || frenchCollator.compare(left.title, right.title),
  );
  return {
    startups: publish(content.startups).sort(byName),
    buyers: publish(content.buyers).sort(byName),
    orders,
    news: publish(content.news).sort((left, right) => right.published_on.localeCompare(left.published_on)),
    pages: publish(content.pages),
    ordersByStartup: groupBy(orders, (order) => order.startup),
    ordersByBuyer: groupBy(orders, (order) => order.buyer),
  };
}
