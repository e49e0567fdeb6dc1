/**
 * Synthetic content of realistic shape for scale tests and benchmarks: startups
 * (`sample: true`, names and bodies that say they are fictitious, SIREN numbers
 * in the fictitious 999… range that pass the Luhn check, `.example` addresses),
 * buyers and orders whose relations resolve and whose amounts stay within the
 * ceiling. Deterministic: the same counts and seed give the same files.
 */
import type { SiteSettings } from '../content-model/collections.ts';
import { BUYER_KINDS, ORDER_KINDS, ORDER_STATUSES } from '../content-model/collections.ts';
import { hasValidLuhnChecksum } from '../identifiers/siren.ts';
import { renderMarkdownEntry } from '../submissions-cli/startup-draft.ts';

/** How much to generate. */
export interface SampleSize {
  readonly startups: number;
  readonly buyers: number;
  readonly orders: number;
  /** Seed of the pseudo-random sequence (any integer). */
  readonly seed: number;
}

/** A file to write, relative to the content folder (`startups/exemple-00001-….md`). */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The settings the generator draws from: controlled lists and the ceiling (euros HT). */
export type SampleSettings = Pick<SiteSettings, 'sectors' | 'technologies' | 'order_ceiling_ht'>;

/** First and last day of the generated dates (calendar dates, YYYY-MM-DD). */
const FIRST_DAY = Date.UTC(2018, 9, 3);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY_MS = 86_400_000;

/** Real communes of the Mulhouse area and their postcodes (text, five digits). */
const COMMUNES = [
  ['Mulhouse', '68100'],
  ['Mulhouse', '68200'],
  ['Wittenheim', '68270'],
  ['Illzach', '68110'],
  ['Kingersheim', '68260'],
  ['Riedisheim', '68400'],
  ['Rixheim', '68170'],
  ['Pfastatt', '68120'],
  ['Lutterbach', '68460'],
  ['Brunstatt-Didenheim', '68350'],
  ['Cernay', '68700'],
  ['Thann', '68800'],
  ['Guebwiller', '68500'],
  ['Altkirch', '68130'],
  ['Saint-Louis', '68300'],
  ['Colmar', '68000'],
] as const;

const NAME_STARTS = ['Atelier', 'Labo', 'Studio', 'Fabrique', 'Cap', 'Pixel', 'Signal', 'Boussole', 'Trame', 'Relais'];
const NAME_PLACES = ['Rhin', 'Ill', 'Doller', 'Thur', 'Sundgau', 'Hardt', 'Vosges', 'Collines', 'Canal', 'Plaine'];
const NAME_ENDS = ['Numérique', 'Données', 'Systèmes', 'Connect', 'Logiciels', 'Capteurs', 'Conseil', 'Robotique'];
const BUYER_SECTORS = ['Collectivité', 'Industrie', 'Santé', 'Transports', 'Énergie', 'Commerce', 'Bâtiment', 'Enseignement'];
const CONTACT_ROLES = ['Responsable des achats', 'Directrice de l’innovation', 'Directeur des systèmes d’information', 'Chargée de mission numérique'];
const OFFER_TOPICS = ['suivi de production', 'tableau de bord énergétique', 'application de terrain', 'maintenance prédictive', 'portail usagers', 'inventaire connecté'];

/** Mulberry32: a small, fast, seedable pseudo-random generator (values in [0, 1)). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<Item>(random: Random, items: readonly Item[]): Item {
  return items[Math.floor(random() * items.length)]!;
}

/** `count` distinct items (fewer if the list is shorter), in list order. */
function pickSome<Item>(random: Random, items: readonly Item[], count: number): Item[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(random() * items.length));
  return [...chosen].sort((left, right) => left - right).map((index) => items[index]!);
}

function dayBetween(random: Random, fromMs: number, toMs: number): string {
  const days = Math.floor((toMs - fromMs) / DAY_MS);
  return new Date(fromMs + Math.floor(random() * (days + 1)) * DAY_MS).toISOString().slice(0, 10);
}

/** Amount in euros HT, a multiple of 100, between 1 000 and the ceiling. */
function amountHt(random: Random, ceilingHt: number): number {
  const steps = Math.floor((ceilingHt - 1000) / 100);
  return 1000 + Math.floor(random() * (steps + 1)) * 100;
}

/**
 * A fictitious SIREN: `999`, the index on five digits, and the Luhn check digit.
 * @throws Error past 99 999 startups (the range is exhausted)
 */
export function fictitiousSiren(index: number): string {
  if (index > 99_999) throw new Error(`Plus de 99 999 startups d’exemple : plage de SIREN fictifs épuisée (${index}).`);
  const base = `999${String(index).padStart(5, '0')}`;
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(base + digit))!;
  return base + check;
}

function toSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Startup {
  readonly slug: string;
  readonly name: string;
  readonly memberSince: string;
  readonly offers: readonly { title: string; kind: string }[];
}

