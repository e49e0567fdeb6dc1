/**
 * Rehype plugin for tables written in Markdown (the privacy notice): header
 * cells of the first row get `scope="col"` (RGAA 5.7), and each table is wrapped
 * in a focusable, named region that scrolls on its own, so the page never
 * scrolls sideways at 320 px (RGAA 10.11, WCAG 1.4.10). The region is named
 * after the nearest heading above the table.
 */

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function scopeHeaderCells(node: HastNode): void {
  if (node.type === 'element' && node.tagName === 'thead') {
    for (const row of node.children ?? []) {
      for (const cell of row.children ?? []) {
        if (cell.tagName === 'th') cell.properties = { ...cell.properties, scope: 'col' };
      }
    }
    return;
  }
  node.children?.forEach(scopeHeaderCells);
}

/** The plugin: `unified({ rehypePlugins: [rehypeAccessibleTables] })`. */
export function rehypeAccessibleTables() {
  const visit = (node: HastNode): void => {
    const children = node.children ?? [];
    let heading = 'Tableau';
    children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if (child.tagName !== undefined && HEADINGS.has(child.tagName)) heading = `Tableau : ${textOf(child).trim()}`;
      if (child.tagName === 'table') {
        scopeHeaderCells(child);
        children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: heading },
          children: [child],
        };
        return;
      }
      visit(child);
    });
  };
  return (tree: HastNode): void => visit(tree);
}
