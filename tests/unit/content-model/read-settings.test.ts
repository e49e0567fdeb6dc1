import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteSettings, readSiteSettings } from '../../../src/lib/content-model/read-settings.ts';
import { PROJECT_ROOT } from '../../helpers/paths.ts';

const realYaml = readFileSync(join(PROJECT_ROOT, 'content/settings/site.yml'), 'utf8');

describe('site settings', () => {
  it('reads the real settings: the ceiling lives here, once', () => {
    const settings = readSiteSettings(join(PROJECT_ROOT, 'content'));
    expect(settings.order_ceiling_ht).toBe(15000);
    expect(settings.sectors.length).toBeGreaterThan(0);
    expect(settings.legal_publication_director).toBeUndefined();
  });

  it('a ceiling saved as text by the CMS is read as a number', () => {
    const settings = parseSiteSettings(realYaml.replace('order_ceiling_ht: 15000', "order_ceiling_ht: '15000'"), 'site.yml');
    expect(settings.order_ceiling_ht).toBe(15000);
  });

  it('a missing ceiling fails naming the file and the field', () => {
    expect(() => parseSiteSettings(realYaml.replace('order_ceiling_ht: 15000', "order_ceiling_ht: ''"), 'content/settings/site.yml')).toThrow(
      /content\/settings\/site\.yml[\s\S]*order_ceiling_ht : Champ obligatoire/,
    );
  });

  it('unreadable YAML fails naming the file', () => {
    expect(() => parseSiteSettings('site_name: [unclosed', 'content/settings/site.yml')).toThrow('YAML illisible dans content/settings/site.yml, ligne 1, champ site_name : ');
  });

  it('an unknown key fails', () => {
    expect(() => parseSiteSettings(`${realYaml}\nplafond: 20000\n`, 'site.yml')).toThrow(/Champ inconnu : plafond/);
  });
});
