/**
 * The open-data files of the site: which published entries each holds and which
 * columns, with their documentation. Only fields the site itself shows are
 * listed (never a startup's private order e-mail); drafts are already left out
 * by `assembleSite`. Pure: the endpoints and the /donnees/ page use it.
 */
import { buyerFields, orderFields, startupFields } from '../content-model/collections.ts';
import type { FieldDefinition } from '../content-model/fields.ts';
import type { Site } from '../site/assemble-site.ts';
import { describeField, type ColumnDoc } from './describe-field.ts';

/** One value of a row: lists stay arrays (joined in CSV), a missing optional value is `null`. */
export type Cell = string | number | boolean | readonly string[] | null;

/** A row of a file, keyed by column name, in column order. */
export type Row = Readonly<Record<string, Cell>>;

/** A documented column and how to read it from an item. */
interface Column<Item> extends ColumnDoc {
  readonly read: (item: Item) => Cell;
}

/** A published file, before serialisation. */
export interface Dataset {
  /** File name without extension: `/donnees/<name>.json` and `.csv`. */
  readonly name: 'startups' | 'offres' | 'acheteurs' | 'bons-de-commande';
  /** French title shown on /donnees/. */
  readonly title: string;
  /** What one row is (French). */
  readonly rowMeaning: string;
  readonly columns: readonly ColumnDoc[];
  readonly rows: readonly Row[];
}

function fieldColumns<Item extends object>(fields: readonly FieldDefinition[], names: readonly (keyof Item & string)[]): Column<Item>[] {
  return names.map((name) => ({ ...describeField(fields, name), read: (item: Item) => (item[name] as Cell | undefined) ?? null }));
}

function slugColumn<Item extends { slug: string }>(meaning: string): Column<Item> {
  return { name: 'slug', type: 'texte', format: 'minuscules, chiffres et tirets', meaning, read: (item) => item.slug };
}

function pageColumn<Item extends { slug: string }>(siteUrl: string, folder: string): Column<Item> {
  return {
    name: 'url',
    type: 'texte',
    format: 'adresse web (https://…)',
    meaning: 'Adresse de la fiche sur le site',
    read: (item) => new URL(`/${folder}/${item.slug}/`, siteUrl).href,
  };
}

function sampleColumn<Item>(isSample: (item: Item) => boolean): Column<Item> {
  return {
    name: 'sample',
    type: 'booléen',
    format: 'true ou false',
    meaning: 'true pour une fiche d’exemple fictive, affichée avec le badge « Exemple » en attendant une vraie startup',
    read: isSample,
  };
}

function toDataset<Item>(
  meta: Pick<Dataset, 'name' | 'title' | 'rowMeaning'>,
  columns: readonly Column<Item>[],
  items: readonly Item[],
): Dataset {
  return {
    ...meta,
    columns: columns.map(({ read: _read, ...doc }) => doc),
    rows: items.map((item) => Object.fromEntries(columns.map((column) => [column.name, column.read(item)]))),
  };
}

type Startup = Site['startups'][number];
type Offer = Startup['offers'][number] & { readonly startup: Startup };

/**
 * Every open-data file of a site.
 * @param site the published site (drafts already left out)
 * @param siteUrl absolute URL of the site (`site_url` setting), for the page addresses
 * @returns startups, their offers, buyers and orders, each sorted as the site lists them
 */
export function buildDatasets(site: Site, siteUrl: string): readonly Dataset[] {
  const startupNames = new Map(site.startups.map((startup) => [startup.slug, startup.name]));
  const buyerNames = new Map(site.buyers.map((buyer) => [buyer.slug, buyer.name]));
  const offers: Offer[] = site.startups.flatMap((startup) => startup.offers.map((offer) => ({ ...offer, startup })));
  const offerFields = startupFields.find((field) => field.name === 'offers')!.fields;
  return [
    toDataset(
      { name: 'startups', title: 'Startups du DAS numérique', rowMeaning: 'une startup publiée dans l’annuaire' },
      [
        slugColumn('Identifiant stable de la startup (nom de sa fiche)'),
        ...fieldColumns<Startup>(startupFields, ['name', 'tagline', 'sectors', 'technologies', 'commune', 'postcode', 'siren', 'member_since', 'website', 'public_contact_email']),
        pageColumn(siteUrl, 'startups'),
        sampleColumn<Startup>((startup) => startup.sample),
      ],
      site.startups,
    ),
    toDataset(
      { name: 'offres', title: 'Offres de premier bon de commande', rowMeaning: 'une offre d’une startup (prototype, étude ou pilote)' },
      [
        {
          name: 'startup',
          type: 'texte',
          format: 'identifiant d’une entrée (startups)',
          meaning: 'Identifiant de la startup qui propose l’offre',
          read: (offer: Offer) => offer.startup.slug,
        },
        ...fieldColumns<Offer>(offerFields, ['title', 'kind', 'price_ht', 'description']),
        sampleColumn<Offer>((offer) => offer.startup.sample),
      ],
      offers,
    ),
    toDataset(
      { name: 'acheteurs', title: 'Acheteurs engagés', rowMeaning: 'un acheteur engagé dans la démarche (engagement moral ou charte signée, selon sa source)' },
      [
        slugColumn('Identifiant stable de l’acheteur (nom de sa fiche)'),
        ...fieldColumns<Site['buyers'][number]>(buyerFields, ['name', 'kind', 'sector', 'commitment_kind', 'committed_on', 'commitment_source', 'commitment_source_url', 'areas_of_interest', 'contact_role', 'website']),
        pageColumn(siteUrl, 'acheteurs'),
      ],
      site.buyers,
    ),
    toDataset(
      { name: 'bons-de-commande', title: 'Bons de commande passés', rowMeaning: 'un premier bon de commande passé par un acheteur à une startup' },
      [
        slugColumn('Identifiant stable du bon de commande'),
        ...fieldColumns<Site['orders'][number]>(orderFields, ['title', 'buyer', 'startup', 'kind', 'amount_ht', 'ordered_on', 'status', 'testimonial', 'testimonial_author']),
        {
          name: 'buyer_name',
          type: 'texte',
          format: '',
          meaning: 'Nom de l’acheteur',
          read: (order) => buyerNames.get(order.buyer) ?? null,
        },
        {
          name: 'startup_name',
          type: 'texte',
          format: '',
          meaning: 'Nom de la startup',
          read: (order) => startupNames.get(order.startup) ?? null,
        },
      ],
      site.orders,
    ),
  ];
}
