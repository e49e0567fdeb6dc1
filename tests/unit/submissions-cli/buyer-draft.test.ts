import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { buildCollectionSchemas, toModelContext } from '../../../src/lib/content-model/schemas.ts';
import { readSiteSettings } from '../../../src/lib/content-model/read-settings.ts';
import { draftBuyerEntry } from '../../../src/lib/submissions-cli/buyer-draft.ts';
import { validCommitmentData } from '../../helpers/form-fixtures.ts';
import { PROJECT_ROOT } from '../../helpers/paths.ts';
import { join } from 'node:path';

const MODEL_CONTEXT = toModelContext(readSiteSettings(join(PROJECT_ROOT, 'content')));
const RECEIPT = { reference: 'PBC-2026-00042', today: '2026-07-01' };

describe('draftBuyerEntry', () => {
  it('writes a draft that the build’s buyers schema accepts, with the role and never the person', () => {
    const draft = draftBuyerEntry(validCommitmentData(), RECEIPT, MODEL_CONTEXT);
    expect(draft.slug).toBe('fonderie-rhin-et-doller');
    const { frontmatter, content } = parseFrontmatter(draft.text);
    expect(frontmatter).toEqual({
      name: 'Fonderie « Rhin & Doller »',
      kind: 'pme-eti',
      commitment_kind: 'engagement-moral',
      commitment_source: 'Formulaire d’engagement du site, référence PBC-2026-00042, reçu le 1er juillet 2026',
      areas_of_interest: [],
      contact_role: 'Directeur des achats',
      draft: true,
    });
    expect(buildCollectionSchemas(MODEL_CONTEXT).buyers.safeParse(frontmatter).error?.issues).toBeUndefined();
    expect(content.trim()).toMatch(/^Fonderie « Rhin & Doller » s’engage à considérer les startups du DAS numérique/);
    expect(draft.text).not.toMatch(/Marc Weber|achats@|\+33|03 89/);
    // Strings quoted as in the rest of content/ (a SIRET-like or `06000`-like value would stay text).
    expect(draft.text).toContain("name: 'Fonderie « Rhin & Doller »'");
  });

  it.each([
    ['no wished signing date: no date, nothing quoted', {}, undefined],
    ['a wished signing date: quoted in the body, never recorded as the commitment date', { signing_date: '2099-03-15' }, 'Date de signature souhaitée : 15 mars 2099.'],
  ])('%s', (_case, fields, quoted) => {
    const { frontmatter, content } = parseFrontmatter(draftBuyerEntry(validCommitmentData(fields), RECEIPT, MODEL_CONTEXT).text);
    expect(frontmatter['committed_on']).toBeUndefined();
    expect(content.match(/Date de signature souhaitée[^\n]*/)?.[0]).toBe(quoted);
  });

  it('refuses an organisation name that gives no file name', () => {
    expect(() => draftBuyerEntry(validCommitmentData({ organisation: '« — »' }), RECEIPT, MODEL_CONTEXT)).toThrow('gives no file name');
  });

  it('refuses, naming the field, data that the buyers schema would not accept', () => {
    const stale = { ...validCommitmentData(), buyer_kind: 'association' };
    expect(() => draftBuyerEntry(stale, RECEIPT, MODEL_CONTEXT)).toThrow(/content\/buyers\/fonderie-rhin-et-doller\.md :\n {2}- kind : /);
  });
});
