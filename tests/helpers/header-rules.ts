/**
 * The custom headers of a built site as Netlify reads them: `dist/_headers`
 * (and `netlify.toml`) parsed by Netlify's own parser, and the headers that
 * apply to one path.
 */
import { join } from 'node:path';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { PROJECT_ROOT } from './paths.ts';

/**
 * Parse the rules of a built site.
 * @throws when the parser reports an error (a malformed `_headers` line)
 */
export async function readHeaderRules(dist: string): Promise<Header[]> {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [join(dist, '_headers')],
    netlifyConfigPath: join(PROJECT_ROOT, 'netlify.toml'),
    configHeaders: [],
    minimal: false,
  });
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('\n'));
  return headers as Header[];
}

/** The rules whose path pattern matches `path` (e.g. `/startups/demo/`). */
export function matchingRules(rules: readonly Header[], path: string): Header[] {
  return rules.filter((rule) => rule.forRegExp.test(path));
}

/**
 * The headers Netlify sends for `path`.
 * @throws when several rules match: they would combine in ways the site avoids (see `securityHeaderRules`)
 */
export function headersForPath(rules: readonly Header[], path: string): Record<string, string> {
  const matching = matchingRules(rules, path);
  if (matching.length > 1) throw new Error(`${path} matches several header rules: ${matching.map((rule) => rule.for).join(', ')}`);
  return { ...matching[0]?.values };
}