function generateStartup(random: Random, index: number, settings: SampleSettings): { startup: Startup; file: GeneratedFile } {
  const words = `${pick(random, NAME_STARTS)} ${pick(random, NAME_PLACES)} ${pick(random, NAME_ENDS)}`;
  const name = `${words} (fictive n° ${index})`;
  const slug = `exemple-${String(index).padStart(5, '0')}-${toSlug(words)}`;
  const [commune, postcode] = pick(random, COMMUNES);
  const sectors = pickSome(random, settings.sectors, 1 + Math.floor(random() * 3));
  const technologies = pickSome(random, settings.technologies, Math.floor(random() * 4));
  // Distinct topics: an offer's title is unique within its startup.
  const offers = pickSome(random, OFFER_TOPICS, 1 + Math.floor(random() * 3)).map((topic) => {
    const kind = pick(random, ORDER_KINDS);
    return {
      title: `${kind.label} : ${topic}`,
      kind: kind.value,
      price_ht: amountHt(random, settings.order_ceiling_ht),
      description: `${kind.label} d’un outil de ${topic} pour un premier client, livré avec un rapport de fin de mission.`,
    };
  });
  const memberSince = dayBetween(random, FIRST_DAY, LAST_DAY);
  const data = {
    name,
    tagline: `Startup fictive : ${words}, pour les entreprises et collectivités du Haut-Rhin.`,
    sectors,
    technologies,
    offers,
    commune,
    postcode,
    website: `https://${slug}.example`,
    siren: fictitiousSiren(index),
    member_since: memberSince,
    ...(random() < 0.5 ? { public_contact_email: `contact@${slug}.example` } : {}),
    order_contact_email: `commandes@${slug}.example`,
    sample: true,
  };
  const body = [
    'Fiche d’exemple : cette startup est fictive, générée pour tester le site à grande échelle. Son nom et son numéro SIREN sont inventés.',
    `${name} accompagne ses clients en ${sectors.join(', ').toLowerCase()}. Elle propose des prototypes et des études courtes, adaptés à un premier bon de commande.`,
  ].join('\n\n');
  return { startup: { slug, name, memberSince, offers }, file: { path: `startups/${slug}.md`, content: renderMarkdownEntry(data, body) } };
}

interface Buyer {
  readonly slug: string;
  readonly signedOn: string;
}

function generateBuyer(random: Random, index: number, settings: SampleSettings): { buyer: Buyer; file: GeneratedFile } {
  const kind = pick(random, BUYER_KINDS);
  const place = pick(random, NAME_PLACES);
  const name = `Acheteur fictif ${place} n° ${index}`;
  const slug = `acheteur-exemple-${String(index).padStart(5, '0')}-${toSlug(place)}`;
  const signedOn = dayBetween(random, FIRST_DAY, LAST_DAY);
  const data = {
    name,
    kind: kind.value,
    sector: pick(random, BUYER_SECTORS),
    commitment_kind: 'charte-signee',
    committed_on: signedOn,
    commitment_source: 'Acheteur fictif, généré pour tester le site',
    areas_of_interest: pickSome(random, settings.sectors, Math.floor(random() * 3)),
    contact_role: pick(random, CONTACT_ROLES),
    website: `https://${slug}.example`,
  };
  const body = `Acheteur d’exemple : cet engagement est fictif, généré pour tester le site à grande échelle. ${name} (${kind.label.toLowerCase()}) s’engage à confier un premier bon de commande aux startups du DAS numérique.`;
  return { buyer: { slug, signedOn }, file: { path: `buyers/${slug}.md`, content: renderMarkdownEntry(data, body) } };
}

function generateOrder(random: Random, index: number, startups: readonly Startup[], buyers: readonly Buyer[], settings: SampleSettings): GeneratedFile {
  const startup = pick(random, startups);
  const buyer = pick(random, buyers);
  const offer = pick(random, startup.offers);
  const earliest = Math.max(Date.parse(startup.memberSince), Date.parse(buyer.signedOn));
  const data = {
    title: `${offer.title} (commande fictive n° ${index})`,
    buyer: buyer.slug,
    startup: startup.slug,
    kind: offer.kind,
    amount_ht: amountHt(random, settings.order_ceiling_ht),
    ordered_on: dayBetween(random, earliest, Math.max(earliest, LAST_DAY)),
    status: pick(random, ORDER_STATUSES).value,
    ...(random() < 0.3 ? { testimonial: 'Un premier essai concluant, fictif comme cette commande.', testimonial_author: pick(random, CONTACT_ROLES) } : {}),
  };
  const slug = `commande-exemple-${String(index).padStart(5, '0')}`;
  return { path: `orders/${slug}.md`, content: renderMarkdownEntry(data, 'Commande fictive, générée pour tester le site à grande échelle.') };
}

/**
 * Generate the startups, buyers and orders of a sample content folder (settings,
 * pages and news are copied by the caller).
 * @param size counts (orders need at least one startup and one buyer) and seed
 * @param settings the lists and ceiling (euros HT) the content must respect
 * @returns files relative to the content folder, in a stable order
 * @throws Error when a count is negative or not an integer, or orders have no startup or buyer to name
 */
export function generateSampleContent(size: SampleSize, settings: SampleSettings): GeneratedFile[] {
  for (const key of ['startups', 'buyers', 'orders'] as const) {
    if (!Number.isInteger(size[key]) || size[key] < 0) throw new Error(`--${key} : nombre entier positif attendu (reçu ${size[key]}).`);
  }
  if (size.orders > 0 && (size.startups === 0 || size.buyers === 0)) {
    throw new Error('--orders : des bons de commande demandent au moins une startup et un acheteur.');
  }
  const random = createRandom(size.seed);
  const startups = Array.from({ length: size.startups }, (_, index) => generateStartup(random, index + 1, settings));
  const buyers = Array.from({ length: size.buyers }, (_, index) => generateBuyer(random, index + 1, settings));
  const startupRefs = startups.map((entry) => entry.startup);
  const buyerRefs = buyers.map((entry) => entry.buyer);
  const orders = Array.from({ length: size.orders }, (_, index) => generateOrder(random, index + 1, startupRefs, buyerRefs, settings));
  return [...startups.map((entry) => entry.file), ...buyers.map((entry) => entry.file), ...orders];
}
