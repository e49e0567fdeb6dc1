/**
 * The Zod schemas of every collection, derived from the content model for a
 * given settings context (ceiling and controlled lists).
 */
import type { z } from 'zod';
import { buyerFields, newsFields, orderFields, pageFields, settingsFields, startupFields } from './collections.ts';
import type { BuyerData, NewsData, OrderData, PageData, SiteSettings, StartupData } from './collections.ts';
import type { ModelContext } from './fields.ts';
import { fieldsToZodObject } from './to-zod.ts';

/** Schemas of the folder collections, typed by the same definitions. */
export interface CollectionSchemas {
  /** A DAS startup: name, tagline (≤ 160 chars), offers (€ HT ≤ ceiling), SIREN (Luhn), postcode (text), private order e-mail… */
  readonly startups: z.ZodType<StartupData>;
  /** A committed buyer: kind, charter signature date (calendar date, Europe/Paris), named contact role… */
  readonly buyers: z.ZodType<BuyerData>;
  /** A placed order: buyer and startup slugs, amount in euros HT (> 0, ≤ ceiling), order date… */
  readonly orders: z.ZodType<OrderData>;
  /** A news item: title, publication date, summary (≤ 200 chars). */
  readonly news: z.ZodType<NewsData>;
  /** An editorial page: title, description, optional settings block. */
  readonly pages: z.ZodType<PageData>;
}

/**
 * Build the schema of each folder collection for the given context.
 * The returned schemas throw nothing themselves; parsing reports French messages per field.
 */
export function buildCollectionSchemas(context: ModelContext): CollectionSchemas {
  return {
    startups: fieldsToZodObject(startupFields, context) as z.ZodType<StartupData>,
    buyers: fieldsToZodObject(buyerFields, context) as z.ZodType<BuyerData>,
    orders: fieldsToZodObject(orderFields, context) as z.ZodType<OrderData>,
    news: fieldsToZodObject(newsFields, context) as z.ZodType<NewsData>,
    pages: fieldsToZodObject(pageFields, context) as z.ZodType<PageData>,
  };
}

/**
 * Context used to validate the settings file itself: the settings do not depend
 * on a ceiling or on controlled lists, so any context gives the same schema.
 */
const SETTINGS_BOOTSTRAP_CONTEXT: ModelContext = { orderCeilingHt: 0, lists: { sectors: [], technologies: [] } };

/** Schema of `content/settings/site.yml`: site name and URL, programme e-mail, ceiling (euros HT), lists, legal facts. */
export const SiteSettingsSchema = fieldsToZodObject(settingsFields, SETTINGS_BOOTSTRAP_CONTEXT) as z.ZodType<SiteSettings>;

/** The values of the settings that other collections' rules depend on. */
export function toModelContext(settings: SiteSettings): ModelContext {
  return {
    orderCeilingHt: settings.order_ceiling_ht,
    lists: { sectors: settings.sectors, technologies: settings.technologies },
  };
}
