import { describe, expect, it } from 'vitest';
import { rehypeAccessibleTables } from '../../../src/lib/markdown/rehype-accessible-tables.ts';

const cell = (tagName: string, text: string) => ({ type: 'element', tagName, properties: {}, children: [{ type: 'text', value: text }] });
const table = () => ({
  type: 'element',
  tagName: 'table',
  children: [
    { type: 'element', tagName: 'thead', children: [{ type: 'element', tagName: 'tr', children: [cell('th', 'Données'), cell('th', 'Durée')] }] },
    { type: 'element', tagName: 'tbody', children: [{ type: 'element', tagName: 'tr', children: [cell('td', 'Candidature'), cell('td', '36 mois')] }] },
  ],
});

describe('rehypeAccessibleTables', () => {
  it('scopes header cells and wraps each table in a region named after the heading above it', () => {
    const tree = { type: 'root', children: [cell('h2', 'Combien de temps'), cell('p', 'Texte'), table(), table()] };
    rehypeAccessibleTables()(tree);
    const [, , first] = tree.children as unknown as { tagName: string; properties: Record<string, unknown>; children: ReturnType<typeof table>[] }[];
    expect(first!.tagName).toBe('div');
    expect(first!.properties).toEqual({ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Tableau : Combien de temps' });
    const headerCells = first!.children[0]!.children[0]!.children[0]!.children as unknown as { properties: Record<string, unknown> }[];
    expect(headerCells.map((header) => header.properties['scope'])).toEqual(['col', 'col']);
    const bodyCells = first!.children[0]!.children[1]!.children[0]!.children as unknown as { properties: Record<string, unknown> }[];
    expect(bodyCells.map((data) => data.properties['scope'])).toEqual([undefined, undefined]);
    expect((tree.children[3] as { tagName: string }).tagName).toBe('div');
  });

  it('names a table without a heading above it « Tableau »', () => {
    const tree = { type: 'root', children: [table()] };
    rehypeAccessibleTables()(tree);
    expect((tree.children[0] as unknown as { properties: Record<string, unknown> }).properties['ariaLabel']).toBe('Tableau');
  });
});
