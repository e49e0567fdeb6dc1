/**
 * The legal facts a public site must state, each a named setting of
 * `content/settings/site.yml` (issue 14):
 * - legal notice: LCEN (loi n° 2004-575 du 21 juin 2004) art. 6 III-1 and 6 I-2
 *   (publisher with address and phone, director of publication, host with address and phone);
 * - privacy notice: RGPD art. 13 (controller, DPO contact, legal basis, transfers outside the EU
 *   and their safeguards), and where the submissions are processed and stored (the region of the
 *   functions and of the Netlify Database, chosen on Netlify: the page cannot know it);
 * - accessibility statement: RGAA 4.1 statement model, décret n° 2019-768 art. 7
 *   (date, declaring body, multi-year plan, non-accessible content, test environment).
 * A missing fact fails a production build naming its setting; other builds show a warning.
 */
import type { PageData, SiteSettings } from '../content-model/collections.ts';
import { settingsFields } from '../content-model/collections.ts';
import { isPlaceholder } from './labels.ts';

/** A block of settings shown on a legal page (the charter block is not a legal one). */
export type LegalBlock = Exclude<NonNullable<PageData['settings_block']>, 'charter'>;

/** Name of a settings field holding a required legal fact. */
export type LegalSettingName =
  | 'legal_publisher'
  | 'legal_publisher_address'
  | 'legal_publisher_phone'
  | 'legal_publication_director'
  | 'legal_host'
  | 'legal_host_address'
  | 'legal_host_phone'
  | 'privacy_controller'
  | 'privacy_dpo_contact'
  | 'privacy_legal_basis'
  | 'privacy_transfers'
  | 'privacy_storage_region'
  | 'accessibility_statement_date'
  | 'accessibility_declaring_body'
  | 'accessibility_plan_url'
  | 'accessibility_non_accessible_content'
  | 'accessibility_test_environment';

/** The required legal settings of each legal page, in the order the page shows them. */
export const LEGAL_SETTINGS_BY_BLOCK: Readonly<Record<LegalBlock, readonly LegalSettingName[]>> = {
  'legal-notice': [
    'legal_publisher',
    'legal_publisher_address',
    'legal_publisher_phone',
    'legal_publication_director',
    'legal_host',
    'legal_host_address',
    'legal_host_phone',
  ],
  privacy: ['privacy_controller', 'privacy_dpo_contact', 'privacy_legal_basis', 'privacy_transfers', 'privacy_storage_region'],
  accessibility: [
    'accessibility_declaring_body',
    'accessibility_statement_date',
    'accessibility_plan_url',
    'accessibility_non_accessible_content',
    'accessibility_test_environment',
  ],
};

/** A legal setting with its French label, as the CMS shows it. */
export interface LegalSetting {
  readonly name: LegalSettingName;
  readonly label: string;
}

/** French label of a legal setting, read from the content model (defined once). */
export function labelLegalSetting(name: LegalSettingName): string {
  return settingsFields.find((field) => field.name === name)?.label ?? name;
}

/**
 * The required legal settings that have no value. The old placeholder
 * « à compléter » counts as no value: it must never be published.
 * @param block one legal page, or every legal page when omitted
 */
export function findMissingLegalSettings(settings: SiteSettings, block?: LegalBlock): LegalSetting[] {
  const names = block ? LEGAL_SETTINGS_BY_BLOCK[block] : Object.values(LEGAL_SETTINGS_BY_BLOCK).flat();
  return names
    .filter((name) => {
      const value = settings[name];
      return value === undefined || value.trim() === '' || isPlaceholder(value);
    })
    .map((name) => ({ name, label: labelLegalSetting(name) }));
}

/** Netlify's build context (`CONTEXT`) in which a missing legal fact fails the build. */
export const PUBLISHING_CONTEXT = 'production';

/**
 * Check the legal settings before a build.
 * @param settings validated site settings
 * @param buildContext Netlify's `CONTEXT` (`production`, `deploy-preview`, `branch-deploy`…; undefined locally and in CI)
 * @param settingsFile the path named in the message
 * @returns the French warning for a non-production build, or undefined when nothing is missing
 * @throws Error naming every missing setting when `buildContext` is `production`
 */
export function checkLegalSettings(settings: SiteSettings, buildContext: string | undefined, settingsFile: string): string | undefined {
  const missing = findMissingLegalSettings(settings);
  if (missing.length === 0) return undefined;
  const list = missing.map((setting) => `${setting.name} (${setting.label})`).join(', ');
  const message = `${settingsFile} : informations légales manquantes : ${list}.`;
  if (buildContext === PUBLISHING_CONTEXT) {
    throw new Error(`${message} Le site ne peut pas être publié en production sans elles (LCEN art. 6, RGPD art. 13, RGAA).`);
  }
  return `${message} Les pages légales affichent un avertissement ; la publication en production échouera.`;
}
