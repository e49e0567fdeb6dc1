/** Reading a built site: every file, every HTML page, text of a page. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under `root`, as paths relative to it. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The HTML of a built page, `/startups/acme/` → `startups/acme/index.html`. */
export function readPage(root: string, urlPath: string): Promise<string> {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFile(join(root, file), 'utf8');
}

/** Visible text of an HTML page, with tags removed and spaces (no-break included) collapsed to one. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}
