import type { PageData, SiteSettings } from '../lib/content-model/collections.ts';
import { complianceLabel } from '../lib/site/labels.ts';
import { formatEurosHt } from '../lib/format/money.ts';
import { formatFrenchDate } from '../lib/format/calendar-date.ts';
import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { findMissingLegalSettings, labelLegalSetting, LEGAL_SETTINGS_BY_BLOCK, type LegalBlock, type LegalSettingName } from '../lib/site/legal-settings.ts';

/** Props: which block a page shows, and the settings holding its facts. */
export interface SettingsBlockProps {
  readonly block: NonNullable<PageData['settings_block']>;
  readonly settings: SiteSettings;
}

/** One fact of a legal page: its label and its value, a text or a link. */
interface Fact {
  readonly label: string;
  readonly value: string;
  readonly href?: string | undefined;
}

/** A legal setting as a fact, or nothing while it has no value. */
function legalFact(settings: SiteSettings, name: LegalSettingName): Fact | undefined {
  const value = settings[name];
  if (!value) return undefined;
  if (name === 'accessibility_statement_date') return { label: labelLegalSetting(name), value: formatFrenchDate(value) };
  if (name === 'accessibility_plan_url') return { label: labelLegalSetting(name), value, href: value };
  return { label: labelLegalSetting(name), value };
}

/** Facts of each legal page that are not legal settings (programme contact, compliance status). */
function extraFacts(block: LegalBlock, settings: SiteSettings): Fact[] {
  const contact = { label: 'Contact de l’équipe du programme', value: settings.programme_contact_email, href: `mailto:${settings.programme_contact_email}` };
  if (block === 'accessibility') return [{ label: 'État de conformité (RGAA 4.1)', value: complianceLabel(settings.accessibility_compliance) }, contact];
  return [contact];
}

/**
 * The facts a page keeps in settings: the legal facts of the legal notice,
 * privacy notice and accessibility statement (`legal-settings.ts`), or the
 * validation status of the charter. A missing legal fact is never shown as a
 * placeholder: the page lists it in a warning, which only non-production builds
 * can reach (a production build fails).
 */
export function SettingsBlock({ block, settings }: SettingsBlockProps) {
  if (block === 'charter') return <CharterStatus settings={settings} />;
  const facts = [...LEGAL_SETTINGS_BY_BLOCK[block].map((name) => legalFact(settings, name)), ...extraFacts(block, settings)].filter(
    (fact): fact is Fact => fact !== undefined,
  );
  const missing = findMissingLegalSettings(settings, block);
  return (
    <>
      {missing.length > 0 ? (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>{fr('Page incomplète : version de travail.')}</strong>{' '}
            {fr('Informations à renseigner dans Réglages du site avant la mise en ligne (la publication en production est bloquée sans elles) :')}
          </p>
          <ul>
            {missing.map((setting) => (
              <li key={setting.name}>
                {fr(setting.label)} (<code>{setting.name}</code>)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="facts facts--settings">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fr(fact.label)}</dt>
            <dd>{fact.href ? <a href={fact.href}>{fact.value}</a> : fr(fact.value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * Which text is the programme's and which is a proposal: until the team ticks
 * `charter_validated`, the charter page says that its text awaits validation and
 * recalls what the programme has said publicly (the 2018 press article).
 */
function CharterStatus({ settings }: { readonly settings: SiteSettings }) {
  if (settings.charter_validated) {
    return <p className="notice">{fr('Texte validé par l’équipe du programme.')}</p>;
  }
  return (
    <div className="notice" role="note">
      <p>
        <strong>Proposition en attente de validation.</strong>{' '}
        {fr(
          'Les engagements détaillés ci-dessous (délais, modalités) sont une proposition rédigée pour ce site ; l’équipe du programme ne les a pas encore validés.',
        )}
      </p>
      <p>
        {fr(
          `Ce que le programme a annoncé publiquement : les acheteurs prennent l’engagement moral de faire appel aux startups du DAS numérique, qui peuvent leur facturer un prototype ou une première étude jusqu’à ${formatEurosHt(settings.order_ceiling_ht)}.`,
        )}
      </p>
    </div>
  );
}
