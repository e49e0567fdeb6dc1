/**
 * The licence of the open-data files: the `open_data_licence` settings, or
 * Etalab's Licence Ouverte 2.0 (the licence French public bodies use by
 * default for open data) when the settings leave it empty.
 */
import type { SiteSettings } from '../content-model/collections.ts';

/** A licence's name and the address of its text. */
export interface Licence {
  readonly label: string;
  readonly url: string;
}

/** Licence Ouverte / Open Licence 2.0, https://www.etalab.gouv.fr/licence-ouverte-open-licence/. */
export const DEFAULT_OPEN_DATA_LICENCE: Licence = {
  label: 'Licence Ouverte / Open Licence version 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

/** The licence the settings name, each part falling back to the default. */
export function resolveOpenDataLicence(settings: Pick<SiteSettings, 'open_data_licence' | 'open_data_licence_url'>): Licence {
  return {
    label: settings.open_data_licence ?? DEFAULT_OPEN_DATA_LICENCE.label,
    url: settings.open_data_licence_url ?? DEFAULT_OPEN_DATA_LICENCE.url,
  };
}
