/**
 * The startups a first-order request may name, read from the content files at
 * run time by the form functions (with the same front-matter parser and schema
 * as the build): published real startups, with their private order contact.
 * Fictional sample startups (`sample: true`) are left out: their addresses
 * reach no one, so a request naming one is refused (issue 14); the form tests
 * use the real startup of `tests/fixtures/content-with-orders`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { slugFromFileName } from './entry-slug.ts';
import type { ModelContext } from './fields.ts';
import { buildCollectionSchemas } from './schemas.ts';
import { formatContentIssues } from './format-content-issues.ts';
import { isOrderableStartup } from './is-orderable-startup.ts';

/** A published real (not sample) startup and the private address that receives order requests. */
export interface OrderableStartup {
  readonly slug: string;
  readonly name: string;
  /** Private: never rendered on the site. */
  readonly orderContactEmail: string;
}

/**
 * Read every published startup of a content folder that is not a sample, sorted by name (French collation).
 * @param contentRoot absolute path of the content folder
 * @throws Error naming the file and field of an invalid entry (the deploy would not have built)
 */
export async function readOrderableStartups(contentRoot: string, context: ModelContext): Promise<OrderableStartup[]> {
  const folder = join(contentRoot, 'startups');
  const schema = buildCollectionSchemas(context).startups;
  const files = (await readdir(folder)).filter((file) => file.endsWith('.md'));
  const startups = await Promise.all(
    files.map(async (file) => {
      const { frontmatter } = parseFrontmatter(await readFile(join(folder, file), 'utf8'));
      const result = schema.safeParse(frontmatter);
      if (!result.success) throw new Error(formatContentIssues(`content/startups/${file}`, result.error.issues));
      return { slug: slugFromFileName(file, 'content/startups'), data: result.data };
    }),
  );
  return startups
    .filter(({ data }) => isOrderableStartup(data))
    .map(({ slug, data }) => ({ slug, name: data.name, orderContactEmail: data.order_contact_email }))
    .sort((left, right) => left.name.localeCompare(right.name, 'fr'));
}
