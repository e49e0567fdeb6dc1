import type { PageData, SiteSettings } from '../lib/content-model/collections.ts';
import { complianceLabel } from '../lib/site/labels.ts';
import { SettingValue } from './SettingValue.tsx';

/** Props: which block a legal page shows, and the settings holding its facts. */
export interface SettingsBlockProps {
  readonly block: NonNullable<PageData['settings_block']>;
  readonly settings: SiteSettings;
}

/**
 * Facts of the legal pages kept in settings (publisher, host, privacy contact,
 * compliance status), so that unknown facts stay visibly "à compléter".
 */
export function SettingsBlock({ block, settings }: SettingsBlockProps) {
  const rowsByBlock: Record<SettingsBlockProps['block'], readonly (readonly [string, string])[]> = {
    'legal-notice': [
      ['Éditeur du site', settings.legal_publisher],
      ['Directeur ou directrice de la publication', settings.legal_publication_director],
      ['Hébergeur', settings.legal_host],
      ['Adresse de l’hébergeur', settings.legal_host_address],
      ['Contact', settings.programme_contact_email],
    ],
    privacy: [
      ['Contact pour vos données personnelles', settings.privacy_contact],
      ['Équipe du programme', settings.programme_contact_email],
    ],
    accessibility: [
      ['État de conformité (RGAA 4.1)', complianceLabel(settings.accessibility_compliance)],
      ['Contact', settings.programme_contact_email],
    ],
  };
  const rows = rowsByBlock[block];
  return (
    <dl className="facts facts--settings">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <SettingValue value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
