/** The URLs an HTML page refers to, read with a real HTML parser (hast-util-from-html). */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { listFiles } from './dist-files.ts';

/** One `href` or `src` attribute of a page. */
export interface Reference {
  readonly tagName: string;
  readonly attribute: 'href' | 'src';
  readonly value: string;
}

/** Every element of a parsed document, depth first. */
export function listElements(html: string): Element[] {
  const elements: Element[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'element') elements.push(node);
    if ('children' in node) for (const child of node.children) visit(child);
    if (node.type === 'element' && node.content) visit(node.content);
  };
  visit(fromHtml(html));
  return elements;
}

/** Every `href` and `src` of a page, in document order. */
export function listReferences(html: string): Reference[] {
  return listElements(html).flatMap((element) =>
    (['href', 'src'] as const)
      .filter((attribute) => typeof element.properties[attribute] === 'string')
      .map((attribute) => ({ tagName: element.tagName, attribute, value: String(element.properties[attribute]) })),
  );
}

/** URL path of a built HTML file: `startups/acme/index.html` → `/startups/acme/`. */
export function pathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Every built HTML file, sorted. */
export async function htmlFiles(dist: string): Promise<string[]> {
  return (await listFiles(dist)).filter((file) => file.endsWith('.html')).sort();
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * Internal references (same origin) of every HTML file whose target is not a
 * built file: a path ending in `/` needs its `index.html`, any other path must
 * be a file itself (a directory without the slash would go through a redirect).
 * @param siteUrl the site's own origin (`site_url`): absolute links to it count as internal
 * @returns one line per broken reference: file, element, attribute, value
 */
export async function findBrokenReferences(dist: string, siteUrl: string): Promise<string[]> {
  const broken: string[] = [];
  for (const file of await htmlFiles(dist)) {
    const pageUrl = new URL(pathOf(file), siteUrl);
    for (const reference of listReferences(await readFile(join(dist, file), 'utf8'))) {
      const target = new URL(reference.value, pageUrl);
      if (target.origin !== pageUrl.origin) continue;
      const path = decodeURIComponent(target.pathname);
      const expected = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
      if (!(await isFile(expected))) broken.push(`${file}: <${reference.tagName} ${reference.attribute}="${reference.value}">`);
    }
  }
  return broken;
}

