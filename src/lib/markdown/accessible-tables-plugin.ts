/**
 * Sätteri hast plugin for tables written in Markdown (the privacy notice):
 * header cells of the first row get `scope="col"` (RGAA 5.7), and each table
 * is wrapped in a focusable, named region that scrolls on its own, so the page
 * never scrolls sideways at 320 px (RGAA 10.11, WCAG 1.4.10). The region is
 * named after the nearest heading above the table, among its siblings.
 * A column's alignment (`|:--|--:|`) becomes an `align` attribute, not the
 * `style` attribute Sätteri writes: the site's Content-Security-Policy allows
 * no inline style (`src/lib/security/security-headers.ts`).
 */
import type { HastPluginDefinition } from 'satteri';

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** The `style` Sätteri gives a cell of an aligned column (GFM), with the alignment. */
const ALIGNMENT_STYLE = /^text-align: (left|center|right)$/;

/** The plugin, one of the site's Markdown processor (`site-markdown.ts`). */
export const accessibleTablesPlugin: HastPluginDefinition = {
  name: 'accessible-tables',
  element: [
    {
      filter: ['th', 'td'],
      visit(cell, context) {
        const alignment = ALIGNMENT_STYLE.exec(String(cell.properties['style']))?.[1];
        if (alignment !== undefined) {
          context.setProperty(cell, 'style', null);
          context.setProperty(cell, 'align', alignment);
        }
        if (cell.tagName !== 'th') return;
        const row = context.parent(cell);
        const section = row === undefined ? undefined : context.parent(row);
        if (section?.type === 'element' && section.tagName === 'thead') context.setProperty(cell, 'scope', 'col');
      },
    },
    {
      filter: ['table'],
      visit(table, context) {
        const siblings = context.parent(table).children;
        let heading = 'Tableau';
        for (const sibling of siblings.slice(0, context.indexOf(table))) {
          if (sibling.type === 'element' && HEADINGS.has(sibling.tagName)) heading = `Tableau : ${context.textContent(sibling).trim()}`;
        }
        context.wrapNode(table, {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: heading },
          children: [],
        });
      },
    },
  ],
};
