import { describe, expect, it } from 'vitest';
import type { SiteSettings } from '../../../src/lib/content-model/collections.ts';
import { checkLegalSettings, findMissingLegalSettings, LEGAL_SETTINGS_BY_BLOCK } from '../../../src/lib/site/legal-settings.ts';

const complete = Object.fromEntries(
  Object.values(LEGAL_SETTINGS_BY_BLOCK)
    .flat()
    .map((name) => [name, name === 'accessibility_statement_date' ? '2026-11-30' : `valeur de ${name}`]),
) as unknown as SiteSettings;

describe('legal settings', () => {
  it('finds nothing missing when every fact is set', () => {
    expect(findMissingLegalSettings(complete)).toEqual([]);
    expect(checkLegalSettings(complete, 'production', 'content/settings/site.yml')).toBeUndefined();
  });

  it.each([[undefined], [''], ['  '], ['à compléter'], ['À compléter ']])('a value %j counts as missing', (value) => {
    const settings = { ...complete, legal_host_phone: value } as SiteSettings;
    expect(findMissingLegalSettings(settings)).toEqual([{ name: 'legal_host_phone', label: 'Téléphone de l’hébergeur' }]);
    expect(findMissingLegalSettings(settings, 'privacy')).toEqual([]);
  });

  it.each([
    ['production', 'throws'],
    ['deploy-preview', 'warns'],
    ['branch-deploy', 'warns'],
    [undefined, 'warns'],
  ])('in the context %j a missing fact %s, naming its setting', (context, outcome) => {
    const settings = { ...complete, privacy_dpo_contact: undefined } as SiteSettings;
    const check = () => checkLegalSettings(settings, context, 'content/settings/site.yml');
    const named = 'content/settings/site.yml : informations légales manquantes : privacy_dpo_contact (Contact du délégué à la protection des données (DPO)).';
    if (outcome === 'throws') expect(check).toThrow(named);
    else expect(check()).toContain(named);
  });

  it('covers every fact named by the LCEN, RGPD art. 13 and the RGAA statement, and where the submissions are stored', () => {
    expect(Object.values(LEGAL_SETTINGS_BY_BLOCK).flat()).toHaveLength(17);
    expect(LEGAL_SETTINGS_BY_BLOCK.privacy).toContain('privacy_storage_region');
  });
});
