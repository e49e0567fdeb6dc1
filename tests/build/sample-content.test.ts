/**
 * `npm run generate:sample` then `astro build` of what it wrote: the site builds
 * from synthetic content, shows it, and every internal link resolves.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/astro-build.ts';
import { listFiles, readPage, textOf } from '../helpers/dist-files.ts';
import { findBrokenReferences } from '../helpers/html-references.ts';
import { PROJECT_ROOT, TEST_TMP } from '../helpers/paths.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'generate-sample.ts');
const CONTENT = join(TEST_TMP, 'sample-content-30');
const DIST = join(TEST_TMP, 'dist-sample-content-30');

describe('site built from 30 generated startups, 8 buyers and 20 orders', () => {
  let log = '';
  beforeAll(async () => {
    const generated = await promisify(execFile)(process.execPath, [SCRIPT, '--startups', '30', '--buyers', '8', '--orders', '20', '--out', CONTENT], {
      cwd: PROJECT_ROOT,
    });
    log = generated.stdout;
    const result = await buildSite({ contentDir: CONTENT, outDir: DIST });
    expect(result.exitCode, result.output).toBe(0);
  });

  it('writes the content folder with a copy of settings, pages and news', async () => {
    expect(log).toBe(`30 startups, 8 acheteurs, 20 bons de commande écrits dans ${CONTENT}\n`);
    const files = await listFiles(CONTENT);
    expect(files).toEqual(expect.arrayContaining(['settings/site.yml', 'pages/charte.md', 'news/ouverture-du-site.md']));
    expect(files.filter((file) => file.startsWith('startups/')).length).toBe(30);
  });

  it('shows the generated entries and figures', async () => {
    const home = textOf(await readPage(DIST, '/'));
    // Generated startups are samples: not counted, the directory is said to open.
    expect(home).toContain('L’annuaire ouvre');
    expect(home).toContain('8 acheteurs engagés');
    expect(home).toContain('20 bons de commande passés');
    expect(home).toContain('30 fiches d’exemple fictives, signalées par le badge « Exemple », ne sont pas comptées.');
    const profiles = (await listFiles(DIST)).filter((file) => /^startups\/exemple-\d{5}-[a-z-]+\/index\.html$/.test(file));
    expect(profiles.length).toBe(30);
    expect(JSON.parse(await readFile(join(DIST, 'donnees', 'bons-de-commande.json'), 'utf8'))).toHaveLength(20);
  });

  it('has no internal link that misses a built page', async () => {
    expect(await findBrokenReferences(DIST, 'https://premiers-bons-de-commande.netlify.app')).toEqual([]);
  });
});
