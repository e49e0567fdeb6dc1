import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { accessibleTablesPlugin } from '../../../src/lib/markdown/accessible-tables-plugin.ts';

const render = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: [accessibleTablesPlugin] })).html;
const TABLE = '| Données | Durée |\n| --- | --- |\n| Candidature | 36 mois |\n';

describe('accessibleTablesPlugin', () => {
  it('scopes header cells and wraps each table in a region named after the nearest heading above it', async () => {
    const html = await render(`## Ce que nous recevons\n\n${TABLE}\n## Combien de temps\n\nTexte\n\n${TABLE}\n${TABLE}`);
    const regions = [...html.matchAll(/<div class="table-scroll" role="region" tabindex="0" aria-label="([^"]*)"><table>/g)].map((match) => match[1]);
    expect(regions).toEqual(['Tableau : Ce que nous recevons', 'Tableau : Combien de temps', 'Tableau : Combien de temps']);
    expect(html.match(/<th scope="col">/g)).toHaveLength(6);
    expect(html).toContain('<td>Candidature</td>');
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(3);
  });

  it('aligns columns with the align attribute, never an inline style (the CSP allows none)', async () => {
    const html = await render('| Gauche | Centre | Droite | Rien |\n|:--|:-:|--:|---|\n| a | b | c | d |\n');
    expect(html).not.toContain('style=');
    expect([...html.matchAll(/<(th|td)((?: [^>]*)?)>/g)].map((match) => `${match[1]}${match[2]}`)).toEqual([
      'th align="left" scope="col"',
      'th align="center" scope="col"',
      'th align="right" scope="col"',
      'th scope="col"',
      'td align="left"',
      'td align="center"',
      'td align="right"',
      'td',
    ]);
  });

  it('names a table without a heading above it « Tableau »', async () => {
    expect(await render(TABLE)).toMatch(/^<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau"><table>/);
  });
});
