/**
 * The two public forms: a startup's application to the DAS numérique and a
 * buyer's request for a first order. One schema per form, used by the browser
 * (hints, inline errors) and by the functions (the verdict).
 */
import { z } from 'zod';
import { BUYER_KINDS, ORDER_KINDS } from '../content-model/collections.ts';
import {
  amountHt,
  calendarDateFromToday,
  consent,
  emailAddress,
  multiLineText,
  oneLineText,
  oneOf,
  optional,
  phoneNumber,
  postcode,
  siret,
  someOf,
  websiteAddress,
  wholeNumber,
} from './field-schemas.ts';

/** The value of the order request's startup field when the buyer has no preference. */
export const NO_STARTUP_PREFERENCE = 'sans-preference';

/** A field the form does not have (a stale page, a bot): said in French, like every other error. */
const UNEXPECTED_FIELDS = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys' ? `Formulaire : champ inattendu (${issue.keys.join(', ')}).` : undefined,
};

const orderKinds = ORDER_KINDS.map((kind) => kind.value);
const buyerKinds = BUYER_KINDS.map((kind) => kind.value);

/** What the application form depends on: the site's controlled lists and the ceiling. */
export interface ApplicationFormContext {
  readonly sectors: readonly string[];
  readonly technologies: readonly string[];
  /** Ceiling of a first order, euros HT (settings `order_ceiling_ht`). */
  readonly orderCeilingHt: number;
}

/**
 * Startup application (*candidature au DAS numérique*).
 * Output: company and contact details, SIRET (14 digits), postcode (text),
 * offer price in euros HT (≤ ceiling), e-mail normalised, phone in E.164.
 */
export function createStartupApplicationSchema(context: ApplicationFormContext) {
  return z.strictObject(
    {
      /** Raison sociale. */
      company_name: oneLineText('Nom de l’entreprise', { max: 120 }),
      /** SIRET of the head office, INSEE rules. */
      siret: siret('Numéro SIRET'),
      postcode: postcode('Code postal'),
      commune: oneLineText('Commune', { max: 80 }),
      website: optional(websiteAddress('Site web')),
      sectors: someOf('Secteurs', context.sectors, { min: 1 }),
      technologies: someOf('Technologies', context.technologies),
      /** What the startup does, for the programme team. */
      presentation: multiLineText('Présentation', { min: 50, max: 3000 }),
      /** What a first order could buy. */
      offer_title: oneLineText('Offre de premier bon de commande', { max: 120 }),
      offer_kind: oneOf('Type d’offre', orderKinds),
      offer_price_ht: optional(amountHt('Prix indicatif (€ HT)', context.orderCeilingHt)),
      team_size: wholeNumber('Effectif', { min: 1, max: 500 }),
      contact_name: oneLineText('Nom du contact', { max: 120 }),
      email: emailAddress('Adresse e-mail'),
      phone: phoneNumber('Téléphone'),
      consent: consent('Consentement'),
    },
    UNEXPECTED_FIELDS,
  );
}

/** A startup the order request may name: published, not a draft. */
export interface OrderableStartup {
  readonly slug: string;
  readonly name: string;
}

/** What the order request depends on: the startups that can be chosen and the ceiling. */
export interface OrderRequestFormContext {
  readonly startups: readonly OrderableStartup[];
  /** Ceiling of a first order, euros HT (settings `order_ceiling_ht`). */
  readonly orderCeilingHt: number;
}

/**
 * First-order request (*demande de premier bon de commande*).
 * Output: buyer organisation, kind and SIRET; named contact; the chosen startup
 * slug or `sans-preference`; kind of order; need; budget in euros HT
 * (> 0, ≤ ceiling); wished date (`YYYY-MM-DD`, today or later in Paris, optional).
 */
export function createOrderRequestSchema(context: OrderRequestFormContext) {
  const startupSlugs = new Set(context.startups.map((startup) => startup.slug));
  return z.strictObject(
    {
      organisation: oneLineText('Organisation', { max: 160 }),
      buyer_kind: oneOf('Type d’acheteur', buyerKinds),
      siret: siret('Numéro SIRET'),
      contact_name: oneLineText('Nom du contact', { max: 120 }),
      role: oneLineText('Fonction', { max: 120 }),
      email: emailAddress('Adresse e-mail'),
      phone: phoneNumber('Téléphone'),
      /** Slug of a published startup, or `sans-preference`. */
      startup: oneLineText('Startup', { max: 120 }).refine(
        (slug) => slug === NO_STARTUP_PREFERENCE || startupSlugs.has(slug),
        'Startup : cette startup n’est pas (ou plus) dans l’annuaire ; choisissez-en une autre ou « Pas de préférence ».',
      ),
      kind: oneOf('Type de commande', orderKinds),
      need: multiLineText('Description du besoin', { min: 30, max: 4000 }),
      budget_ht: amountHt('Budget (€ HT)', context.orderCeilingHt),
      wished_date: optional(calendarDateFromToday('Date souhaitée')),
      consent: consent('Consentement'),
    },
    UNEXPECTED_FIELDS,
  );
}

/** A valid startup application. */
export type StartupApplication = z.output<ReturnType<typeof createStartupApplicationSchema>>;
/** A valid first-order request. */
export type OrderRequest = z.output<ReturnType<typeof createOrderRequestSchema>>;
