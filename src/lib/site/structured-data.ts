/**
 * schema.org JSON-LD for the pages (https://schema.org/Organization): the
 * programme on the home page, each buyer and each startup on its profile.
 * Pure data; `SeoHead.astro` writes it in a `<script type="application/ld+json">`.
 */
import type { BuyerData, SiteSettings, StartupData } from '../content-model/collections.ts';
import type { Published } from './assemble-site.ts';

/** A JSON-LD document (a plain JSON object with `@context` and `@type`). */
export type JsonLd = Readonly<Record<string, unknown>>;

const CONTEXT = 'https://schema.org';

/** The organisations that run the programme (from the programme's public description). */
const PROGRAMME_FOUNDERS = [
  { '@type': 'GovernmentOrganization', name: 'Mulhouse Alsace Agglomération (m2A)' },
  { '@type': 'GovernmentOrganization', name: 'Ville de Mulhouse' },
] as const;

function programmeReference(settings: Pick<SiteSettings, 'site_name' | 'site_url'>): JsonLd {
  return { '@type': 'Organization', name: settings.site_name, url: new URL('/', settings.site_url).href };
}

/**
 * The programme as an Organization, with its contact e-mail and logo.
 * @param settings site settings (name, description, URL, programme e-mail)
 */
export function describeProgramme(
  settings: Pick<SiteSettings, 'site_name' | 'site_description' | 'site_url' | 'programme_contact_email'>,
): JsonLd {
  return {
    '@context': CONTEXT,
    ...programmeReference(settings),
    description: settings.site_description,
    email: settings.programme_contact_email,
    logo: new URL('/og-default.png', settings.site_url).href,
    areaServed: 'Mulhouse Alsace Agglomération',
    parentOrganization: PROGRAMME_FOUNDERS,
  };
}

/**
 * A committed buyer: a GovernmentOrganization when it is a public body, an
 * Organization otherwise; member of the programme.
 * @param pageUrl absolute URL of its profile
 */
export function describeBuyer(buyer: Published<BuyerData>, pageUrl: string, settings: Pick<SiteSettings, 'site_name' | 'site_url'>): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': buyer.kind === 'public' ? 'GovernmentOrganization' : 'Organization',
    name: buyer.name,
    url: buyer.website ?? pageUrl,
    mainEntityOfPage: pageUrl,
    memberOf: programmeReference(settings),
  };
}

/**
 * A DAS startup as an Organization: its tagline, address (commune, postcode),
 * SIREN and membership of the programme; no private field.
 * @param pageUrl absolute URL of its profile
 */
export function describeStartup(startup: Published<StartupData>, pageUrl: string, settings: Pick<SiteSettings, 'site_name' | 'site_url'>): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    name: startup.name,
    description: startup.tagline,
    url: startup.website ?? pageUrl,
    mainEntityOfPage: pageUrl,
    address: { '@type': 'PostalAddress', addressLocality: startup.commune, postalCode: startup.postcode, addressCountry: 'FR' },
    identifier: { '@type': 'PropertyValue', propertyID: 'SIREN', value: startup.siren },
    ...(startup.public_contact_email ? { email: startup.public_contact_email } : {}),
    memberOf: programmeReference(settings),
  };
}
